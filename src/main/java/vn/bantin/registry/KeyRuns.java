package vn.bantin.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.InterpretedOrdering;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Shows that the keys of rows stored in key order are unique, in one pass and without a
 * shuffle: each partition's rows are cut into runs whose keys strictly increase (a run holds no
 * key twice), and the runs' key ranges, collected, must not overlap (no key is in two runs).
 * A raw table's rows are stored so: each file's records are written by one task, in line
 * order, so a table of hundreds of files is a few hundred runs. Counting the duplicates of
 * 16.5 million keys exactly (a distinct count, its shuffle and its spills) was most of a
 * decade's 17–21 s of raw checks; shown this way they took 6.5 s (docs/benchmarks.md,
 * session 24).
 *
 * <p>It proves uniqueness or says it cannot: rows out of order make many short runs (given up
 * above {@value #MOST_RUNS} per partition), and overlapping ranges may or may not hold a
 * duplicate. Either way the caller counts the duplicates exactly. Keys compare as Spark sorts
 * them, nulls equal and first: a null key is a duplicate of another null key, as the exact
 * count (a distinct count of the keys' struct) has it.
 */
final class KeyRuns {
  private KeyRuns() {}

  /**
   * Beyond this many runs in a partition the rows are not in key order: the pass gives up
   * rather than collect a range per row or two.
   */
  static final int MOST_RUNS = 10_000;

  /** One run: the keys of its first and last row. Null bounds: a partition that gave up. */
  record Run(InternalRow first, InternalRow last) implements Serializable {}

  /** Whether the runs of {@code rows} show their {@code keys} unique (false: not shown). */
  static boolean showUnique(Dataset<Row> rows, List<String> keys) {
    Dataset<Row> keyed = rows.select(keys.stream().map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new));
    StructType schema = keyed.schema();
    List<Run> runs = ((org.apache.spark.sql.classic.Dataset<Row>) keyed).queryExecution()
        .toRdd().toJavaRDD()
        .mapPartitions((FlatMapFunction<Iterator<InternalRow>, Run>) it ->
            runsOf(it, schema).iterator())
        .collect();
    return disjoint(runs, schema);
  }

  /**
   * The runs of one partition's keys; a single run of null bounds when there are too many. A run
   * also ends where the leading key column changes: a task that reads one file's rows and then
   * a later file's would otherwise make one range spanning every file between them.
   */
  static List<Run> runsOf(Iterator<InternalRow> keys, StructType schema) {
    InterpretedOrdering order = ordering(schema);
    InterpretedOrdering leading = ordering(new StructType(new org.apache.spark.sql.types
        .StructField[] {schema.fields()[0]}));
    List<Run> runs = new ArrayList<>();
    InternalRow first = null;
    InternalRow last = null;
    while (keys.hasNext()) {
      // The scan hands out one row object pointed at each row in turn: bounds are copies.
      InternalRow key = keys.next();
      if (last != null && order.compare(key, last) > 0 && leading.compare(key, last) == 0) {
        last = key.copy();
        continue;
      }
      if (first != null) {
        runs.add(new Run(first, last));
        if (runs.size() >= MOST_RUNS) {
          return List.of(new Run(null, null));
        }
      }
      first = key.copy();
      last = first;
    }
    if (first != null) {
      runs.add(new Run(first, last));
    }
    return runs;
  }

  /** Whether no two runs' ranges share a key (false when a partition gave up). */
  static boolean disjoint(List<Run> runs, StructType schema) {
    if (runs.stream().anyMatch(r -> r.first() == null)) {
      return false;
    }
    InterpretedOrdering order = ordering(schema);
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> order.compare(a.first(), b.first()));
    // Sorted by first key and disjoint so far, the previous run ends after every earlier one.
    for (int i = 1; i < sorted.size(); i++) {
      if (order.compare(sorted.get(i).first(), sorted.get(i - 1).last()) <= 0) {
        return false;
      }
    }
    return true;
  }

  /** Spark's ordering of rows of these columns, ascending, nulls first. */
  private static InterpretedOrdering ordering(StructType schema) {
    List<DataType> types = new ArrayList<>();
    for (StructField f : schema.fields()) {
      types.add(f.dataType());
    }
    return InterpretedOrdering.forSchema(
        scala.jdk.javaapi.CollectionConverters.asScala(types).toSeq());
  }
}
