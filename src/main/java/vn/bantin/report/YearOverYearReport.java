package vn.bantin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.NumberNotation;
import vn.bantin.gold.Trends;
import vn.bantin.query.YearOverYear;

/**
 * What the year-over-year report says, as printed text: the charted measures, the departments
 * ranked by on-time rate with their change, and the sentences naming the largest changes. Pure:
 * built from a {@link YearOverYear} (the figures of {@code gold.trends}) and a language, so the
 * wording and arithmetic are tested on inline data without a warehouse.
 *
 * <p>Changes compare the year to date with the same months a year earlier: a count by its
 * relative change (none when the year-ago count is absent or zero: there is no percentage of
 * nothing), a rate by its difference in percentage points (none when the year-ago rate is
 * absent).
 */
public record YearOverYearReport(Language language, String publisher, String publisherName,
    int year, String span, List<Chart> charts, List<DepartmentLine> departments,
    List<String> sentences, ReportWordingView words) {

  /** One chart: the measure's twelve months beside the year before's. */
  public record Chart(String measure, String title, boolean rate, YearOverYear.Series series) {}

  /** One line of the department table, as printed. */
  public record DepartmentLine(int rank, String department, String onTimeRate,
      String onTimeRateYearAgo, String arrow, String change, String received,
      String receivedYearAgo, boolean noComparison, String continues) {}

  /** The labels the template prints, by name. */
  public record ReportWordingView(String title, String chartsTitle, String summaryTitle,
      String departmentsTitle, String rank, String department, String onTimeRate, String change,
      String received, String noComparisonMark, String noComparisonNote, String continuedMark,
      String continuedNote, String source,
      String comparedWith, String[] monthNames) {}

  /** A change of one measure over the year to date; {@code delta} empty for no comparison. */
  record Change(String measure, boolean rate, BigDecimal now, BigDecimal ago,
      Optional<BigDecimal> delta) {

    static Change of(String measure, boolean rate, BigDecimal now, BigDecimal ago) {
      Optional<BigDecimal> delta;
      if (now == null || ago == null) {
        delta = Optional.empty();
      } else if (rate) {
        delta = Optional.of(now.subtract(ago));
      } else if (ago.signum() == 0) {
        delta = Optional.empty();
      } else {
        // (now − ago) / ago, as gold.trends' yoy_change_relative (6 decimals, half up).
        delta = Optional.of(now.subtract(ago).divide(ago, 6, RoundingMode.HALF_UP));
      }
      return new Change(measure, rate, now, ago, delta);
    }

    BigDecimal size() {
      return delta.map(BigDecimal::abs).orElse(BigDecimal.ZERO);
    }
  }

  public static YearOverYearReport of(YearOverYear data, String publisherName,
      Language language) {
    ReportWording w = ReportWording.of(language);
    NumberNotation n = language.notation();
    int before = data.year() - 1;
    String span = w.span(data.year(), data.lastMonth(), language);

    List<Chart> charts = new ArrayList<>();
    List<Change> counts = new ArrayList<>();
    List<Change> rates = new ArrayList<>();
    for (String measure : ReportWording.CHARTED) {
      YearOverYear.Series s = data.measures().get(measure);
      if (s == null) {
        throw new IllegalStateException("Cannot build the report: gold.trends has no measure "
            + measure);
      }
      boolean rate = isRate(measure);
      charts.add(new Chart(measure, w.label(measure), rate, s));
      (rate ? rates : counts).add(Change.of(measure, rate, s.ytd(), s.ytdYearAgo()));
    }

    List<String> sentences = new ArrayList<>();
    boolean anyComparison = counts.stream().anyMatch(c -> c.delta().isPresent())
        || rates.stream().anyMatch(c -> c.delta().isPresent());
    if (!anyComparison) {
      sentences.add(String.format(w.noYearAgo(), before) + ".");
    }
    largest(counts).ifPresent(c -> sentences.add(w.largestVolume() + ": "
        + sentence(c, w, n, span, before)));
    largest(rates).ifPresent(c -> sentences.add(w.largestRate() + ": "
        + sentence(c, w, n, span, before)));
    // The measures without comparison are said so, not dropped silently.
    for (Change c : counts) {
      if (c.delta().isEmpty() && anyComparison) {
        sentences.add(sentence(c, w, n, span, before));
      }
    }
    for (Change c : rates) {
      if (c.delta().isEmpty() && anyComparison) {
        sentences.add(sentence(c, w, n, span, before));
      }
    }

    List<YearOverYear.UnitYear> ranked = new ArrayList<>(data.departments());
    ranked.sort(Comparator.comparing(YearOverYear.UnitYear::onTimeRate,
            Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
        .thenComparing(YearOverYear.UnitYear::unitCode,
            Comparator.nullsLast(Comparator.naturalOrder())));
    List<DepartmentLine> lines = new ArrayList<>();
    YearOverYear.UnitYear most = null;
    BigDecimal mostChange = null;
    int without = 0;
    for (YearOverYear.UnitYear u : ranked) {
      Change c = Change.of(Trends.ON_TIME_RATE, true, u.onTimeRate(), u.onTimeRateYearAgo());
      String name = u.unitCode() == null ? w.noDepartment() : u.unitCode();
      if (!u.hasYearAgo()) {
        without++;
      }
      if (c.delta().isPresent() && (mostChange == null || c.size().compareTo(mostChange) > 0)) {
        most = u;
        mostChange = c.size();
      }
      lines.add(new DepartmentLine(lines.size() + 1, name, percent(u.onTimeRate(), n),
          percent(u.onTimeRateYearAgo(), n), arrow(c), c.delta().map(d -> points(d.abs(), n)).orElse(""),
          count(u.received(), n), count(u.receivedYearAgo(), n), !u.hasYearAgo(),
          u.predecessors() == null ? "" : w.continuedMark() + " "
              + String.join(", ", u.predecessors().split(","))));
    }
    if (most != null) {
      Change c = Change.of(Trends.ON_TIME_RATE, true, most.onTimeRate(),
          most.onTimeRateYearAgo());
      sentences.add(w.departmentMost() + ": "
          + (most.unitCode() == null ? w.noDepartment() : most.unitCode()) + ", "
          + direction(c, w) + " " + points(c.delta().orElseThrow().abs(), n) + " " + w.points()
          + " (" + percent(c.ago(), n) + " → " + percent(c.now(), n) + ").");
    }
    if (without > 0 && anyComparison) {
      sentences.add(String.format(w.departmentsWithout(), without, before) + ".");
    }

    ReportWordingView view = new ReportWordingView(w.title(), w.chartsTitle(), w.summaryTitle(),
        w.departmentsTitle(), w.rank(), w.department(), w.onTimeRate(), w.change(), w.received(),
        w.noComparisonMark(), w.noComparisonNote(), w.continuedMark(), w.continuedNote(),
        w.source(), w.comparedWith(), w.monthNames());
    return new YearOverYearReport(language, data.publisher(), publisherName, data.year(), span,
        charts, lines, sentences, view);
  }

  /** Whether a gold.trends measure is a rate (in percent) rather than a count. */
  static boolean isRate(String measure) {
    return Trends.MEASURES.stream().filter(m -> m.name().equals(measure)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Cannot find measure " + measure))
        .kind() == Trends.Kind.RATE;
  }

  /** The change of largest size among those with a comparison; ties keep the report's order. */
  private static Optional<Change> largest(List<Change> changes) {
    Change best = null;
    for (Change c : changes) {
      if (c.delta().isPresent() && (best == null || c.size().compareTo(best.size()) > 0)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** "Số hồ sơ tiếp nhận tháng 1–12/2021: 7.790, tăng 12,3% so với cùng kỳ năm 2020 (6.936)." */
  static String sentence(Change c, ReportWording w, NumberNotation n, String span, int before) {
    String value = c.rate() ? percent(c.now(), n) : count(c.now(), n);
    String head = w.label(c.measure()) + w.labelSeparator() + span + ": " + (value.isEmpty() ? "—" : value);
    if (c.delta().isEmpty()) {
      return head + "; " + String.format(w.noComparison(), before) + ".";
    }
    String ago = c.rate() ? percent(c.ago(), n) : count(c.ago(), n);
    if (c.delta().get().signum() == 0) {
      return head + ", " + w.unchanged() + " " + w.comparedWith() + " " + before + " (" + ago
          + ").";
    }
    String amount = c.rate() ? points(c.delta().get().abs(), n) + " " + w.points()
        : n.decimal(c.delta().get().abs().movePointRight(2).setScale(1, RoundingMode.HALF_UP))
            + "%";
    return head + ", " + direction(c, w) + " " + amount + " " + w.comparedWith() + " " + before
        + " (" + ago + ").";
  }

  private static String direction(Change c, ReportWording w) {
    int sign = c.delta().orElseThrow().signum();
    return sign > 0 ? w.up() : sign < 0 ? w.down() : w.unchanged();
  }

  private static String arrow(Change c) {
    if (c.delta().isEmpty()) {
      return "";
    }
    int sign = c.delta().get().signum();
    return sign > 0 ? "▲" : sign < 0 ? "▼" : "=";
  }

  /** A rate of gold.trends (percent, 6 decimals) printed to 1 decimal, half up: "81,9%". */
  static String percent(BigDecimal rate, NumberNotation n) {
    return rate == null ? "" : n.decimal(rate.setScale(1, RoundingMode.HALF_UP)) + "%";
  }

  /** Percentage points to 1 decimal, half up, without sign: "2,3". */
  static String points(BigDecimal delta, NumberNotation n) {
    return n.decimal(delta.setScale(1, RoundingMode.HALF_UP));
  }

  /** A count of gold.trends (a whole number held as a decimal): "7.790". */
  static String count(BigDecimal value, NumberNotation n) {
    return value == null ? "" : n.count(value.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
  }
}
