package vn.bantin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.bantin.cli.Cli;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.metrics.Figure;
import vn.bantin.generate.GeneratedSample;
import vn.bantin.generate.GeneratorOptions;
import vn.bantin.generate.ReferenceFigures;
import vn.bantin.generate.SampleGenerator;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * Differential test: a generated sample (another seed than data-samples, not calibrated) goes
 * through the whole Spark job from its files, and every figure of every month of every
 * publisher must equal what an independent plain-Java implementation of metrics.md computes
 * from the generator's own model of the dossiers. Two implementations written apart agreeing on
 * tens of thousands of dossiers is what "exact" means here.
 */
class ReferenceImplementationAgreementTest {
  @TempDir
  Path tmp;

  @Test
  void everyFigureOfEveryMonthAgreesWithTheReferenceImplementation() throws Exception {
    GeneratedSample sample = SampleGenerator.generate(GeneratorOptions.defaults(tmp.resolve("in"))
        .withSeed(7).withSpan(YearMonth.of(2022, 5), YearMonth.of(2022, 8)).withScale(0.5));
    Path warehouse = tmp.resolve("warehouse");
    Cli.Run run = Cli.bantin("run", "--input", tmp.resolve("in").toString(), "--warehouse",
        warehouse.toString());
    assertEquals(0, run.code(), run.out() + run.err());

    ReferenceFigures reference = ReferenceFigures.of(sample);
    Map<String, Map<String, Map<Figure, Long>>> ours = new TreeMap<>();
    for (Row r : new TableStore(SparkTestSession.get(), new Warehouse(warehouse.toString())).read(Table.GOLD_BULLETIN).filter("period_kind = 'month'").collectAsList()) {
      Map<Figure, Long> figures = new EnumMap<>(Figure.class);
      for (Figure f : Figure.values()) {
        figures.put(f, r.<Long>getAs(f.key()));
      }
      ours.computeIfAbsent(r.getAs("publisher_code"), k -> new TreeMap<>())
          .put(r.getAs("period"), figures);
    }
    assertFalse(ours.isEmpty());
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
    assertEquals(List.of(sample.publisherCode()).size(),
        ours.keySet().stream().filter(sample.publisherCode()::equals).count());
  }
}
