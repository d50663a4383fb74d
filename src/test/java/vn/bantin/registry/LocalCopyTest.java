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

    long bytes = store.dataBytes(Table.GOLD_CHECKS);
    assertTrue(bytes > 0, "bytes of data files: " + bytes);
    assertEquals(2, store.localCopyIfSmall(Table.GOLD_CHECKS, 2, bytes).orElseThrow().count());
    assertTrue(store.localCopyIfSmall(Table.GOLD_CHECKS, 1, bytes).isEmpty(), "one row over");
    assertTrue(store.localCopyIfSmall(Table.GOLD_CHECKS, 2, bytes - 1).isEmpty(),
        "one byte over");
    // A table with a column of a nested type is not copied (cleaned.dossiers: its supplements).
    store.mergeNewest(Table.CLEANED_DOSSIERS, spark.createDataFrame(List.of(),
        Table.CLEANED_DOSSIERS.schema()), List.of());
    assertTrue(store.localCopyIfSmall(Table.CLEANED_DOSSIERS).isEmpty(), "nested columns");
  }

  /**
   * A declared table of each set of column types gives, copied, the rows a Spark read gives: the
   * period tables' dates and decimals, the raw tables' timestamps without a zone and maps, each
   * written in its table's declared mode. A sync compares a small table's rows from
   * its copy, so a value converted otherwise would make every unchanged table look changed.
   */
  @Test
  void aTableOfEachSetOfColumnTypesCopiesToWhatSparkReads() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("all").toString()));
    List<Table> copied = new java.util.ArrayList<>();
    java.util.Set<String> typesCopied = new java.util.TreeSet<>();
    for (Table t : Table.values()) {
      org.apache.spark.sql.types.StructType schema = t.schema();
      // One table for each set of column types (the unit tables share the bulletin's, the raw
      // kinds each other's): each write creates a Delta table, seconds apiece.
      java.util.Set<String> types = java.util.Arrays.stream(schema.fields())
          .map(f -> f.dataType().simpleString()).collect(java.util.stream.Collectors.toSet());
      if (typesCopied.containsAll(types)) {
        continue;
      }
      List<Row> rows = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Object[] values = new Object[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
          values[c] = sample(schema.fields()[c].dataType(), schema.fields()[c].name(), i);
        }
        rows.add(RowFactory.create(values));
      }
      if (rows.get(0).toSeq().contains(UNSUPPORTED)) {
        continue;
      }
      var df = spark.createDataFrame(rows, schema);
      switch (t.writeMode()) {
        case SYNC -> store.sync(t, df);
        case OVERWRITE -> store.overwrite(t, df);
        case MERGE_NEWEST -> store.mergeNewest(t, df, t.partitionColumns().isEmpty() ? List.of()
            : valuesOf(rows, schema.fieldIndex(t.partitionColumns().get(0))));
        case REPLACE_SLICE -> store.replaceSlices(t, df,
            valuesOf(rows, schema.fieldIndex(t.sliceColumn())));
      }
      var copy = store.localCopyIfSmall(t);
      assertTrue(copy.isPresent(), t.qualifiedName() + " copied");
      assertEquals(sorted(store.read(t).collectAsList()), sorted(copy.get().collectAsList()),
          t.qualifiedName());
      copied.add(t);
      typesCopied.addAll(types);
    }
    assertTrue(typesCopied.containsAll(List.of("string", "bigint", "int", "boolean",
        "date", "timestamp", "timestamp_ntz", "map<string,string>")), typesCopied + " by " + copied);
    assertTrue(typesCopied.stream().anyMatch(x -> x.startsWith("decimal")), "a decimal column");
  }

  private static final Object UNSUPPORTED = new Object();

  private static List<String> valuesOf(List<Row> rows, int column) {
    return rows.stream().map(r -> String.valueOf(r.get(column))).distinct().toList();
  }

  /** A value of the type for row {@code i}: distinct per row, so that keys differ. */
  private static Object sample(org.apache.spark.sql.types.DataType type, String column, int i) {
    if (type instanceof org.apache.spark.sql.types.StringType) {
      return column + " " + i;
    } else if (type instanceof org.apache.spark.sql.types.LongType) {
      return 10L + i;
    } else if (type instanceof org.apache.spark.sql.types.IntegerType) {
      return 10 + i;
    } else if (type instanceof org.apache.spark.sql.types.DoubleType) {
      return 0.25 + i;
    } else if (type instanceof org.apache.spark.sql.types.DecimalType d) {
      return java.math.BigDecimal.valueOf(1 + i).setScale(d.scale());
    } else if (type instanceof org.apache.spark.sql.types.BooleanType) {
      return i % 2 == 0;
    } else if (type instanceof org.apache.spark.sql.types.DateType) {
      return java.time.LocalDate.of(2021, 4, 1).plusMonths(i);
    } else if (type instanceof org.apache.spark.sql.types.TimestampNTZType) {
      return java.time.LocalDateTime.parse("2021-04-01T01:30:00.123456").plusHours(i);
    } else if (type instanceof org.apache.spark.sql.types.TimestampType) {
      return Instant.parse("2021-04-01T01:30:00.123456Z").plusSeconds(i);
    } else if (type instanceof org.apache.spark.sql.types.ArrayType a) {
      Object e = sample(a.elementType(), column, i);
      return e == UNSUPPORTED ? e : List.of(e);
    } else if (type instanceof org.apache.spark.sql.types.MapType m) {
      Object k = sample(m.keyType(), column, i);
      Object v = sample(m.valueType(), column, i);
      return k == UNSUPPORTED || v == UNSUPPORTED ? UNSUPPORTED : java.util.Map.of(k, v);
    }
    return UNSUPPORTED;
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
