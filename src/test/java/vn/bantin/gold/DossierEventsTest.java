package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bantin.metrics.Measure;

/**
 * The event form of a dossier against metrics.md's literal definitions
 * ({@link DossierTimeline}): for thousands of random dossiers (supplements requested and
 * received, due dates moved, ended or open), the stock changes summed up to any month must
 * give exactly the state on that month's last day, and carried over the state on the day
 * before its first.
 */
class DossierEventsTest {
  private static final LocalDate BASE = LocalDate.of(2020, 12, 20);

  @Test
  void runningSumsOfTheEventsAreTheStatesOnEveryMonthEnd() {
    Random rnd = new Random(42);
    for (int n = 0; n < 5000; n++) {
      DossierTimeline t = randomTimeline(rnd);
      List<DossierEvents.MonthDelta> events = DossierEvents.of(t,
          new DossierEvents.Facts(true, false, false, false, false, true));
      long[] stock = new long[Measure.values().length];
      int e = 0;
      for (YearMonth m = YearMonth.from(BASE).minusMonths(1); m.isBefore(YearMonth.of(2023, 1));
          m = m.plusMonths(1)) {
        while (e < events.size() && !events.get(e).month().isAfter(m)) {
          for (int i = 0; i < stock.length; i++) {
            stock[i] += events.get(e).values()[i];
          }
          e++;
        }
        LocalDate last = m.atEndOfMonth();
        String where = "dossier " + n + " " + t + " month " + m;
        assertEquals(bit(t.openOn(last)), stock[Measure.PENDING_CHANGE.ordinal()], where);
        assertEquals(bit(t.awaitingSupplementOn(last)),
            stock[Measure.PENDING_AWAITING_SUPPLEMENT_CHANGE.ordinal()], where);
        assertEquals(bit(t.overdueOn(last)), stock[Measure.PENDING_OVERDUE_CHANGE.ordinal()],
            where);
        assertEquals(bit(t.openOn(last) && !t.awaitingSupplementOn(last) && !t.overdueOn(last)),
            stock[Measure.PENDING_NOT_DUE_CHANGE.ordinal()], where);
        assertEquals(bit(t.openOn(m.atDay(1).minusDays(1))),
            stock[Measure.CARRIED_OVER_CHANGE.ordinal()], where);
      }
    }
  }

  @Test
  void flowsFallInTheMonthOfReceiptAndOfTheEnd() {
    DossierTimeline t = new DossierTimeline(LocalDate.of(2021, 3, 31), LocalDate.of(2021, 5, 1),
        LocalDate.of(2021, 4, 30), List.of());
    List<DossierEvents.MonthDelta> events = DossierEvents.of(t,
        new DossierEvents.Facts(true, true, true, true, false, false));
    long[] march = events.get(0).values();
    assertEquals(YearMonth.of(2021, 3), events.get(0).month());
    assertEquals(1, march[Measure.RECEIVED_NEW.ordinal()]);
    assertEquals(1, march[Measure.RECEIVED_WITHOUT_PROCEDURE_VERSION.ordinal()]);
    long[] may = events.stream().filter(d -> d.month().equals(YearMonth.of(2021, 5)))
        .findFirst().orElseThrow().values();
    assertEquals(1, may[Measure.RESOLVED.ordinal()]);
    assertEquals(1, may[Measure.RESOLVED_LATE.ordinal()]);
    assertEquals(1, may[Measure.ONLINE_L34_LATE.ordinal()]);
    assertEquals(1, may[Measure.ONLINE_L34_RECEIVED_ONLINE.ordinal()]);
    assertEquals(1, may[Measure.POSTAL.ordinal()]);
    assertEquals(0, may[Measure.FIVE_ON_SPOT_RESOLVED.ordinal()]);
    assertEquals(0, may[Measure.RETURNED.ordinal()]);
  }

  private static DossierTimeline randomTimeline(Random rnd) {
    LocalDate r = BASE.plusDays(rnd.nextInt(200));
    LocalDate due = rnd.nextInt(10) == 0 ? null : r.plusDays(rnd.nextInt(60));
    List<DossierTimeline.Supplement> supplements = new ArrayList<>();
    int count = rnd.nextInt(4);
    LocalDate at = r;
    for (int i = 0; i < count; i++) {
      at = at.plusDays(rnd.nextInt(40));
      LocalDate received = rnd.nextInt(4) == 0 ? null : at.plusDays(rnd.nextInt(50));
      LocalDate dueBefore = rnd.nextInt(6) == 0 ? null : at.plusDays(rnd.nextInt(30) - 10);
      supplements.add(new DossierTimeline.Supplement(at, at.atTime(8 + i, 0), i + 1, received,
          dueBefore));
    }
    LocalDate e = rnd.nextInt(4) == 0 ? null : r.plusDays(rnd.nextInt(300));
    return new DossierTimeline(r, e, due, supplements);
  }

  private static long bit(boolean b) {
    return b ? 1 : 0;
  }
}
