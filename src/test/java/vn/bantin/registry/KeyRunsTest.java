package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/**
 * Unique keys shown from their stored order (runs of increasing keys whose ranges do not
 * overlap), and every case where that cannot be shown, which the keys check then counts.
 */
class KeyRunsTest {
  private static final List<String> KEYS = List.of("_source_file", "_source_line");
  private static final StructType SCHEMA = new StructType()
      .add("_source_file", DataTypes.StringType).add("_source_line", DataTypes.LongType)
      .add("_read_problem", DataTypes.StringType);

  /** Rows of (file, line) in the order given, in {@code partitions} partitions of that order. */
  private static Dataset<Row> rows(int partitions, Object... fileLines) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < fileLines.length; i += 2) {
      rows.add(RowFactory.create(fileLines[i], fileLines[i + 1], null));
    }
    // A local relation keeps its order; splitting it keeps each partition's.
    return SparkTestSession.get().createDataFrame(rows, SCHEMA).coalesce(1)
        .repartitionByRange(partitions, org.apache.spark.sql.functions
            .monotonically_increasing_id());
  }

  @Test
  void filesWrittenInLineOrderAreShownUniqueWhateverTheirPartitions() {
    // Two files, each in line order, the second read before the first in one partition.
    assertTrue(KeyRuns.showUnique(rows(1, "b", 1L, "b", 2L, "a", 1L, "a", 2L, "a", 3L), KEYS));
    assertTrue(KeyRuns.showUnique(rows(3, "a", 1L, "a", 2L, "a", 3L, "a", 4L, "b", 1L,
        "b", 7L), KEYS));
    assertTrue(KeyRuns.showUnique(rows(1), KEYS), "no rows, no duplicate");
    // One task reads a file and then a later one, another task the file between them: a run
    // ends with its file, or its range would span the file between.
    assertTrue(KeyRuns.showUnique(rows(1, "a", 1L, "a", 2L, "c", 1L, "c", 2L, "b", 1L, "b", 2L),
        KEYS));
  }

  @Test
  void aKeyTwiceIsNeverShownUniqueWhereverItsRowsAre() {
    // Side by side, in two runs of one partition, in two partitions, as the last of one run
    // and inside another's range.
    assertFalse(KeyRuns.showUnique(rows(1, "a", 1L, "a", 1L), KEYS));
    assertFalse(KeyRuns.showUnique(rows(1, "a", 1L, "a", 2L, "a", 1L), KEYS));
    assertFalse(KeyRuns.showUnique(rows(2, "a", 1L, "a", 2L, "a", 2L, "a", 3L), KEYS));
    assertFalse(KeyRuns.showUnique(rows(1, "a", 1L, "a", 5L, "a", 3L), KEYS));
    assertFalse(KeyRuns.showUnique(rows(1, "a", 1L, "a", 4L, "b", 1L, "a", 2L, "a", 4L), KEYS));
    // Null lines are equal, as the exact count has them.
    assertFalse(KeyRuns.showUnique(rows(1, "a", null, "a", null), KEYS));
  }

  @Test
  void overlappingRangesWithoutADuplicateAreNotShownUniqueButCountedNone() {
    // Lines 1, 3 and 2, 4 of one file: two runs whose ranges overlap, no key twice.
    Dataset<Row> rows = rows(1, "a", 1L, "a", 3L, "a", 2L, "a", 4L);
    assertFalse(KeyRuns.showUnique(rows, KEYS));
    assertEquals(0L, failing(QualityChecks.evaluate(Table.RAW_HOSO, 1, rows)).get(Check.KEYS));
  }

  @Test
  void rowsOutOfOrderAreGivenUpOnBeyondTheMostRunsOfAPartition() {
    List<org.apache.spark.sql.catalyst.InternalRow> descending = new ArrayList<>();
    for (long line = KeyRuns.MOST_RUNS + 1; line >= 1; line--) {
      descending.add(new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(
          new Object[] {org.apache.spark.unsafe.types.UTF8String.fromString("a"), line}));
    }
    StructType keys = new StructType().add("_source_file", DataTypes.StringType)
        .add("_source_line", DataTypes.LongType);
    List<KeyRuns.Run> runs = KeyRuns.runsOf(descending.iterator(), keys);
    assertEquals(1, runs.size());
    assertFalse(KeyRuns.disjoint(runs, keys), "a partition given up shows nothing");
    assertEquals(KeyRuns.MOST_RUNS, KeyRuns.runsOf(descending.subList(1,
        descending.size()).iterator(), keys).size(), "one run fewer is kept");
  }

  @Test
  void theKeysCheckOfARawTableCountsEveryDuplicateTheRunsCannotRuleOut() {
    // In line order but for a line read twice in another partition, and a null line twice.
    Dataset<Row> rows = rows(2, "a", 1L, "a", 2L, "a", 3L, "a", null, "a", null, "a", 2L,
        "b", 1L);
    assertEquals(2L, failing(QualityChecks.evaluate(Table.RAW_HOSO, 1, rows)).get(Check.KEYS));
    assertEquals(0L, failing(QualityChecks.evaluate(Table.RAW_HOSO, 1,
        rows(2, "a", 1L, "a", 2L, "b", 1L))).get(Check.KEYS));
  }

  private static Map<String, Long> failing(List<QualityChecks.Outcome> outcomes) {
    Map<String, Long> out = new TreeMap<>();
    outcomes.forEach(o -> out.put(o.check().name(), o.failingRows()));
    return out;
  }
}
