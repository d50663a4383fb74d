package vn.bantin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.generate.GeneratedSample;
import vn.bantin.generate.GeneratorOptions;
import vn.bantin.generate.ReferenceFigures;
import vn.bantin.generate.SampleGenerator;

/** DuckDB's figures from the raw extracts equal the plain-Java reference implementation's. */
class DuckDbBulletinsTest {
  @TempDir
  Path tmp;

  @Test
  void everyFigureOfEveryMonthAgreesWithTheReferenceImplementation() throws Exception {
    Path in = tmp.resolve("in");
    GeneratedSample sample = SampleGenerator.generate(GeneratorOptions.defaults(in)
        .withSeed(7).withSpan(YearMonth.of(2022, 5), YearMonth.of(2022, 8)).withScale(0.5));
    ToJsonLines.convertFolder(in);
    var ours = DuckDbBulletins.compute(in);
    ReferenceFigures reference = ReferenceFigures.of(sample);
    assertFalse(ours.isEmpty());
    assertFalse(reference.months(sample.publisherCode()).isEmpty());
    for (String publisher : ours.keySet()) {
      TreeSet<String> expectedMonths = new TreeSet<>();
      for (YearMonth m : reference.months(publisher)) {
        expectedMonths.add(m.toString());
      }
      assertEquals(expectedMonths, ours.get(publisher).keySet(), "months of " + publisher);
      for (String month : expectedMonths) {
        assertEquals(reference.month(publisher, YearMonth.parse(month)),
            ours.get(publisher).get(month), publisher + " " + month);
      }
    }
    assertEquals(true, ours.containsKey(sample.publisherCode()));
  }
}
