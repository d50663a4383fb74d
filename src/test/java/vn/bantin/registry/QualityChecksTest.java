package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/** The declared checks on tiny inline tables: each counts exactly its failing rows. */
class QualityChecksTest {
  private static final LocalDateTime D1 = LocalDateTime.of(2024, 3, 1, 8, 0);
  private static final LocalDateTime D2 = LocalDateTime.of(2024, 3, 2, 8, 0);

  private static Map<String, Long> failing(List<QualityChecks.Outcome> outcomes) {
    Map<String, Long> out = new TreeMap<>();
    outcomes.forEach(o -> out.put(o.check().name(), o.failingRows()));
    return out;
  }

  @Test
  void dossierChecksCountDuplicateAndNullKeysCodesOutOfListAndDatesOutOfOrder() {
    StructType schema = new StructType()
        .add("dossier_id", DataTypes.StringType).add("channel", DataTypes.IntegerType)
        .add("status", DataTypes.IntegerType).add("delivery", DataTypes.IntegerType)
        .add("submitted_at", DataTypes.TimestampNTZType)
        .add("accepted_at", DataTypes.TimestampNTZType)
        .add("ended_at", DataTypes.TimestampNTZType)
        .add("handed_over_at", DataTypes.TimestampNTZType);
    List<Row> rows = List.of(
        RowFactory.create("a", 1, 9, 0, D1, D1, D2, D2), // fine
        RowFactory.create("b", null, 4, null, null, D1, null, null), // fine: unknowns
        RowFactory.create("b", 4, 11, 2, D2, D1, D1, D1), // duplicate; channel, status, delivery
        RowFactory.create(null, 2, null, 1, D1, D2, D1, null), // null key; no status; ended first
        RowFactory.create("c", 3, 10, 1, D1, D1, D2, D1)); // handed over before it ended
    var outcomes = QualityChecks.evaluate(Table.CLEANED_DOSSIERS, 4,
        SparkTestSession.get().createDataFrame(rows, schema));
    assertEquals(new TreeMap<>(Map.of(Check.KEYS, 2L, "channel_in_list", 1L,
        "status_in_list", 2L, "delivery_in_list", 1L, "accepted_before_ended", 1L,
        "submitted_before_accepted", 1L, "ended_before_handed_over", 1L)), failing(outcomes));
    assertTrue(outcomes.stream().allMatch(o -> o.version() == 4));
    QualityChecks.ChecksFailed failed = assertThrows(QualityChecks.ChecksFailed.class,
        () -> QualityChecks.enforce(outcomes, "the gold build"));
    assertTrue(failed.getMessage().startsWith("Cannot publish the gold build: 5 checks fail —"
        + " cleaned.dossiers keys_unique_not_null: 2 rows"), failed.getMessage());
  }

  @Test
  void aMonthOfThreeTimesOrAThirdOfTheMonthBeforeIsAWarningPerPublisher() {
    StructType schema = new StructType().add("publisher_code", DataTypes.StringType)
        .add("period", DataTypes.StringType).add("period_kind", DataTypes.StringType)
        .add("received_new", DataTypes.LongType);
    List<Row> rows = List.of(
        RowFactory.create("P", "2024-01", "month", 200L),
        RowFactory.create("P", "2024-02", "month", 601L), // > 3 × 200
        RowFactory.create("P", "2024-03", "month", 650L),
        RowFactory.create("P", "2024-04", "month", 216L), // 3 × 216 < 650
        RowFactory.create("P", "2024-05", "month", 72L), // 3 × 72 = 216: not below
        RowFactory.create("P", "2024-06", "month", 300L), // the month before had < 100
        RowFactory.create("P", "2024-Q1", "quarter", 1451L),
        RowFactory.create("Q", "2024-01", "month", 600L), // no month before for Q
        RowFactory.create("Q", "2024-02", "month", 600L));
    var outcomes = QualityChecks.evaluate(Table.GOLD_BULLETIN, 1,
        SparkTestSession.get().createDataFrame(rows, schema));
    assertEquals(2L, failing(outcomes).get("received_month_on_month_jump"), outcomes.toString());
    assertEquals(0L, failing(outcomes).get(Check.KEYS));
    QualityChecks.enforce(outcomes, "the gold build"); // a warning publishes
  }

  @Test
  void ballotAnswersAndFileCountsAreErrors() {
    StructType ballots = new StructType().add("ballot_id", DataTypes.StringType)
        .add("attitude", DataTypes.IntegerType).add("overall", DataTypes.IntegerType);
    var b = QualityChecks.evaluate(Table.CLEANED_BALLOTS, 0, SparkTestSession.get()
        .createDataFrame(List.of(RowFactory.create("1", 1, 4), RowFactory.create("2", 0, 2),
            RowFactory.create("3", 3, 5)), ballots));
    assertEquals(2L, failing(b).get("answers_in_list"));
    StructType files = new StructType().add("file_name", DataTypes.StringType)
        .add("read", DataTypes.LongType).add("loaded", DataTypes.LongType)
        .add("quarantined", DataTypes.LongType);
    var f = QualityChecks.evaluate(Table.CLEANED_LOADED_FILES, 0, SparkTestSession.get()
        .createDataFrame(List.of(RowFactory.create("a.jsonl", 10L, 8L, 2L),
            RowFactory.create("b.jsonl", 10L, 8L, 1L)), files));
    assertEquals(1L, failing(f).get("read_is_loaded_plus_quarantined"));
    assertEquals(0L, failing(f).get(Check.KEYS));
  }

  @Test
  void rawRowsSayWhereTheyStartAndWhyTheyCouldNotBeRead() {
    StructType schema = new StructType().add("_source_file", DataTypes.StringType)
        .add("_source_line", DataTypes.LongType).add("_read_problem", DataTypes.StringType);
    var outcomes = QualityChecks.evaluate(Table.RAW_HOSO, 2, SparkTestSession.get()
        .createDataFrame(List.of(
            RowFactory.create("hoso_1.jsonl", 1L, null),
            RowFactory.create("hoso_1.jsonl", 2L, "malformed_record"),
            RowFactory.create("hoso_1.jsonl", 3L, "undecodable_text"),
            RowFactory.create("hoso_1.jsonl", 3L, null), // the line of another record
            RowFactory.create("hoso_1.jsonl", 0L, null), // before the first line
            RowFactory.create("hoso_1.jsonl", null, null), // no line at all
            RowFactory.create("hoso_2.jsonl", 1L, "broken")), schema)); // an unknown problem
    assertEquals(new TreeMap<>(Map.of(Check.KEYS, 1L, "line_at_least_one", 2L,
        "read_problem_in_list", 1L)), failing(outcomes));
    assertThrows(QualityChecks.ChecksFailed.class,
        () -> QualityChecks.enforce(outcomes, "the cleaned rows of the new extracts"));
  }

  @Test
  void theLogOfIngestedFilesNamesAKindAChecksumAndCountsThatCanBeTrue() {
    StructType schema = new StructType().add("file_name", DataTypes.StringType)
        .add("kind", DataTypes.StringType).add("bytes", DataTypes.LongType)
        .add("sha256", DataTypes.StringType).add("records", DataTypes.LongType);
    String sha = "0123456789abcdef".repeat(4);
    var outcomes = QualityChecks.evaluate(Table.RAW_INGESTED_FILES, 0, SparkTestSession.get()
        .createDataFrame(List.of(
            RowFactory.create("hoso_1.jsonl", "hoso", 10L, sha, 2L),
            RowFactory.create("donvi_1.csv", "donvi", 0L, sha, 0L),
            RowFactory.create("hoso_1.jsonl", "hoso", 10L, sha, 2L), // logged twice
            RowFactory.create("x_1.jsonl", "x", 10L, sha, 2L), // no such kind
            RowFactory.create("hoso_2.jsonl", "hoso", 10L, sha.toUpperCase(), 2L),
            RowFactory.create("hoso_3.jsonl", "hoso", 10L, sha.substring(1), -1L)), schema));
    assertEquals(new TreeMap<>(Map.of(Check.KEYS, 1L, "kind_in_list", 1L, "sha256_is_hex", 2L,
        "counts_not_negative", 1L)), failing(outcomes));
  }

  /**
   * A build checks only what was written since the last one: the rows whose key a write touched
   * (as they are now, and any other row with their key), from the partitions written.
   */
  @Test
  void theRowsWrittenSinceAVersionAreThoseWithATouchedKeyInTheirPresentState(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var spark = SparkTestSession.get();
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.CLEANED_DOSSIERS;
    store.mergeNewest(t, spark.createDataFrame(List.of(
        dossier("a", "2403", 4, D1), dossier("b", "2403", 11, D1), // b: wrong before, not again
        dossier("c", "2404", 4, D1), dossier("e", "2404", 4, D1)), t.schema()),
        List.of("2403", "2404"));
    long checked = store.version(t);
    // Since then: a merge corrects nothing but sets a's status out of the list, and a foreign
    // write appends a second c and a d out of the list in a new partition.
    store.mergeNewest(t, spark.createDataFrame(List.of(dossier("a", "2403", 12, D2)),
        t.schema()), List.of("2403"));
    spark.createDataFrame(List.of(dossier("c", "2404", 4, D2), dossier("d", "2405", 0, D2)),
        t.schema()).write().format("delta").mode("append").save(store.location(t));

    var rows = QualityChecks.rowsWrittenSince(store, t, checked);
    assertEquals(List.of("a/12", "c/4", "c/4", "d/0"), rows.selectExpr(
        "concat(dossier_id, '/', status)").orderBy("dossier_id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    Map<String, Long> failing = failing(QualityChecks.evaluate(t, store.version(t), rows));
    assertEquals(1L, failing.get(Check.KEYS));
    assertEquals(2L, failing.get("status_in_list"));

    assertEquals(6, QualityChecks.rowsWrittenSince(store, t, -1).count(), "no version: all");
    assertEquals(0, QualityChecks.rowsWrittenSince(store, t, store.version(t)).count());
  }

  /** A row of {@code cleaned.dossiers}: the columns the test sets, the others at a default. */
  static Row dossier(String id, String codeMonth, int status, LocalDateTime extractAt) {
    StructType schema = Table.CLEANED_DOSSIERS.schema();
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      var f = schema.fields()[i];
      values[i] = switch (f.name()) {
        case "dossier_id" -> id;
        case "code_month" -> codeMonth;
        case "status" -> status;
        case "_extract_at" -> extractAt;
        default -> f.nullable() ? null : defaultOf(f.dataType());
      };
    }
    return RowFactory.create(values);
  }

  /**
   * A run records its outcomes more than once (the raw checks, then the gold build's): each
   * time, what it recorded of other tables stays, what it recorded before of the same tables
   * is replaced, and other runs' rows are untouched.
   */
  @Test
  void aRunsOutcomesReplaceItsEarlierOnesOfTheSameTablesOnly(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    var spark = SparkTestSession.get();
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("wh").toString()));
    Check keys = Check.keys(List.of("k"));
    Check warn = Check.rows("w", Check.Severity.WARNING, "a warning", "false");
    QualityChecks.record(store, "run-a", List.of(
        new QualityChecks.Outcome(Table.RAW_HOSO, 3, keys, 0)));
    QualityChecks.record(store, "run-b", List.of(
        new QualityChecks.Outcome(Table.RAW_HOSO, 4, keys, 0)));
    QualityChecks.record(store, "run-b", List.of(
        new QualityChecks.Outcome(Table.CLEANED_BALLOTS, 7, keys, 0),
        new QualityChecks.Outcome(Table.GOLD_BULLETIN, 8, warn, 2)));
    QualityChecks.record(store, "run-b", List.of(
        new QualityChecks.Outcome(Table.CLEANED_BALLOTS, 9, keys, 1)));
    Map<String, String> recorded = new TreeMap<>();
    for (Row r : store.read(Table.GOLD_CHECKS).collectAsList()) {
      String key = r.getAs("run_id") + " " + r.getAs("table_name") + " " + r.getAs("check_name");
      String value = r.<Long>getAs("table_version") + "/" + r.<Long>getAs("failing_rows") + "/"
          + r.<Boolean>getAs("passed") + "/" + r.<String>getAs("severity");
      assertTrue(r.getAs("checked_at") != null, key);
      assertEquals(null, recorded.put(key, value), "one row of " + key);
    }
    assertEquals(Map.of(
        "run-a raw.hoso keys_unique_not_null", "3/0/true/error",
        "run-b raw.hoso keys_unique_not_null", "4/0/true/error",
        "run-b gold.bulletin w", "8/2/false/warning",
        "run-b cleaned.ballots keys_unique_not_null", "9/1/false/error"), recorded);
  }

  private static Object defaultOf(org.apache.spark.sql.types.DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "x";
    } else if (type.equals(DataTypes.IntegerType)) {
      return 1;
    } else if (type.equals(DataTypes.LongType)) {
      return 1L;
    } else if (type.equals(DataTypes.TimestampNTZType)) {
      return D1;
    } else if (type instanceof org.apache.spark.sql.types.ArrayType) {
      return List.of();
    }
    throw new IllegalArgumentException("no default for " + type);
  }
}
