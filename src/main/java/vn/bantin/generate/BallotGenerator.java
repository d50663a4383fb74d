package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Satisfaction ballots: filled in at the centre's kiosks in office hours (a few online, at any
 * hour), mostly very satisfied, most of them about a dossier resolved shortly before; a few at a
 * district desk, which are not the centre's.
 */
final class BallotGenerator {

  /** A ballot before it gets its id (ids are numbered per day at the end). */
  record Draft(LocalDateTime at, String publisherCode, DossierDraft dossier, int attitude,
      int overall, long serial) {}

  private final NaturalRates rates;
  private final String centreCode;
  private final Random rnd;
  private long serial;

  BallotGenerator(NaturalRates rates, String centreCode, Random rnd) {
    this.rates = rates;
    this.centreCode = centreCode;
    this.rnd = rnd;
  }

  /**
   * The natural ballots of month {@code m}: the centre's (unless {@code centreToo} is false)
   * and the district desk's.
   */
  List<Draft> natural(YearMonth m, List<DossierDraft> resolvedInMonth, boolean centreToo) {
    List<Draft> out = new ArrayList<>();
    List<LocalDate> days = WorkCalendar.workingDays(m.atDay(1), m.atEndOfMonth());
    long n = Math.round(rates.ballotsPerDossier() * rates.monthlyVolume()
        * (0.85 + 0.3 * rnd.nextDouble()));
    if (centreToo) {
      for (long i = 0; i < n; i++) {
        LocalDateTime at = WorkCalendar.officeTime(days.get(rnd.nextInt(days.size())), rnd);
        out.add(new Draft(at, centreCode, link(at, resolvedInMonth), draw(rates.attitude()),
            draw(rates.overall()), serial++));
      }
    }
    for (long i = 0; i < Math.max(1, n / 30); i++) {
      LocalDateTime at = WorkCalendar.officeTime(days.get(rnd.nextInt(days.size())), rnd);
      out.add(new Draft(at, ThaiBinh.DISTRICT_CODE, null, draw(rates.attitude()),
          draw(rates.overall()), serial++));
    }
    return out;
  }

  /**
   * The calibrated month's ballots at the centre, with exactly these answers; the first one at
   * 00:00:00 on the first day (an online ballot), and one more at 23:59:59 on the day before the
   * month, which belongs to the month before.
   */
  List<Draft> exact(YearMonth m, List<int[]> answers, List<DossierDraft> resolvedInMonth) {
    List<Draft> out = new ArrayList<>();
    List<LocalDate> days = WorkCalendar.workingDays(m.atDay(1), m.atEndOfMonth());
    for (int i = 0; i < answers.size(); i++) {
      LocalDateTime at = i == 0 ? m.atDay(1).atStartOfDay()
          : WorkCalendar.officeTime(days.get(rnd.nextInt(days.size())), rnd);
      out.add(new Draft(at, centreCode, link(at, resolvedInMonth), answers.get(i)[0],
          answers.get(i)[1], serial++));
    }
    out.add(new Draft(LifecycleGenerator.endOfDay(m.atDay(1).minusDays(1)), centreCode, null,
        1, 1, serial++));
    return out;
  }

  private DossierDraft link(LocalDateTime at, List<DossierDraft> resolved) {
    if (resolved.isEmpty() || rnd.nextDouble() > 0.65) {
      return null;
    }
    DossierDraft d = resolved.get(rnd.nextInt(resolved.size()));
    return d.endedAt != null && d.endedAt.isBefore(at) ? d : null;
  }

  private int draw(double[] shares) {
    double u = rnd.nextDouble();
    for (int k = 0; k < 3; k++) {
      u -= shares[k];
      if (u < 0) {
        return k + 1;
      }
    }
    return 4;
  }
}
