package vn.bantin.gold;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.bantin.metrics.Measure;

/**
 * What one counted dossier adds to each month: its flows (received, resolved and its split,
 * returned, postal, online level 3/4, 5 tại chỗ) in the month they happen, and for each stock
 * (carried over, pending and its three parts) the change of the stock in the months where the
 * dossier's state changes. Summed over dossiers and then over the months up to M, the changes
 * give the stocks at the end of M, so a dossier open for years adds a handful of events, not
 * one row per month, and a new month needs nothing from the dossiers that did not change.
 *
 * <p>The stocks are read from {@link DossierTimeline}, metrics.md's literal definitions, at
 * every date where a state can change (received, ended, a supplement requested or received,
 * the day after a due date in force): between two such dates nothing changes. Carried over is
 * counted apart from pending (by months, not dates) so that the identity carried_over(P) =
 * pending(P−1) still compares two computations.
 */
public final class DossierEvents {
  private DossierEvents() {}

  /** A month and what the dossier adds to it, indexed by {@link Measure#ordinal()}. */
  public record MonthDelta(YearMonth month, long[] values) {}

  /** Outcome and catalogue facts of a counted dossier that its flows depend on. */
  public record Facts(boolean resolved, boolean postal, boolean onlineL34, boolean onlineChannel,
      boolean fiveOnSpot, boolean hasProcedureVersion) {}

  /** The months the dossier changes, each with its deltas (non-zero somewhere), in order. */
  public static List<MonthDelta> of(DossierTimeline t, Facts f) {
    java.util.TreeMap<YearMonth, long[]> months = new java.util.TreeMap<>();
    YearMonth received = YearMonth.from(t.r());
    add(months, received, Measure.RECEIVED_NEW, 1);
    if (!f.hasProcedureVersion()) {
      add(months, received, Measure.RECEIVED_WITHOUT_PROCEDURE_VERSION, 1);
    }
    add(months, received.plusMonths(1), Measure.CARRIED_OVER_CHANGE, 1);
    if (t.isEnded()) {
      YearMonth ended = YearMonth.from(t.e());
      add(months, ended.plusMonths(1), Measure.CARRIED_OVER_CHANGE, -1);
      if (f.resolved()) {
        DossierTimeline.Timing timing = t.timing();
        add(months, ended, Measure.RESOLVED, 1);
        add(months, ended, timingMeasure(timing, Measure.RESOLVED_EARLY,
            Measure.RESOLVED_ON_TIME, Measure.RESOLVED_LATE), 1);
        if (f.postal()) {
          add(months, ended, Measure.POSTAL, 1);
        }
        if (f.onlineL34()) {
          add(months, ended, Measure.ONLINE_L34_RESOLVED, 1);
          add(months, ended, timingMeasure(timing, Measure.ONLINE_L34_EARLY,
              Measure.ONLINE_L34_ON_TIME, Measure.ONLINE_L34_LATE), 1);
          if (f.onlineChannel()) {
            add(months, ended, Measure.ONLINE_L34_RECEIVED_ONLINE, 1);
          }
        }
        if (f.fiveOnSpot()) {
          add(months, ended, Measure.FIVE_ON_SPOT_RESOLVED, 1);
          add(months, ended, timingMeasure(timing, Measure.FIVE_ON_SPOT_EARLY,
              Measure.FIVE_ON_SPOT_ON_TIME, Measure.FIVE_ON_SPOT_LATE), 1);
        }
      } else {
        add(months, ended, Measure.RETURNED, 1);
      }
    }
    int[] previous = new int[4];
    for (LocalDate b : breakpoints(t)) {
      int[] state = stateOn(t, b);
      YearMonth m = YearMonth.from(b);
      add(months, m, Measure.PENDING_CHANGE, state[0] - previous[0]);
      add(months, m, Measure.PENDING_NOT_DUE_CHANGE, state[1] - previous[1]);
      add(months, m, Measure.PENDING_AWAITING_SUPPLEMENT_CHANGE, state[2] - previous[2]);
      add(months, m, Measure.PENDING_OVERDUE_CHANGE, state[3] - previous[3]);
      previous = state;
    }
    List<MonthDelta> out = new ArrayList<>();
    months.forEach((m, v) -> {
      for (long x : v) {
        if (x != 0) {
          out.add(new MonthDelta(m, v));
          return;
        }
      }
    });
    return out;
  }

  /** pending, not due, awaiting supplement, overdue on t: 0 or 1 each. */
  static int[] stateOn(DossierTimeline t, LocalDate day) {
    boolean open = t.openOn(day);
    boolean awaiting = t.awaitingSupplementOn(day);
    boolean overdue = t.overdueOn(day);
    return new int[] {bit(open), bit(open && !awaiting && !overdue), bit(awaiting),
        bit(overdue)};
  }

  /** Every date on which a stock of the dossier may change. */
  static TreeSet<LocalDate> breakpoints(DossierTimeline t) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    dates.add(t.r());
    if (t.e() != null) {
      dates.add(t.e());
    }
    if (t.due() != null) {
      dates.add(t.due().plusDays(1));
    }
    for (DossierTimeline.Supplement s : t.supplements()) {
      dates.add(s.requestedOn());
      if (s.receivedOn() != null) {
        dates.add(s.receivedOn());
      }
      if (s.dueBeforeOn() != null) {
        dates.add(s.dueBeforeOn().plusDays(1));
      }
    }
    return dates;
  }

  private static Measure timingMeasure(DossierTimeline.Timing timing, Measure early,
      Measure onTime, Measure late) {
    return switch (timing) {
      case EARLY -> early;
      case ON_TIME -> onTime;
      case LATE -> late;
    };
  }

  private static void add(java.util.TreeMap<YearMonth, long[]> months, YearMonth m,
      Measure measure, long delta) {
    if (delta != 0) {
      months.computeIfAbsent(m, k -> new long[Measure.values().length])[measure.ordinal()] +=
          delta;
    }
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }
}
