package vn.bantin.gold;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * One counted dossier's state on any local date, exactly as metrics.md defines it ("A
 * dossier's state on a date"). Every figure is a question to this class about the first or
 * last day of a month; nothing is looked up in snapshots.
 *
 * @param r received on: date(NgayTiepNhan)
 * @param e ended on: date(NgayKetThucXuLy), null while the dossier has not ended
 * @param due date(NgayHenTra), the due date in force now; null when there is none
 * @param supplements the supplement requests
 */
public record DossierTimeline(LocalDate r, LocalDate e, LocalDate due,
    List<Supplement> supplements) implements Serializable {

  /**
   * A supplement request: requested on, received on (null while awaited), the due date before
   * the pause; {@code requestedAt} and {@code seq} order two requests made on one day.
   */
  public record Supplement(LocalDate requestedOn, LocalDateTime requestedAt, int seq,
      LocalDate receivedOn, LocalDate dueBeforeOn) implements Serializable {}

  /** Resolved before, on or after the due date (calendar dates; no due date is on time). */
  public enum Timing { EARLY, ON_TIME, LATE }

  public boolean isEnded() {
    return e != null;
  }

  /** Open on t: received on or before t, and not ended on or before t. */
  public boolean openOn(LocalDate t) {
    return !r.isAfter(t) && (e == null || e.isAfter(t));
  }

  /** Open on t, with a request made on or before t whose supplement had not arrived by t. */
  public boolean awaitingSupplementOn(LocalDate t) {
    if (!openOn(t)) {
      return false;
    }
    for (Supplement s : supplements) {
      if (!s.requestedOn().isAfter(t) && (s.receivedOn() == null || s.receivedOn().isAfter(t))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The due date in force on t: the due date before the pause of the earliest request made
   * after t (a later pause moved the due date, but not yet on t); otherwise NgayHenTra. A
   * request with no due-date-before leaves NgayHenTra in force.
   */
  public LocalDate dueInForceOn(LocalDate t) {
    return supplements.stream()
        .filter(s -> s.requestedOn().isAfter(t))
        .min(Comparator.comparing(Supplement::requestedAt).thenComparingInt(Supplement::seq))
        .map(Supplement::dueBeforeOn)
        .orElse(due);
  }

  /** Pending on t, not awaiting a supplement, and its due date in force was before t. */
  public boolean overdueOn(LocalDate t) {
    if (!openOn(t) || awaitingSupplementOn(t)) {
      return false;
    }
    LocalDate inForce = dueInForceOn(t);
    return inForce != null && inForce.isBefore(t);
  }

  /** For an ended dossier: its end against NgayHenTra. */
  public Timing timing() {
    if (due == null || e.isEqual(due)) {
      return Timing.ON_TIME;
    }
    return e.isBefore(due) ? Timing.EARLY : Timing.LATE;
  }
}
