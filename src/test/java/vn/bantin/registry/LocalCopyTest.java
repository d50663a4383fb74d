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

  /** A raw table's map of extra fields is copied as it is, an empty or absent one too. */
  @Test
  void aRawTablesExtraFieldsAreCopied() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("raw").toString()));
    org.apache.spark.sql.types.StructType schema = Table.RAW_DONVI.schema();
    List<Row> rows = new java.util.ArrayList<>();
    List<java.util.Map<String, String>> extras = java.util.Arrays.asList(
        java.util.Map.of("GhiChu", "ở Thái Bình", "Cap", "2"), java.util.Map.of(), null);
    for (int i = 0; i < extras.size(); i++) {
      Object[] values = new Object[schema.size()];
      for (int c = 0; c < schema.size(); c++) {
        String name = schema.fields()[c].name();
        values[c] = switch (name) {
          case vn.bantin.raw.RawColumns.SOURCE_LINE -> (long) i + 1;
          case vn.bantin.raw.RawColumns.EXTRACT_AT -> java.time.LocalDateTime.parse(
              "2021-06-01T01:30:00.123456");
          case vn.bantin.raw.RawColumns.READ_PROBLEM, vn.bantin.raw.RawColumns.READ_DETAIL ->
              null;
          case vn.bantin.raw.RawColumns.EXTRA_FIELDS -> extras.get(i);
          case vn.bantin.raw.RawColumns.SOURCE_FILE -> "donvi_20210601013000.jsonl";
          default -> name + " " + i;
        };
      }
      rows.add(RowFactory.create(values));
    }
    store.replaceSlices(Table.RAW_DONVI, spark.createDataFrame(rows, schema),
        List.of("donvi_20210601013000.jsonl"));
    var copy = store.localCopyIfSmall(Table.RAW_DONVI).orElseThrow();
    assertEquals(sorted(store.read(Table.RAW_DONVI).collectAsList()),
        sorted(copy.collectAsList()));
    assertEquals(1, copy.where("element_at(" + vn.bantin.raw.RawColumns.EXTRA_FIELDS
        + ", 'GhiChu') = 'ở Thái Bình'").count());
  }
}
