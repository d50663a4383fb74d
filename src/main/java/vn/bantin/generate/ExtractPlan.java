package vn.bantin.generate;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.extract.ExtractKind;

/**
 * Which extract files a span of months produces, and in which formats.
 *
 * <ul>
 *   <li>{@code hoso}: the nightly monthly export at 01:30 on the first of the next month, in
 *       gzip (JSON Lines and CSV by turns), and from the second month on a small interim export
 *       at noon on the month's second working day, cycling through plain CSV with a byte-order mark, XLSX, {@code .json}
 *       and plain JSON Lines. Each holds the dossiers with an event since the previous one, as of
 *       its time; the last monthly export, after the last month, is the final one.
 *   <li>{@code danhgia}: every third month and after the last, at midnight (a date-only name),
 *       overlapping the previous one by a week.
 *   <li>{@code thutuc}: on the eve of the first month (XLSX, date-only name) and with the final
 *       {@code hoso} export (CSV): the second adds the versions that started since.
 *   <li>{@code donvi}: with the final {@code hoso} export.
 * </ul>
 */
final class ExtractPlan {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final String[] INTERIM = {"csv", "xlsx", "json", "jsonl"};

  private ExtractPlan() {}

  static List<PlannedExtract> of(YearMonth from, YearMonth to) {
    List<PlannedExtract> out = new ArrayList<>();
    LocalDateTime previous = null;
    int months = 0;
    int interims = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), months++) {
      if (months > 0) {
        String f = INTERIM[interims++ % INTERIM.length];
        LocalDateTime t = WorkCalendar.plusWorkingDays(m.atDay(1), 1).atTime(12, 0);
        out.add(new PlannedExtract(ExtractKind.HOSO, name("hoso", t, f, false, true), t,
            previous, f, false, f.equals("csv")));
        previous = t;
      }
      LocalDateTime t = m.plusMonths(1).atDay(1).atTime(1, 30);
      String f = months % 2 == 0 ? "jsonl" : "csv";
      out.add(new PlannedExtract(ExtractKind.HOSO, name("hoso", t, f, true, true), t, previous,
          f, true, false));
      previous = t;
    }
    LocalDateTime last = previous;

    LocalDateTime previousBallots = null;
    int n = 0;
    String[] ballotFormats = {"jsonl", "csv", "xlsx"};
    months = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months++;
      if (months % 3 == 0 || m.equals(to)) {
        LocalDateTime t = m.plusMonths(1).atDay(1).atStartOfDay();
        String f = ballotFormats[n++ % ballotFormats.length];
        out.add(new PlannedExtract(ExtractKind.DANHGIA, name("danhgia", t, f, false, false), t,
            previousBallots == null ? null : previousBallots.minusDays(7), f, false, false));
        previousBallots = t;
      }
    }

    LocalDateTime eve = from.atDay(1).minusDays(1).atStartOfDay();
    out.add(new PlannedExtract(ExtractKind.THUTUC, name("thutuc", eve, "xlsx", false, false),
        eve, null, "xlsx", false, false));
    out.add(new PlannedExtract(ExtractKind.THUTUC, name("thutuc", last, "csv", false, true),
        last, eve, "csv", false, false));
    out.add(new PlannedExtract(ExtractKind.DONVI, name("donvi", last, "jsonl", false, true),
        last, null, "jsonl", false, false));
    return out;
  }

  private static String name(String kind, LocalDateTime t, String format, boolean gzip,
      boolean withTime) {
    return kind + "_" + (withTime ? STAMP.format(t) : DAY.format(t)) + "." + format
        + (gzip ? ".gz" : "");
  }
}
