package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;

/**
 * A small table's local copy (read through Kernel, for its checks) holds exactly the rows a
 * Spark read gives, values and types alike; a table over the size, or never written, has none.
 */
class LocalCopyTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir Path dir;

  /** The rows in one order; compared as rows, so a value of another type differs. */
  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(java.util.Comparator.comparing(Row::toString)).toList();
  }

  @Test
  void aSmallTablesCopyHoldsWhatSparkReadsAndALargeOneHasNone() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("wh").toString()));
    assertTrue(store.localCopyIfSmall(Table.GOLD_CHECKS).isEmpty(), "never written");
    // Text, long, timestamp and boolean columns, a row replaced (a deletion vector or a
    // rewritten file: either way the copy follows the table).
    Instant at = Instant.parse("2026-12-07T01:02:03.456789Z");
    store.replaceSlices(Table.GOLD_CHECKS, spark.createDataFrame(List.of(
        RowFactory.create("r1", at, "raw.hoso", 3L, "keys", "error", "d", 0L, true),
        RowFactory.create("r1", at, "raw.hoso", 3L, "w", "warning", "d", 2L, false)),
        QualityChecks.schema()), List.of("r1"));
    store.replaceSlices(Table.GOLD_CHECKS, spark.createDataFrame(List.of(
        RowFactory.create("r2", at, "gold.bulletin", 7L, "keys", "error", "ď", 1L, false)),
        QualityChecks.schema()), List.of("r2"));
    store.replaceSlices(Table.GOLD_CHECKS, spark.createDataFrame(List.of(
        RowFactory.create("r1", at, "raw.hoso", 4L, "keys", "error", "d", 0L, true)),
        QualityChecks.schema()), List.of("r1"));
    var copy = store.localCopyIfSmall(Table.GOLD_CHECKS).orElseThrow();
    assertEquals(List.of(store.read(Table.GOLD_CHECKS).schema().fields()).stream()
        .map(f -> f.name() + " " + f.dataType()).toList(), List.of(copy.schema().fields())
        .stream().map(f -> f.name() + " " + f.dataType()).toList());
    assertEquals(sorted(store.read(Table.GOLD_CHECKS).collectAsList()),
        sorted(copy.collectAsList()));
    assertEquals(2, copy.count());

    assertEquals(2, store.localCopyIfSmall(Table.GOLD_CHECKS, 2).orElseThrow().count());
    assertTrue(store.localCopyIfSmall(Table.GOLD_CHECKS, 1).isEmpty(), "one row over");
    // A table with a column of a nested type is not copied (cleaned.dossiers: its supplements).
    store.mergeNewest(Table.CLEANED_DOSSIERS, spark.createDataFrame(List.of(),
        Table.CLEANED_DOSSIERS.schema()), List.of());
    assertTrue(store.localCopyIfSmall(Table.CLEANED_DOSSIERS).isEmpty(), "nested columns");
  }
}
