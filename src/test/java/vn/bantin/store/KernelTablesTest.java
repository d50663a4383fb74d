package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;

/** Tables written by Spark, read back by Delta Kernel without Spark. */
class KernelTablesTest {
  private final SparkSession spark = SparkTestSession.get();
  private final KernelTables kernel = new KernelTables(new Configuration());
  @TempDir Path dir;

  private void write(String sql, String path, String mode, String... partitionBy) {
    spark.sql(sql).write().format("delta").mode(mode).partitionBy(partitionBy).save(path);
  }

  /** A table of one row ('b.csv', 1) written with no statistics in its log. */
  private String oneRowWithoutStatistics(String name) {
    String q = dir.resolve(name).toString();
    spark.sql("CREATE TABLE delta.`" + q + "` (file STRING, line BIGINT) USING delta");
    spark.conf().set("spark.databricks.delta.stats.collect", "false");
    try {
      spark.sql("INSERT INTO delta.`" + q + "` VALUES ('b.csv', 1)");
    } finally {
      spark.conf().unset("spark.databricks.delta.stats.collect");
    }
    return q;
  }

  @Test
  void everyTypeRoundTrips() {
    String p = dir.resolve("types").toString();
    write("SELECT 'a' AS s, CAST(1 AS BIGINT) AS l, 2 AS i, CAST(3 AS SMALLINT) AS sh,"
        + " CAST(4 AS TINYINT) AS b, true AS bo, CAST(1.5 AS DOUBLE) AS d, CAST(2.5 AS FLOAT) AS f,"
        + " CAST('12.345678' AS DECIMAL(10,6)) AS dec, DATE'2025-03-31' AS dt,"
        + " TIMESTAMP_NTZ'2025-03-31 23:59:58.123456' AS ntz, TIMESTAMP'2025-03-31 17:00:00' AS ts,"
        + " array(named_struct('code', 'BS1', 'due', DATE'2025-04-02'),"
        + "       named_struct('code', CAST(NULL AS STRING), 'due', CAST(NULL AS DATE))) AS supplements,"
        + " map('k', 7) AS m"
        + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        + " NULL, NULL", p, "overwrite");
    assertTrue(kernel.exists(p));
    List<Map<String, Object>> rows = kernel.read(p, OptionalLong.empty(), Map.of("s", "a"));
    assertEquals(1, rows.size());
    Map<String, Object> r = rows.get(0);
    assertEquals(List.of("s", "l", "i", "sh", "b", "bo", "d", "f", "dec", "dt", "ntz", "ts",
        "supplements", "m"), List.copyOf(r.keySet()));
    assertEquals("a", r.get("s"));
    assertEquals(1L, r.get("l"));
    assertEquals(2, r.get("i"));
    assertEquals((short) 3, r.get("sh"));
    assertEquals((byte) 4, r.get("b"));
    assertEquals(true, r.get("bo"));
    assertEquals(1.5d, r.get("d"));
    assertEquals(2.5f, r.get("f"));
    assertEquals(new BigDecimal("12.345678"), r.get("dec"));
    assertEquals(LocalDate.of(2025, 3, 31), r.get("dt"));
    assertEquals(LocalDateTime.of(2025, 3, 31, 23, 59, 58, 123_456_000), r.get("ntz"));
    assertEquals(Instant.parse("2025-03-31T17:00:00Z"), r.get("ts")); // session zone is UTC
    List<?> sup = (List<?>) r.get("supplements");
    assertEquals(2, sup.size());
    Map<?, ?> first = (Map<?, ?>) sup.get(0);
    assertEquals(List.of("code", "due"), List.copyOf(first.keySet()));
    assertEquals("BS1", first.get("code"));
    assertEquals(LocalDate.of(2025, 4, 2), first.get("due"));
    assertNull(((Map<?, ?>) sup.get(1)).get("code"));
    assertEquals(Map.of("k", 7), r.get("m"));

    List<Map<String, Object>> all = kernel.read(p);
    assertEquals(2, all.size());
    Map<String, Object> nulls = all.stream().filter(x -> x.get("s") == null).findFirst().orElseThrow();
    assertEquals(14, nulls.size());
    assertTrue(nulls.values().stream().allMatch(v -> v == null));
    assertEquals("Decimal(10, 6)", kernel.schema(p, OptionalLong.empty()).fields().get(8).type());
  }

  @Test
  void equalityOnStringAndPartitionColumns() {
    String p = dir.resolve("parts").toString();
    write("SELECT concat('d', id) AS dossier, CAST(id % 3 AS INT) AS month, 'c' || (id % 2) AS centre"
        + " FROM range(30)", p, "overwrite", "month");
    assertEquals(1, kernel.read(p, OptionalLong.empty(), Map.of("dossier", "d7")).size());
    List<Map<String, Object>> m1 = kernel.read(p, OptionalLong.empty(), Map.of("month", 1));
    assertEquals(10, m1.size());
    assertTrue(m1.stream().allMatch(r -> r.get("month").equals(1)));
    assertEquals(5, kernel.read(p, OptionalLong.empty(), Map.of("month", 1L, "centre", "c0")).size());
    assertEquals(0, kernel.read(p, OptionalLong.empty(), Map.of("dossier", "nope")).size());
    assertEquals(List.of("dossier", "month", "centre"), kernel.schema(p, OptionalLong.empty()).names());
  }

  @Test
  void overwriteDropsOldRowsAndTimeTravelKeepsThem() {
    String p = "file:" + dir.resolve("over");
    write("SELECT id, 'old' AS tag FROM range(5)", p, "overwrite");
    write("SELECT id, 'new' AS tag FROM range(3)", p, "overwrite");
    assertEquals(1, kernel.latestVersion(p));
    List<Map<String, Object>> now = kernel.read(p);
    assertEquals(3, now.size());
    assertTrue(now.stream().allMatch(r -> r.get("tag").equals("new")));
    List<Map<String, Object>> v0 = kernel.read(p, OptionalLong.of(0), Map.of());
    assertEquals(5, v0.size());
    assertTrue(v0.stream().allMatch(r -> r.get("tag").equals("old")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kernel.read(p, OptionalLong.of(7), Map.of()));
    assertTrue(e.getMessage().startsWith("Cannot read " + p), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void deletionVectorsAreHonoured() throws Exception {
    String p = dir.resolve("dv").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (id BIGINT, tag STRING) USING delta"
        + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    spark.sql("INSERT INTO delta.`" + p + "` SELECT id, CAST(id AS STRING) FROM range(100)");
    spark.sql("DELETE FROM delta.`" + p + "` WHERE id % 10 = 0");
    boolean dvWritten;
    try (Stream<Path> logs = Files.list(dir.resolve("dv/_delta_log"))) {
      dvWritten = logs.filter(f -> f.toString().endsWith(".json")).anyMatch(f -> {
        try {
          return Files.readString(f).contains("\"deletionVector\":{");
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      });
    }
    assertTrue(dvWritten, "the DELETE wrote a deletion vector");
    List<Map<String, Object>> rows = kernel.read(p);
    assertEquals(90, rows.size());
    assertTrue(rows.stream().noneMatch(r -> (Long) r.get("id") % 10 == 0));
    assertEquals(0, kernel.read(p, OptionalLong.empty(), Map.of("id", 20L)).size());
    assertEquals(1, kernel.read(p, OptionalLong.empty(), Map.of("id", 21L)).size());
  }

  @Test
  void rowCountFromTheLogFollowsOverwritesDeletesAndMerges() {
    String p = dir.resolve("counted").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (id BIGINT, tag STRING) USING delta"
        + " PARTITIONED BY (tag) TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    assertEquals(OptionalLong.of(0), kernel.rowCount(p));
    spark.sql("INSERT INTO delta.`" + p + "` SELECT id, CAST(id % 3 AS STRING) FROM range(100)");
    spark.sql("INSERT INTO delta.`" + p + "` SELECT id, 'x' FROM range(100, 107)");
    assertEquals(OptionalLong.of(107), kernel.rowCount(p));
    // Rows deleted by deletion vectors: the files' counts stay, the vectors' cardinality goes.
    spark.sql("DELETE FROM delta.`" + p + "` WHERE id % 10 = 0");
    assertEquals(OptionalLong.of(107 - 11), kernel.rowCount(p));
    // A merge that updates some rows (a vector on the old file, the new state in a new one)
    // and inserts others.
    spark.sql("MERGE INTO delta.`" + p + "` t USING (SELECT id, '1' AS tag FROM range(95, 110))"
        + " s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
    long expected = spark.read().format("delta").load(p).count();
    assertEquals(107 - 11 + 4, expected, "the merge inserted ids 100 and 107..109");
    assertEquals(OptionalLong.of(expected), kernel.rowCount(p));
    spark.sql("INSERT OVERWRITE delta.`" + p + "` SELECT id, 'y' FROM range(5)");
    assertEquals(OptionalLong.of(5), kernel.rowCount(p));
  }

  @Test
  void rowCountIsUnknownWhenAFileHasNoStatistics() {
    String p = dir.resolve("nostats").toString();
    write("SELECT id FROM range(4)", p, "overwrite");
    spark.conf().set("spark.databricks.delta.stats.collect", "false");
    try {
      write("SELECT id FROM range(4, 6)", p, "append");
    } finally {
      spark.conf().unset("spark.databricks.delta.stats.collect");
    }
    assertEquals(OptionalLong.empty(), kernel.rowCount(p));
  }

  /**
   * The largest logged value is the largest of the files' statistics, a deleted row's
   * included (its file's statistics stay), and unknown when a file has none.
   */
  @Test
  void largestLoggedValueComesFromEveryFilesStatistics() {
    String p = dir.resolve("largest").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (id BIGINT, at TIMESTAMP_NTZ) USING delta"
        + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    assertEquals(Optional.empty(), kernel.largestLoggedValue(p, "at"));
    // Both rows in one file, so that deleting one leaves the file with a deletion vector.
    spark.sql("INSERT INTO delta.`" + p + "` SELECT /*+ COALESCE(1) */ * FROM VALUES"
        + " (1, TIMESTAMP_NTZ'2021-05-01 01:30:00'),"
        + " (2, TIMESTAMP_NTZ'2021-06-01 01:30:00.123456') AS v(id, at)");
    spark.sql("INSERT INTO delta.`" + p + "` VALUES (3, TIMESTAMP_NTZ'2021-04-01 01:30:00')");
    assertEquals(Optional.of("2021-06-01T01:30:00.123"), kernel.largestLoggedValue(p, "at"));
    spark.sql("DELETE FROM delta.`" + p + "` WHERE id = 2");
    assertEquals(1, spark.read().format("delta").load(p).where("id = 1").count());
    assertEquals(Optional.of("2021-06-01T01:30:00.123"), kernel.largestLoggedValue(p, "at"));
    spark.conf().set("spark.databricks.delta.stats.collect", "false");
    try {
      spark.sql("INSERT INTO delta.`" + p + "` VALUES (4, TIMESTAMP_NTZ'2021-07-01 01:30:00')");
    } finally {
      spark.conf().unset("spark.databricks.delta.stats.collect");
    }
    assertEquals(Optional.empty(), kernel.largestLoggedValue(p, "at"));
  }

  /**
   * A value may be held when it lies within a file's logged bounds (or is its partition
   * value); only files that record bounds clear of every value sought answer no. A bound as
   * long as the length Delta keeps (32 characters unless the table sets another) may be a cut
   * one, and a file without statistics may hold anything.
   */
  @Test
  void mayHoldAnyGoesByEveryFilesBoundsOrPartitionValue() {
    String p = dir.resolve("slices").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (file STRING, line BIGINT) USING delta");
    assertFalse(kernel.mayHoldAny(p, "file", false, List.of("a.csv")), "no file yet");
    // One Parquet file holding b.csv and d.csv: c.csv lies within its bounds.
    spark.sql("INSERT INTO delta.`" + p + "` SELECT /*+ COALESCE(1) */ * FROM VALUES"
        + " ('b.csv', 1), ('d.csv', 1) AS v(file, line)");
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("b.csv")));
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("d.csv")));
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("c.csv")));
    assertFalse(kernel.mayHoldAny(p, "file", false, List.of("a.csv", "e.csv")));
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("a.csv", "c.csv")));
    // Bounds are compared as Delta orders text, by UTF-8 bytes: there U+FF21 'Ａ' sorts before
    // U+1F600 '😀', which UTF-16 (String.compareTo) puts first. A file holding both has
    // 😀.csv as its maximum, and Ａ.csv lies within its bounds.
    String q0 = dir.resolve("slicesUtf8").toString();
    spark.sql("CREATE TABLE delta.`" + q0 + "` (file STRING, line BIGINT) USING delta");
    spark.sql("INSERT INTO delta.`" + q0 + "` SELECT /*+ COALESCE(1) */ * FROM VALUES"
        + " ('b.csv', 1), ('\uFF21.csv', 1), ('\uD83D\uDE00.csv', 1) AS v(file, line)");
    assertTrue(kernel.mayHoldAny(q0, "file", false, List.of("\uFF21.csv")));
    // A file whose every value of the column is null holds none sought.
    spark.sql("INSERT INTO delta.`" + p + "` VALUES (NULL, 2)");
    assertFalse(kernel.mayHoldAny(p, "file", false, List.of("a.csv", "e.csv")));
    // Bounds of 32 characters may be cut ones: anything may lie under them.
    String x32 = "x".repeat(32);
    spark.sql("INSERT INTO delta.`" + p + "` VALUES ('" + x32 + "', 3)");
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("e.csv")));

    // The length kept is the table's own when it sets one.
    String p4 = dir.resolve("slicesPrefix4").toString();
    spark.sql("CREATE TABLE delta.`" + p4 + "` (file STRING, line BIGINT) USING delta"
        + " TBLPROPERTIES ('delta.dataSkippingStringPrefixLength' = '4')");
    spark.sql("INSERT INTO delta.`" + p4 + "` VALUES ('abc', 1)");
    assertFalse(kernel.mayHoldAny(p4, "file", false, List.of("abd")));
    spark.sql("INSERT INTO delta.`" + p4 + "` VALUES ('abcdefgh.csv', 1)");
    assertTrue(kernel.mayHoldAny(p4, "file", false, List.of("abd")));

    String q = oneRowWithoutStatistics("slicesNoStats");
    assertTrue(kernel.mayHoldAny(q, "file", false, List.of("z.csv")), "no statistics");

    String r = dir.resolve("slicesPartitioned").toString();
    write("SELECT '2021-04' AS month, 1 AS n UNION ALL SELECT '2021-06', 2", r, "overwrite",
        "month");
    assertTrue(kernel.mayHoldAny(r, "month", true, List.of("2021-04")));
    assertFalse(kernel.mayHoldAny(r, "month", true, List.of("2021-05", "2021-07")));
  }

  /**
   * Where the log cannot rule a value out, a table of at most the rows given is read (its one
   * column) and answers exactly; a larger one, or one whose files do not count their rows,
   * still answers yes.
   */
  @Test
  void holdsAnyLooksUpTheValuesInASmallTable() {
    String p = dir.resolve("held").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (file STRING, line BIGINT) USING delta");
    assertFalse(kernel.holdsAny(p, "file", false, List.of("c.csv"), 100), "no file yet");
    // One Parquet file of three rows, bounds b.csv to d.csv.
    spark.sql("INSERT INTO delta.`" + p + "` SELECT /*+ COALESCE(1) */ * FROM VALUES"
        + " ('b.csv', 1), ('b.csv', 2), ('d.csv', 1) AS v(file, line)");
    assertTrue(kernel.mayHoldAny(p, "file", false, List.of("c.csv")), "within the bounds");
    assertFalse(kernel.holdsAny(p, "file", false, List.of("c.csv", "cc.csv"), 3));
    assertTrue(kernel.holdsAny(p, "file", false, List.of("c.csv", "d.csv"), 3));
    assertTrue(kernel.holdsAny(p, "file", false, List.of("c.csv"), 2), "more rows than looked up");
    // A row deleted (a deletion vector) is not held.
    spark.sql("ALTER TABLE delta.`" + p + "` SET TBLPROPERTIES"
        + " ('delta.enableDeletionVectors' = 'true')");
    spark.sql("DELETE FROM delta.`" + p + "` WHERE file = 'd.csv'");
    assertFalse(kernel.holdsAny(p, "file", false, List.of("d.csv"), 3));

    String q = oneRowWithoutStatistics("heldNoStats");
    assertTrue(kernel.holdsAny(q, "file", false, List.of("z.csv"), 100), "rows not counted");
  }

  @Test
  void countsByOneColumnWithNullsAndDeletedRows() {
    String p = dir.resolve("tally").toString();
    spark.sql("CREATE TABLE delta.`" + p + "` (id BIGINT, reason STRING, detail STRING)"
        + " USING delta TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    spark.sql("INSERT INTO delta.`" + p + "` VALUES (1, 'bad_date', 'a'), (2, 'bad_date', 'b'),"
        + " (3, 'missing_key', 'c'), (4, NULL, 'd'), (5, 'bad_date', 'e')");
    spark.sql("DELETE FROM delta.`" + p + "` WHERE id = 5");
    Map<Object, Long> tally = kernel.countsBy(p, "reason");
    Map<Object, Long> expected = new java.util.HashMap<>();
    expected.put("bad_date", 2L);
    expected.put("missing_key", 1L);
    expected.put(null, 1L);
    assertEquals(expected, tally);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kernel.countsBy(p, "nope"));
    assertTrue(e.getMessage().contains("no column nope"), e.getMessage());
  }

  @Test
  void missingTable() {
    String p = dir.resolve("absent").toString();
    assertFalse(kernel.exists(p));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.read(p));
    assertTrue(e.getMessage().startsWith("Cannot read file:"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertThrows(IllegalArgumentException.class, () -> kernel.latestVersion(p));
  }
}
