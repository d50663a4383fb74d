package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bantin.SparkTestSession;

/**
 * {@link TableStore#mergeNewest}: the newest row of each key in extract order stays, whichever
 * way the store writes it (new rows appended and the others merged apart, or one merge when
 * many update), and merging the same rows again changes nothing (a run killed between the
 * append and the merge is done again whole).
 */
class MergeNewestTest {
  private static final LocalDateTime D1 = LocalDateTime.of(2024, 3, 1, 8, 0);
  private static final LocalDateTime D2 = LocalDateTime.of(2024, 3, 2, 8, 0);
  private static final LocalDateTime D3 = LocalDateTime.of(2024, 3, 3, 8, 0);

  /** dossier_id → "status@code_month" of every row of the table. */
  private static Map<String, String> rows(TableStore store, Table t) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : store.read(t).selectExpr("dossier_id", "concat(status, '@', code_month)")
        .collectAsList()) {
      String before = out.put(r.getString(0), r.getString(1));
      if (before != null) {
        throw new AssertionError("two rows of " + r.getString(0));
      }
    }
    return out;
  }

  /** The Delta operations that committed the table's versions after {@code version}. */
  private static List<String> operationsSince(TableStore store, Table t, long version) {
    return io.delta.tables.DeltaTable.forPath(store.spark(), store.location(t)).history()
        .where("version > " + version).orderBy("version").select("operation")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  @ParameterizedTest(name = "split up to {0} updated rows")
  @ValueSource(ints = {0, 3, 200_000})
  void theNewestRowOfEachKeyInExtractOrderStays(int splitUpTo, @TempDir Path dir) {
    SparkSession spark = SparkTestSession.get();
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.CLEANED_DOSSIERS;
    store.mergeNewest(t, spark.createDataFrame(List.of(
        QualityChecksTest.dossier("a", "2403", 1, D2),
        QualityChecksTest.dossier("b", "2403", 1, D2),
        QualityChecksTest.dossier("c", "2404", 1, D2)), t.schema()), List.of("2403", "2404"),
        splitUpTo);
    // a newer (updated), b older (a late file: kept as it was), c the same extract (kept),
    // d and e new, in a partition the table holds and in a new one.
    var second = spark.createDataFrame(List.of(
        QualityChecksTest.dossier("a", "2403", 4, D3),
        QualityChecksTest.dossier("b", "2403", 4, D1),
        QualityChecksTest.dossier("c", "2404", 4, D2),
        QualityChecksTest.dossier("d", "2403", 4, D1),
        QualityChecksTest.dossier("e", "2405", 4, D1)), t.schema());
    long before = store.version(t);
    store.mergeNewest(t, second, List.of("2403", "2404", "2405"), splitUpTo);
    // Three rows the table holds: merged apart from the two new ones up to three, else one
    // merge does both.
    assertEquals(splitUpTo >= 3 ? List.of("WRITE", "MERGE") : List.of("MERGE"),
        operationsSince(store, t, before));
    Map<String, String> expected = new TreeMap<>(Map.of("a", "4@2403", "b", "1@2403",
        "c", "1@2404", "d", "4@2403", "e", "4@2405"));
    assertEquals(expected, rows(store, t));

    store.mergeNewest(t, second, List.of("2403", "2404", "2405"), splitUpTo);
    assertEquals(expected, rows(store, t), "the same rows merged again");
  }

  /**
   * A run killed after the append and before the merge: its new rows are in the table, its
   * updates are not. Done again, the run ends with the rows of one uninterrupted run.
   */
  @org.junit.jupiter.api.Test
  void aRunKilledBetweenTheAppendAndTheMergeEndsAsOneUninterruptedRun(@TempDir Path dir) {
    SparkSession spark = SparkTestSession.get();
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.CLEANED_DOSSIERS;
    store.mergeNewest(t, spark.createDataFrame(List.of(
        QualityChecksTest.dossier("a", "2403", 1, D2),
        QualityChecksTest.dossier("b", "2403", 1, D2)), t.schema()), List.of("2403"));
    var second = spark.createDataFrame(List.of(
        QualityChecksTest.dossier("a", "2403", 4, D3),
        QualityChecksTest.dossier("b", "2403", 4, D1),
        QualityChecksTest.dossier("d", "2404", 4, D3)), t.schema());
    // What the killed run wrote: the append of its one new dossier.
    second.where("dossier_id = 'd'").write().format("delta").mode("append")
        .save(store.location(t));
    store.mergeNewest(t, second, List.of("2403", "2404"));
    assertEquals(new TreeMap<>(Map.of("a", "4@2403", "b", "1@2403", "d", "4@2404")),
        rows(store, t));
  }
}
