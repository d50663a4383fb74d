package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.metrics.Figure;

/** With --calibrate, the reference figures of the bulletin's month are the bulletin's. */
class CalibrationTest {

  @Test
  void thaiBinhApril2021ComesOutExactly() {
    GeneratedSample s = Samples.calibrated();
    Bulletin b = s.bulletin();
    Map<Figure, Long> actual = ReferenceFigures.of(s).month(b.publisherCode(), b.period());
    assertEquals(b.figures(), actual, Samples.diff(b.figures(), actual));
  }

  @Test
  void monthsAroundLookAlike() {
    GeneratedSample s = Samples.calibrated();
    ReferenceFigures ref = ReferenceFigures.of(s);
    for (YearMonth m : new YearMonth[] {YearMonth.of(2021, 3), YearMonth.of(2021, 5)}) {
      Map<Figure, Long> f = ref.month(s.publisherCode(), m);
      double received = f.get(Figure.RECEIVED_NEW);
      assertTrue(received > 0.7 * 6562 && received < 1.3 * 6562, m + ": " + f);
      double early = (double) f.get(Figure.RESOLVED_EARLY) / f.get(Figure.RESOLVED);
      assertTrue(early > 0.6 && early < 0.95, m + " early share " + early);
      double l34 = (double) f.get(Figure.ONLINE_L34_RESOLVED) / f.get(Figure.RESOLVED);
      assertTrue(l34 > 0.25 && l34 < 0.6, m + " level-3/4 share " + l34);
    }
  }

  @Test
  void someDossiersSitOnTheMonthBoundary() {
    GeneratedSample s = Samples.calibrated();
    LocalDateTime before = LocalDateTime.of(2021, 3, 31, 23, 59, 59);
    LocalDateTime at = LocalDateTime.of(2021, 4, 1, 0, 0, 0);
    assertTrue(s.finalStates().stream().filter(d -> before.equals(d.acceptedAt())).count() > 0);
    assertTrue(s.finalStates().stream().filter(d -> at.equals(d.acceptedAt())).count() > 0);
  }

  /** A made-up but consistent bulletin with late, overdue and every answer, another seed. */
  @Test
  void anyConsistentBulletinComesOutExactly(@TempDir Path dir) throws IOException {
    String json = """
        {"publisher": "Trung tâm thử nghiệm", "publisher_code": "000.00.99.H54",
         "period": "2022-07", "figures": {
          "carried_over": 120, "received_new": 600, "total": 720,
          "resolved": 560, "resolved_early": 400, "resolved_on_time": 140, "resolved_late": 20,
          "pending": 130, "pending_not_due": 100, "pending_awaiting_supplement": 20,
          "pending_overdue": 10, "returned": 30, "postal": 80,
          "online_l34_resolved": 200, "online_l34_received_online": 120,
          "online_l34_early": 150, "online_l34_on_time": 45, "online_l34_late": 5,
          "five_on_spot_resolved": 500, "five_on_spot_early": 360, "five_on_spot_on_time": 125,
          "five_on_spot_late": 15,
          "survey_ballots": 50, "survey_attitude_1": 45, "survey_attitude_2": 3,
          "survey_attitude_3": 1, "survey_attitude_4": 1, "survey_overall_1": 40,
          "survey_overall_2": 6, "survey_overall_3": 3, "survey_overall_4": 1}}
        """;
    Path file = dir.resolve("test-2022-07.json");
    Files.writeString(file, json);
    GeneratedSample s = SampleGenerator.build(GeneratorOptions.defaults(null).withSeed(7)
        .withCalibration(file).withSpan(YearMonth.of(2022, 6), YearMonth.of(2022, 8)));
    Bulletin b = s.bulletin();
    Map<Figure, Long> actual = ReferenceFigures.of(s).month("000.00.99.H54", b.period());
    assertEquals(b.figures(), actual, Samples.diff(b.figures(), actual));
  }
}
