package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import vn.bantin.metrics.Figure;
import vn.bantin.generate.LifecycleGenerator.Timing;

/**
 * Makes one month's figures equal a published bulletin's, by construction.
 *
 * <p>The natural dossiers that would touch the month's dossier figures are removed: those
 * accepted in it, and those accepted earlier and still open on the day before it. In their
 * place come exactly {@code carried_over} dossiers accepted in the weeks before the month and
 * exactly {@code received_new} accepted in it. Each gets a <em>slot</em>: what must happen to it
 * in the month (resolved early / on time / late, with the level-3/4, "5 tại chỗ", online and
 * postal flags; returned or withdrawn; still open at the end, not due / awaiting a supplement /
 * overdue). The slots are the bulletin's figures split jointly: per timing, the 2×2 table of
 * level-3/4 × "5 tại chỗ" is filled with the given margins. Each dossier is then drawn (accept
 * time, procedure, supplements, end) until it fits its slot; after the month it lives on
 * naturally. Ballots: exactly the month's answers.
 */
final class CalibratedPeriod {

  enum Kind { RESOLVED, RETURNED, PENDING_NOT_DUE, PENDING_AWAITING, PENDING_OVERDUE }

  /** What must happen to one dossier in the month. */
  static final class Slot {
    final Kind kind;
    final Timing timing;
    final boolean level34;
    final boolean five;
    boolean online;
    boolean postal;
    boolean noDue;
    boolean carried;
    LocalDateTime fixedAcceptance;

    Slot(Kind kind, Timing timing, boolean level34, boolean five) {
      this.kind = kind;
      this.timing = timing;
      this.level34 = level34;
      this.five = five;
    }

    @Override
    public String toString() {
      return (carried ? "carried-over " : "new ") + kind.name().toLowerCase()
          + (timing == null ? "" : " " + timing.name().toLowerCase())
          + (kind == Kind.RESOLVED ? (level34 ? " level-3/4" : "") + (five ? " 5-tai-cho" : "")
              : "");
    }
  }

  private final Bulletin bulletin;
  private final Catalogue catalogue;
  private final LifecycleGenerator gen;
  private final Random rnd;
  private final YearMonth period;
  private final LocalDate first;
  private final LocalDate last;
  private final LocalDateTime periodStart;
  private final LocalDateTime periodEnd;
  private final List<DossierDraft> resolvedInPeriod = new ArrayList<>();

  CalibratedPeriod(Bulletin bulletin, Catalogue catalogue, LifecycleGenerator gen) {
    this.bulletin = bulletin;
    this.catalogue = catalogue;
    this.gen = gen;
    this.rnd = gen.random();
    this.period = bulletin.period();
    this.first = period.atDay(1);
    this.last = period.atEndOfMonth();
    this.periodStart = first.atStartOfDay();
    this.periodEnd = LifecycleGenerator.endOfDay(last);
  }

  YearMonth period() {
    return period;
  }

  /** The month's resolved dossiers (for linking ballots), after {@link #apply}. */
  List<DossierDraft> resolvedInPeriod() {
    return resolvedInPeriod;
  }

  /**
   * Checks that some set of dossiers and ballots can have the bulletin's figures; throws a
   * one-line {@link CalibrationException} naming every broken relation.
   */
  static void check(Bulletin b, Catalogue catalogue) {
    List<String> problems = new ArrayList<>();
    sum(problems, b, Figure.TOTAL, Figure.CARRIED_OVER, Figure.RECEIVED_NEW);
    sum(problems, b, Figure.TOTAL, Figure.RESOLVED, Figure.PENDING, Figure.RETURNED);
    sum(problems, b, Figure.RESOLVED, Figure.RESOLVED_EARLY, Figure.RESOLVED_ON_TIME,
        Figure.RESOLVED_LATE);
    sum(problems, b, Figure.PENDING, Figure.PENDING_NOT_DUE, Figure.PENDING_AWAITING_SUPPLEMENT,
        Figure.PENDING_OVERDUE);
    sum(problems, b, Figure.ONLINE_L34_RESOLVED, Figure.ONLINE_L34_EARLY,
        Figure.ONLINE_L34_ON_TIME, Figure.ONLINE_L34_LATE);
    sum(problems, b, Figure.FIVE_ON_SPOT_RESOLVED, Figure.FIVE_ON_SPOT_EARLY,
        Figure.FIVE_ON_SPOT_ON_TIME, Figure.FIVE_ON_SPOT_LATE);
    sum(problems, b, Figure.SURVEY_BALLOTS, Figure.SURVEY_ATTITUDE_1, Figure.SURVEY_ATTITUDE_2,
        Figure.SURVEY_ATTITUDE_3, Figure.SURVEY_ATTITUDE_4);
    sum(problems, b, Figure.SURVEY_BALLOTS, Figure.SURVEY_OVERALL_1, Figure.SURVEY_OVERALL_2,
        Figure.SURVEY_OVERALL_3, Figure.SURVEY_OVERALL_4);
    atMost(problems, b, Figure.ONLINE_L34_RECEIVED_ONLINE, Figure.ONLINE_L34_RESOLVED);
    atMost(problems, b, Figure.POSTAL, Figure.RESOLVED);
    atMost(problems, b, Figure.ONLINE_L34_EARLY, Figure.RESOLVED_EARLY);
    atMost(problems, b, Figure.ONLINE_L34_ON_TIME, Figure.RESOLVED_ON_TIME);
    atMost(problems, b, Figure.ONLINE_L34_LATE, Figure.RESOLVED_LATE);
    atMost(problems, b, Figure.FIVE_ON_SPOT_EARLY, Figure.RESOLVED_EARLY);
    atMost(problems, b, Figure.FIVE_ON_SPOT_ON_TIME, Figure.RESOLVED_ON_TIME);
    atMost(problems, b, Figure.FIVE_ON_SPOT_LATE, Figure.RESOLVED_LATE);
    if (problems.isEmpty()) {
      // every cell of level-3/4 × "5 tại chỗ" that the split needs must exist in the catalogue
      LocalDate mid = b.period().atDay(15);
      for (Timing t : Timing.values()) {
        long[] cells = cells(b, t);
        String[] names = {"level 3/4 and 5 tại chỗ", "level 3/4, not 5 tại chỗ",
            "not level 3/4, 5 tại chỗ", "neither level 3/4 nor 5 tại chỗ"};
        for (int c = 0; c < 4; c++) {
          if (cells[c] > 0 && !catalogue.has(mid, c < 2, c % 2 == 0)) {
            problems.add("the modelled catalogue has no procedure that is " + names[c]
                + " in " + b.period());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CalibrationException("cannot calibrate to " + b.fileName() + " ("
          + b.period() + "): " + String.join("; ", problems));
    }
  }

  private static void sum(List<String> problems, Bulletin b, Figure whole, Figure... parts) {
    long s = 0;
    StringBuilder names = new StringBuilder();
    for (Figure p : parts) {
      s += b.get(p);
      names.append(names.length() == 0 ? "" : " + ").append(p.key());
    }
    if (s != b.get(whole)) {
      problems.add(whole.key() + " (" + b.get(whole) + ") is not " + names + " (" + s + ")");
    }
  }

  private static void atMost(List<String> problems, Bulletin b, Figure part, Figure whole) {
    if (b.get(part) > b.get(whole)) {
      problems.add(part.key() + " (" + b.get(part) + ") exceeds " + whole.key() + " ("
          + b.get(whole) + ")");
    }
  }

  private static Figure fig(String prefix, Timing t) {
    String suffix = switch (t) {
      case EARLY -> "EARLY";
      case ON_TIME -> "ON_TIME";
      case LATE -> "LATE";
    };
    return Figure.valueOf(prefix + suffix);
  }

  /**
   * The resolved dossiers of one timing in the four cells level-3/4 × "5 tại chỗ": (yes, yes),
   * (yes, no), (no, yes), (no, no), with the bulletin's margins; the overlap is set near what
   * independence would give, within what the margins allow.
   */
  static long[] cells(Bulletin b, Timing t) {
    long n = b.get(fig("RESOLVED_", t));
    long a = b.get(fig("ONLINE_L34_", t));
    long f = b.get(fig("FIVE_ON_SPOT_", t));
    if (n == 0) {
      return new long[4];
    }
    long lo = Math.max(0, a + f - n);
    long hi = Math.min(a, f);
    long both = Math.max(lo, Math.min(hi, Math.round((double) a * f / n)));
    return new long[] {both, a - both, f - both, n - a - f + both};
  }

  /**
   * Replaces the natural dossiers that would touch the month with calibrated ones; returns the
   * new list (natural ones kept in their order, then the calibrated ones).
   */
  List<DossierDraft> apply(List<DossierDraft> natural) {
    List<DossierDraft> out = new ArrayList<>();
    for (DossierDraft d : natural) {
      if (!touchesPeriod(d)) {
        out.add(d);
      }
    }
    // The constrained slots first: when one cannot be built in its pool (say, an on-time
    // dossier whose only fitting procedure has a deadline longer than the month, which only a
    // carried-over dossier can meet), it moves to the other pool and an easy slot not yet built
    // (resolved early or returned, which fit either pool) moves the other way.
    List<Slot> all = slots();
    List<Slot> order = new ArrayList<>();
    for (Slot s : all) {
      if (!easy(s)) {
        order.add(s);
      }
    }
    for (Slot s : all) {
      if (easy(s)) {
        order.add(s);
      }
    }
    for (int i = 0; i < order.size(); i++) {
      Slot s = order.get(i);
      DossierDraft d = build(s);
      if (d == null && !easy(s)) {
        s.carried = !s.carried;
        s.fixedAcceptance = null;
        d = build(s);
        Slot swap = null;
        for (int j = i + 1; j < order.size() && swap == null; j++) {
          Slot t = order.get(j);
          if (easy(t) && t.carried == s.carried && t.fixedAcceptance == null) {
            swap = t;
          }
        }
        if (d == null || swap == null) {
          d = null;
        } else {
          swap.carried = !swap.carried;
        }
      }
      if (d == null) {
        throw new CalibrationException("cannot calibrate to " + bulletin.fileName() + " ("
            + period + "): found no way to build a " + s + " dossier with the modelled"
            + " catalogue");
      }
      out.add(d);
      if (s.kind == Kind.RESOLVED) {
        resolvedInPeriod.add(d);
      }
    }
    return out;
  }

  /** Slots that fit a carried-over or a new dossier alike. */
  private static boolean easy(Slot s) {
    return s.kind == Kind.RETURNED || s.kind == Kind.RESOLVED && s.timing == Timing.EARLY;
  }

  /** Accepted in the month, or earlier and still open on the day before it. */
  private boolean touchesPeriod(DossierDraft d) {
    if (d.acceptedAt == null) {
      return false;
    }
    LocalDate r = d.acceptedAt.toLocalDate();
    if (r.isAfter(last)) {
      return false;
    }
    return !r.isBefore(first) || d.endedAt == null || !d.endedAt.toLocalDate().isBefore(first);
  }

  private List<Slot> slots() {
    List<Slot> resolved = new ArrayList<>();
    for (Timing t : Timing.values()) {
      long[] c = cells(bulletin, t);
      for (int cell = 0; cell < 4; cell++) {
        for (long i = 0; i < c[cell]; i++) {
          resolved.add(new Slot(Kind.RESOLVED, t, cell < 2, cell % 2 == 0));
        }
      }
    }
    List<Slot> level34 = new ArrayList<>();
    for (Slot s : resolved) {
      if (s.level34) {
        level34.add(s);
      }
    }
    Collections.shuffle(level34, rnd);
    for (int i = 0; i < bulletin.get(Figure.ONLINE_L34_RECEIVED_ONLINE); i++) {
      level34.get(i).online = true;
    }
    Collections.shuffle(resolved, rnd);
    for (int i = 0; i < bulletin.get(Figure.POSTAL); i++) {
      resolved.get(i).postal = true;
    }
    int noDue = 0;
    for (Slot s : resolved) {
      if (s.timing == Timing.ON_TIME && noDue < Math.min(3, bulletin.get(Figure.RESOLVED_ON_TIME)
          / 200)) {
        s.noDue = true;
        noDue++;
      }
    }
    List<Slot> ended = new ArrayList<>(resolved);
    for (long i = 0; i < bulletin.get(Figure.RETURNED); i++) {
      ended.add(new Slot(Kind.RETURNED, null, false, false));
    }
    List<Slot> pending = new ArrayList<>();
    add(pending, Kind.PENDING_NOT_DUE, bulletin.get(Figure.PENDING_NOT_DUE));
    add(pending, Kind.PENDING_AWAITING, bulletin.get(Figure.PENDING_AWAITING_SUPPLEMENT));
    add(pending, Kind.PENDING_OVERDUE, bulletin.get(Figure.PENDING_OVERDUE));
    if (bulletin.get(Figure.PENDING_NOT_DUE) >= 100) {
      pending.get(0).noDue = true;
    }

    long carried = bulletin.get(Figure.CARRIED_OVER);
    long fresh = bulletin.get(Figure.RECEIVED_NEW);
    long k = pending.size();
    // a few carried-over dossiers are still open at the month's end; most of them end in it
    long carriedPending = Math.max(Math.max(0, k - fresh),
        Math.min(Math.min(k, carried), Math.round(0.06 * carried)));
    Collections.shuffle(pending, rnd);
    Collections.shuffle(ended, rnd);
    for (int i = 0; i < carriedPending; i++) {
      pending.get(i).carried = true;
    }
    for (int i = 0; i < carried - carriedPending; i++) {
      ended.get(i).carried = true;
    }
    List<Slot> all = new ArrayList<>(ended);
    all.addAll(pending);
    // dossiers on the month boundary: accepted at 23:59:59 the day before (carried over) and at
    // 00:00:00 on the first day (new), to exercise local-date logic
    int before = 0;
    int after = 0;
    for (Slot s : all) {
      boolean easy = s.kind == Kind.RETURNED || s.kind == Kind.PENDING_AWAITING
          || s.kind == Kind.RESOLVED && s.timing == Timing.EARLY;
      if (!easy) {
        continue;
      }
      if (s.carried && before < 3) {
        s.fixedAcceptance = LifecycleGenerator.endOfDay(first.minusDays(1));
        before++;
      } else if (!s.carried && after < 3) {
        s.fixedAcceptance = periodStart;
        after++;
      }
    }
    return all;
  }

  private static void add(List<Slot> out, Kind kind, long n) {
    for (long i = 0; i < n; i++) {
      out.add(new Slot(kind, null, false, false));
    }
  }

  private LocalDateTime newAcceptance() {
    List<LocalDate> days = WorkCalendar.workingDays(first, last);
    return WorkCalendar.officeTime(days.get(rnd.nextInt(days.size())), rnd);
  }

  private LocalDateTime carriedAcceptance() {
    int back = Math.min(30, (int) (-Math.log(1 - rnd.nextDouble()) * 6));
    return WorkCalendar.officeTime(
        WorkCalendar.minusWorkingDays(first.minusDays(1), back), rnd);
  }

  /** A dossier that fits the slot in its pool, or null when none could be found. */
  private DossierDraft build(Slot s) {
    for (int attempt = 0; attempt < 400; attempt++) {
      LocalDateTime r = s.fixedAcceptance != null ? s.fixedAcceptance
          : s.carried ? carriedAcceptance() : newAcceptance();
      DossierDraft d = attempt(s, r, null);
      if (d != null) {
        return d;
      }
    }
    // Rare: search systematically over acceptance days and procedures.
    List<LocalDate> days = s.carried
        ? WorkCalendar.workingDays(WorkCalendar.minusWorkingDays(first.minusDays(1), 30),
            first.minusDays(1))
        : WorkCalendar.workingDays(first, last);
    for (LocalDate day : days) {
      for (Procedure p : catalogue.procedures()) {
        for (int i = 0; i < 3; i++) {
          DossierDraft d = attempt(s, s.fixedAcceptance != null ? s.fixedAcceptance
              : WorkCalendar.officeTime(day, rnd), p);
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  /** One try at a dossier accepted at {@code r} for slot {@code s}; null when it did not fit. */
  private DossierDraft attempt(Slot s, LocalDateTime r, Procedure forced) {
    LocalDate day = r.toLocalDate();
    Procedure p;
    if (s.kind == Kind.RESOLVED) {
      if (forced != null) {
        CatalogueVersion v = catalogue.versionOn(forced.code(), day);
        if (v == null || v.isLevel34() != s.level34 || v.fiveOnSpot() != s.five) {
          return null;
        }
        p = forced;
      } else {
        if (!catalogue.has(day, s.level34, s.five)) {
          return null;
        }
        p = catalogue.pick(day, s.level34, s.five, rnd);
      }
    } else {
      p = forced != null ? forced : catalogue.pick(day,
          rnd.nextDouble() < gen.rates().level34Share(),
          rnd.nextDouble() < gen.rates().fiveShare(), rnd);
    }
    DossierDraft d = gen.start(r, p);
    if (s.kind == Kind.RESOLVED) {
      if (s.online) {
        gen.setChannel(d, 2, s.postal ? 1 : 0);
      } else if (s.postal) {
        if (rnd.nextBoolean()) {
          gen.setChannel(d, 3, rnd.nextDouble() < 0.3 ? 1 : 0);
        } else {
          gen.setChannel(d, 1, 1);
        }
      } else {
        gen.setChannel(d, 1, 0);
      }
    }
    if (s.noDue) {
      d.initialDue = null;
    } else if (d.initialDue == null) {
      d.initialDue = WorkCalendar.plusWorkingDays(day, p.deadlineDays()).atTime(17, 0);
    }
    boolean ok = switch (s.kind) {
      case RESOLVED -> resolved(d, s.timing);
      case RETURNED -> returned(d);
      case PENDING_AWAITING -> awaiting(d);
      case PENDING_OVERDUE -> overdue(d);
      case PENDING_NOT_DUE -> notDue(d);
    };
    return ok ? d : null;
  }

  private LocalDateTime openFrom(DossierDraft d) {
    return DossierDraft.later(d.acceptedAt, periodStart.minusSeconds(1));
  }

  private boolean resolved(DossierDraft d, Timing t) {
    LocalDateTime lo = openFrom(d);
    if (d.initialDue != null && rnd.nextDouble() < 0.08) {
      LocalDateTime s = WorkCalendar.between(d.acceptedAt,
          LifecycleGenerator.endOfDay(WorkCalendar.plusWorkingDays(d.acceptedAt.toLocalDate(), 2)),
          rnd);
      LocalDateTime received = gen.receiptAfter(s);
      if (received.isBefore(periodEnd)) {
        gen.supplement(d, s, received);
        lo = DossierDraft.later(lo, received);
      }
    }
    LocalDateTime e = gen.end(t, lo, d.currentDue(), periodEnd);
    if (e == null) {
      return false;
    }
    d.endedAt = e;
    d.outcome = Dossier.Outcome.RESOLVED;
    gen.handOver(d);
    return true;
  }

  private boolean returned(DossierDraft d) {
    LocalDateTime lo = openFrom(d);
    if (d.initialDue != null && rnd.nextDouble() < 0.25) {
      LocalDateTime hi = LifecycleGenerator.endOfDay(
          WorkCalendar.plusWorkingDays(d.acceptedAt.toLocalDate(), 3));
      LocalDateTime s = WorkCalendar.between(d.acceptedAt, hi.isAfter(periodEnd) ? periodEnd : hi,
          rnd);
      if (s != null) {
        gen.supplement(d, s, null); // never received: returned for want of it
        lo = DossierDraft.later(lo, s);
      }
    }
    LocalDateTime hi = LifecycleGenerator.endOfDay(
        WorkCalendar.plusWorkingDays(lo.toLocalDate(), 1 + rnd.nextInt(8)));
    LocalDateTime e = WorkCalendar.between(lo, hi.isAfter(periodEnd) ? periodEnd : hi, rnd);
    if (e == null) {
      return false;
    }
    d.endedAt = e;
    d.outcome = rnd.nextDouble() < 0.6 ? Dossier.Outcome.RETURNED : Dossier.Outcome.WITHDRAWN;
    gen.handOver(d);
    return true;
  }

  /** Requested on or before the last day, received after it or never. */
  private boolean awaiting(DossierDraft d) {
    LocalDateTime hi = LifecycleGenerator.endOfDay(
        WorkCalendar.plusWorkingDays(d.acceptedAt.toLocalDate(), 5));
    LocalDateTime s = WorkCalendar.between(d.acceptedAt, hi.isAfter(periodEnd) ? periodEnd : hi,
        rnd);
    if (s == null) {
      return false;
    }
    if (rnd.nextDouble() < 0.65) {
      LocalDateTime received = WorkCalendar.officeTime(
          WorkCalendar.plusWorkingDays(last, 1 + rnd.nextInt(8)), rnd);
      gen.supplement(d, s, received);
      gen.finishNaturally(d, received);
    } else {
      gen.supplement(d, s, null);
      gen.finishNaturally(d, periodEnd);
    }
    return true;
  }

  /** Due before the last day, no supplement requested by then; perhaps one after it. */
  private boolean overdue(DossierDraft d) {
    if (d.initialDue == null || !d.initialDue.toLocalDate().isBefore(last)) {
      return false;
    }
    laterSupplement(d, 0.25);
    gen.finishNaturally(d, DossierDraft.later(periodEnd, d.lastEvent()));
    return true;
  }

  /** Due on or after the last day (perhaps after a supplement moved it), or no due date. */
  private boolean notDue(DossierDraft d) {
    if (d.initialDue != null && d.initialDue.toLocalDate().isBefore(last)) {
      if (rnd.nextBoolean()) {
        return false;
      }
      // a supplement requested and received within the month moves the due date past its end
      LocalDateTime hi = LifecycleGenerator.endOfDay(
          WorkCalendar.plusWorkingDays(d.acceptedAt.toLocalDate(), 3));
      LocalDateTime s = WorkCalendar.between(d.acceptedAt, hi.isAfter(periodEnd) ? periodEnd : hi,
          rnd);
      if (s == null) {
        return false;
      }
      LocalDateTime received = gen.receiptAfter(s);
      if (received.isAfter(periodEnd)) {
        return false;
      }
      gen.supplement(d, s, received);
      if (d.currentDue().toLocalDate().isBefore(last)) {
        return false;
      }
    }
    if (d.initialDue != null) {
      laterSupplement(d, 0.15);
    }
    gen.finishNaturally(d, DossierDraft.later(periodEnd, d.lastEvent()));
    return true;
  }

  /** With probability p, a supplement requested after the month (it does not change it). */
  private void laterSupplement(DossierDraft d, double p) {
    if (rnd.nextDouble() < p) {
      LocalDateTime s = WorkCalendar.officeTime(
          WorkCalendar.plusWorkingDays(last, 1 + rnd.nextInt(3)), rnd);
      gen.supplement(d, s, rnd.nextDouble() < 0.7 ? gen.receiptAfter(s) : null);
    }
  }

  /**
   * The month's ballot answers (ThaiDo, HaiLong) in pairs: both answer lists in ascending
   * order, so that polite staff go with satisfied applicants.
   */
  List<int[]> ballotAnswers() {
    List<int[]> out = new ArrayList<>();
    int[] attitude = answers(Figure.SURVEY_ATTITUDE_1);
    int[] overall = answers(Figure.SURVEY_OVERALL_1);
    for (int i = 0; i < attitude.length; i++) {
      out.add(new int[] {attitude[i], overall[i]});
    }
    return out;
  }

  private int[] answers(Figure firstAnswer) {
    int[] out = new int[(int) bulletin.get(Figure.SURVEY_BALLOTS)];
    int i = 0;
    for (int k = 0; k < 4; k++) {
      long n = bulletin.get(Figure.values()[firstAnswer.ordinal() + k]);
      for (long j = 0; j < n; j++) {
        out[i++] = k + 1;
      }
    }
    return out;
  }
}
