package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.metrics.Figure;

/** metrics.md's identities hold in every generated month, calibrated or not. */
class IdentitiesTest {

  @Test
  void defaultSample() {
    check(Samples.defaults());
  }

  @Test
  void calibratedSample() {
    check(Samples.calibrated());
  }

  private static long g(Map<Figure, Long> f, Figure x) {
    return f.get(x);
  }

  static void check(GeneratedSample s) {
    ReferenceFigures ref = ReferenceFigures.of(s);
    List<YearMonth> months = ref.months(s.publisherCode());
    assertTrue(months.contains(s.from()) && months.contains(s.to()), months.toString());
    Map<Figure, Long> previous = null;
    for (YearMonth m : months) {
      Map<Figure, Long> f = ref.month(s.publisherCode(), m);
      String where = m + " " + f;
      assertEquals(g(f, Figure.TOTAL), g(f, Figure.RESOLVED) + g(f, Figure.PENDING)
          + g(f, Figure.RETURNED), where);
      assertEquals(g(f, Figure.RESOLVED), g(f, Figure.RESOLVED_EARLY)
          + g(f, Figure.RESOLVED_ON_TIME) + g(f, Figure.RESOLVED_LATE), where);
      assertEquals(g(f, Figure.ONLINE_L34_RESOLVED), g(f, Figure.ONLINE_L34_EARLY)
          + g(f, Figure.ONLINE_L34_ON_TIME) + g(f, Figure.ONLINE_L34_LATE), where);
      assertEquals(g(f, Figure.FIVE_ON_SPOT_RESOLVED), g(f, Figure.FIVE_ON_SPOT_EARLY)
          + g(f, Figure.FIVE_ON_SPOT_ON_TIME) + g(f, Figure.FIVE_ON_SPOT_LATE), where);
      assertEquals(g(f, Figure.PENDING), g(f, Figure.PENDING_NOT_DUE)
          + g(f, Figure.PENDING_AWAITING_SUPPLEMENT) + g(f, Figure.PENDING_OVERDUE), where);
      long attitude = 0;
      long overall = 0;
      for (int k = 0; k < 4; k++) {
        attitude += f.get(Figure.values()[Figure.SURVEY_ATTITUDE_1.ordinal() + k]);
        overall += f.get(Figure.values()[Figure.SURVEY_OVERALL_1.ordinal() + k]);
      }
      assertEquals(g(f, Figure.SURVEY_BALLOTS), attitude, where);
      assertEquals(g(f, Figure.SURVEY_BALLOTS), overall, where);
      if (previous != null) {
        assertEquals(g(previous, Figure.PENDING), g(f, Figure.CARRIED_OVER), where);
      }
      if (!m.isBefore(s.from()) && !m.isAfter(s.to())) {
        assertTrue(g(f, Figure.RECEIVED_NEW) > 0 && g(f, Figure.RESOLVED) > 0, where);
      }
      previous = f;
    }
  }
}
