package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Natural dossier lifecycles: arrivals on working days in office hours, a due date a procedure's
 * deadline later (in working days), sometimes a supplement request that stops the clock and
 * moves the due date, then mostly an early or on-time result, a few late, some returned or
 * withdrawn, and the hand-over a few days after. {@link CalibratedPeriod} reuses the building
 * blocks ({@link #start}, {@link #supplement}, {@link #end}) to shape dossiers to order.
 */
final class LifecycleGenerator {

  /** Resolution relative to the due date, by local calendar date. */
  enum Timing { EARLY, ON_TIME, LATE }

  private static final double WORKING_DAYS_PER_MONTH = 21.5;

  private final Catalogue catalogue;
  private final NaturalRates rates;
  private final String centreCode;
  private final Random rnd;
  private final PersonGenerator people;
  private final double counterPostShare;
  private final double resultByPostShare;
  private long serial;

  LifecycleGenerator(Catalogue catalogue, NaturalRates rates, String centreCode, Random rnd) {
    this.catalogue = catalogue;
    this.rates = rates;
    this.centreCode = centreCode;
    this.rnd = rnd;
    this.people = new PersonGenerator(rnd);
    // Postal = filed by post (channel 3) or result by post; split the share between the two.
    this.counterPostShare = Math.min(0.03, rates.postalShare() / 3);
    this.resultByPostShare = Math.max(0,
        (rates.postalShare() - counterPostShare) / (1 - counterPostShare));
  }

  Random random() {
    return rnd;
  }

  NaturalRates rates() {
    return rates;
  }

  static LocalDateTime endOfDay(LocalDate d) {
    return d.atTime(23, 59, 59);
  }

  /** The natural dossiers submitted in month {@code m}. */
  List<DossierDraft> month(YearMonth m) {
    List<DossierDraft> out = new ArrayList<>();
    double perDay = rates.monthlyVolume() / WORKING_DAYS_PER_MONTH;
    for (LocalDate day : WorkCalendar.workingDays(m.atDay(1), m.atEndOfMonth())) {
      long n = Math.round(perDay * (0.8 + 0.4 * rnd.nextDouble()));
      for (long i = 0; i < n; i++) {
        LocalDateTime t = WorkCalendar.officeTime(day, rnd);
        double u = rnd.nextDouble();
        if (u < 0.004) {
          out.add(notAccepted(t));
        } else if (u < 0.012) {
          out.add(refused(t));
        } else {
          out.add(natural(t));
        }
      }
    }
    return out;
  }

  /** Submitted online and never accepted (status 1): only NgayNopHoSo. */
  private DossierDraft notAccepted(LocalDateTime t) {
    Procedure p = catalogue.pick(t.toLocalDate(), true, null, rnd);
    DossierDraft d = start(t, p);
    d.acceptedAt = null;
    d.initialDue = null;
    d.channel = 2;
    d.submittedAt = t.minusMinutes(rnd.nextInt(600));
    return d;
  }

  /** Refused at intake (status 3): NgayTuChoi, no NgayTiepNhan. */
  private DossierDraft refused(LocalDateTime t) {
    DossierDraft d = start(t, catalogue.pick(t.toLocalDate(), null, null, rnd));
    d.acceptedAt = null;
    d.initialDue = null;
    d.refusedAt = t.plusMinutes(5 + rnd.nextInt(120));
    return d;
  }

  /** A dossier accepted at {@code r} that lives a natural life. */
  DossierDraft natural(LocalDateTime r) {
    Procedure p = catalogue.pick(r.toLocalDate(), rnd.nextDouble() < rates.level34Share(),
        rnd.nextDouble() < rates.fiveShare(), rnd);
    DossierDraft d = start(r, p);
    if (d.initialDue != null && rnd.nextDouble() < rates.supplementShare()) {
      LocalDateTime s = WorkCalendar.between(r,
          endOfDay(WorkCalendar.plusWorkingDays(r.toLocalDate(), Math.min(3, p.deadlineDays()))),
          rnd);
      if (rnd.nextDouble() < 0.88) {
        supplement(d, s, receiptAfter(s));
        if (rnd.nextDouble() < 0.12) {
          LocalDateTime s2 = WorkCalendar.between(d.lastEvent(),
              endOfDay(WorkCalendar.plusWorkingDays(d.lastEvent().toLocalDate(), 3)), rnd);
          supplement(d, s2, receiptAfter(s2));
        }
      } else {
        supplement(d, s, null);
      }
    }
    finishNaturally(d, d.lastEvent());
    return d;
  }

  /** When a requested supplement arrives: one to eight working days later, in office hours. */
  LocalDateTime receiptAfter(LocalDateTime s) {
    LocalDateTime t = WorkCalendar.officeTime(
        WorkCalendar.plusWorkingDays(s.toLocalDate(), 1 + rnd.nextInt(8)), rnd);
    return t.isAfter(s) ? t : s.plusHours(1);
  }

  /**
   * A new dossier accepted at {@code r} for procedure {@code p}: the version valid on r, a
   * natural channel and delivery, the due date, a fake applicant. No outcome yet.
   */
  DossierDraft start(LocalDateTime r, Procedure p) {
    CatalogueVersion v = catalogue.versionOn(p.code(), r.toLocalDate());
    DossierDraft d = new DossierDraft();
    d.serial = serial++;
    d.procedure = p;
    d.version = v;
    d.writtenProcedureCode = rnd.nextDouble() < 0.03 ? p.code() + ".000.00.00.H54" : p.code();
    d.departmentCode = rnd.nextDouble() < 0.015 ? null : v.departmentCode();
    d.publisherCode = centreCode;
    d.acceptedAt = r;
    int channel = v.isLevel34() && rnd.nextDouble() < rates.onlineShare() ? 2
        : rnd.nextDouble() < counterPostShare ? 3 : 1;
    setChannel(d, channel, rnd.nextDouble() < resultByPostShare ? 1 : 0);
    d.initialDue = rnd.nextDouble() < 0.003 ? null
        : WorkCalendar.plusWorkingDays(r.toLocalDate(), p.deadlineDays()).atTime(17, 0);
    double s = rnd.nextDouble();
    d.openStatus = s < 0.94 ? 4 : s < 0.97 ? 2 : 6;
    d.withdrawalCoded = rnd.nextDouble() < 0.75;
    boolean business = p.sectorName().contains("doanh nghiệp") || p.sectorName().contains("Đầu tư")
        || p.sectorName().contains("thương mại") || p.sectorName().contains("hàng hóa");
    d.applicant = people.next(business);
    d.summary = v.procedureName() + " - " + d.applicant.name();
    return d;
  }

  /** Sets channel and delivery, and the submission time that goes with the channel. */
  void setChannel(DossierDraft d, int channel, int delivery) {
    d.channel = channel;
    d.delivery = delivery;
    LocalDateTime r = d.acceptedAt;
    if (r.getHour() == 0 && r.getMinute() == 0 || r.getHour() == 23 && r.getMinute() == 59) {
      // accepted at midnight: an online dossier the system accepted by itself
      d.submittedAt = r.minusSeconds(5 + rnd.nextInt(50));
    } else if (channel == 2) {
      d.submittedAt = r.minusMinutes(10 + rnd.nextInt(1800));
    } else if (channel == 3) {
      d.submittedAt = r.minusHours(20 + rnd.nextInt(50));
    } else {
      d.submittedAt = r.minusMinutes(1 + rnd.nextInt(25));
    }
  }

  /**
   * Adds a supplement request at {@code s}, received at {@code received} (null = never): the
   * clock stops, and on receipt the due date moves by the working days the pause lasted.
   */
  void supplement(DossierDraft d, LocalDateTime s, LocalDateTime received) {
    LocalDateTime before = d.currentDue();
    if (before == null) {
      throw new IllegalStateException("a supplement needs a due date");
    }
    LocalDateTime after = null;
    if (received != null) {
      int pause = WorkCalendar.workingDaysBetween(s.toLocalDate(), received.toLocalDate());
      after = WorkCalendar.plusWorkingDays(before.toLocalDate(), pause)
          .atTime(before.toLocalTime());
    }
    d.supplements.add(new Supplement(s, received, before, after));
  }

  Timing drawTiming() {
    double u = rnd.nextDouble();
    return u < rates.earlyShare() ? Timing.EARLY
        : u < rates.earlyShare() + rates.lateShare() ? Timing.LATE : Timing.ON_TIME;
  }

  /**
   * A moment after {@code lo} (exclusive) at which a dossier due {@code due} ends with the given
   * timing, at or before {@code hi} (null = no limit beyond the natural few days); null when the
   * window is empty. Early / on time / late compare calendar dates; no due date is on time.
   */
  LocalDateTime end(Timing t, LocalDateTime lo, LocalDateTime due, LocalDateTime hi) {
    LocalDateTime from;
    LocalDateTime to;
    switch (t) {
      case EARLY -> {
        if (due == null) {
          return null;
        }
        from = lo;
        to = endOfDay(due.toLocalDate().minusDays(1));
      }
      case ON_TIME -> {
        if (due == null) {
          from = lo;
          to = endOfDay(WorkCalendar.plusWorkingDays(lo.toLocalDate(), 2));
        } else {
          from = DossierDraft.later(lo, endOfDay(due.toLocalDate().minusDays(1)));
          to = endOfDay(due.toLocalDate());
        }
      }
      default -> {
        if (due == null) {
          return null;
        }
        from = DossierDraft.later(lo, endOfDay(due.toLocalDate()));
        to = hi != null ? hi : endOfDay(WorkCalendar.plusWorkingDays(
            from.toLocalDate(), 1 + rnd.nextInt(4)));
      }
    }
    if (hi != null && to.isAfter(hi)) {
      to = hi;
    }
    return WorkCalendar.between(from, to, rnd);
  }

  /** Ends a dossier naturally after {@code lo}: resolved, returned or withdrawn; hands over. */
  void finishNaturally(DossierDraft d, LocalDateTime lo) {
    if (d.awaitingForever()) {
      if (rnd.nextDouble() < 0.7) {
        LocalDate day = WorkCalendar.plusWorkingDays(lo.toLocalDate(), 10 + rnd.nextInt(10));
        d.endedAt = WorkCalendar.officeTime(day, rnd);
        d.outcome = rnd.nextDouble() < 0.6 ? Dossier.Outcome.RETURNED : Dossier.Outcome.WITHDRAWN;
        handOver(d);
      }
      return;
    }
    if (rnd.nextDouble() < rates.returnedShare()) {
      d.endedAt = WorkCalendar.between(lo, endOfDay(WorkCalendar.plusWorkingDays(
          lo.toLocalDate(), 1 + rnd.nextInt(Math.max(1, d.procedure.deadlineDays())))), rnd);
      d.outcome = rnd.nextDouble() < 0.6 ? Dossier.Outcome.RETURNED : Dossier.Outcome.WITHDRAWN;
    } else {
      LocalDateTime due = d.currentDue();
      Timing t = drawTiming();
      LocalDateTime e = end(t, lo, due, null);
      if (e == null && t == Timing.EARLY) {
        e = end(Timing.ON_TIME, lo, due, null);
      }
      if (e == null) {
        e = end(due == null ? Timing.ON_TIME : Timing.LATE, lo, due, null);
      }
      d.endedAt = e;
      d.outcome = Dossier.Outcome.RESOLVED;
    }
    handOver(d);
  }

  /** Most results are collected within three working days; withdrawals have none. */
  void handOver(DossierDraft d) {
    if (d.outcome == Dossier.Outcome.WITHDRAWN
        || rnd.nextDouble() > (d.outcome == Dossier.Outcome.RESOLVED ? 0.93 : 0.8)) {
      return;
    }
    LocalDateTime h = WorkCalendar.officeTime(
        WorkCalendar.plusWorkingDays(d.endedAt.toLocalDate(), rnd.nextInt(4)), rnd);
    d.handedOverAt = h.isAfter(d.endedAt) ? h : d.endedAt.plusMinutes(5 + rnd.nextInt(55));
  }
}
