package vn.bantin.cleaned;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import vn.bantin.raw.RawColumns;

/**
 * What becomes of every raw record of one kind, in one shuffle: the records are partitioned by
 * their key and sorted newest first in extract order (extract time, then file name, then line,
 * all descending), and one pass over each key's records checks them against the contract and
 * gives each its {@link Disposition}. Grain: one raw record; the row carries the checked record
 * (typed, or the reason it is quarantined) and its disposition.
 *
 * <p>This replaces two window passes (one per key and file for conflicting duplicates, one per
 * key for the newest) and a second scan of the raw table for the per-file counts: the counts
 * are a small aggregate over the dispositions.
 */
public final class RecordOutcomes {
  private RecordOutcomes() {}

  public static final String DISPOSITION = "_disposition";

  /** What became of one raw record. */
  public enum Disposition {
    /** Valid, and the newest record of its key among these files: merged into the table. */
    NEWEST("newest"),
    /** Valid, but a newer record of its key came: loaded, not the table's row. */
    SUPERSEDED("superseded"),
    /** Valid, but its extract holds its key with other content too: quarantined. */
    CONFLICTING("conflicting"),
    /** Fails the contract (or could not be read): quarantined with its reason. */
    INVALID("invalid");

    private final String code;
    private final UTF8String utf8;

    Disposition(String code) {
      this.code = code;
      this.utf8 = UTF8String.fromString(code);
    }

    public String code() {
      return code;
    }

    public boolean loaded() {
      return this == NEWEST || this == SUPERSEDED;
    }
  }

  private static final String GROUP = "_group";
  private static final String UNKEYED = "_unkeyed";

  /** The checked records' schema ({@link CheckedRecords#schema}) and the disposition. */
  public static StructType schema(CleanedShape<?> shape) {
    return CheckedRecords.schema(shape).add(DISPOSITION, DataTypes.StringType, false);
  }

  /**
   * Every record of {@code raw} (a raw table of the shape's kind) with its disposition. When the
   * shape's table is partitioned by a function of the key ({@link CleanedShape#partitionOfKey}),
   * each row also carries its key's partition value (of the key as the check reads it, which is
   * the typed key of a record that passes), and the rows of each task come in that column's
   * order, which the Dataset declares: writing them to the table then needs no sort. The records
   * of a key still meet, the partition being a function of the key. A decade's first run
   * appends 11.85 M dossiers, and the writer's own sort spilled 3.1 GB of them to disk
   * (docs/benchmarks.md, session 22).
   */
  public static <T> Dataset<Row> of(Dataset<Row> raw, CleanedShape<T> shape) {
    // The key as the check reads it (FieldParsers.clean), so that records the check gives one
    // key always meet; a record without a key is its own group, spread by file and line.
    UserDefinedFunction cleanKey = udf((UDF1<String, String>) FieldParsers::clean,
        DataTypes.StringType);
    Dataset<Row> keyed = raw.withColumn(GROUP, cleanKey.apply(col(shape.kind().keyField())))
        .withColumn(UNKEYED, col(GROUP).isNull());
    // The table's partition column, when it is a function of the key.
    String partition = shape.partitionOfKey().isPresent()
        ? shape.table().partitionColumns().get(0) : null;
    List<org.apache.spark.sql.Column> order = new ArrayList<>();
    if (partition != null) {
      keyed = keyed.withColumn(partition, shape.partitionOfKey().get().apply(col(GROUP)));
      order.add(col(partition));
    }
    order.addAll(List.of(col(UNKEYED), col(GROUP), col(RawColumns.EXTRACT_AT).desc(),
        col(RawColumns.SOURCE_FILE).desc(), col(RawColumns.SOURCE_LINE).desc()));
    StructType rawSchema = keyed.schema();
    int groupIndex = rawSchema.fieldIndex(GROUP);
    int partitionIndex = partition == null ? -1 : rawSchema.fieldIndex(partition);
    Dataset<Row> sorted = keyed
        .repartition(coalesce(col(GROUP),
            concat(col(RawColumns.SOURCE_FILE), lit(":"), col(RawColumns.SOURCE_LINE))))
        .sortWithinPartitions(order.toArray(org.apache.spark.sql.Column[]::new));
    // Spark's own rows in and out: the checks read only the contract fields' text, and the
    // lineage passes through as it is. Through Row, every column of every record was decoded
    // into Java objects and encoded back (half of this step's time in a profile).
    RDD<InternalRow> checked = ((org.apache.spark.sql.classic.Dataset<Row>) sorted)
        .queryExecution().toRdd().toJavaRDD()
        .mapPartitions((FlatMapFunction<Iterator<InternalRow>, InternalRow>) rows ->
            new Groups<>(rows, new CheckedRecords.Reading<>(shape, rawSchema), groupIndex,
                partitionIndex))
        .rdd();
    org.apache.spark.sql.classic.SparkSession spark =
        (org.apache.spark.sql.classic.SparkSession) raw.sparkSession();
    if (partition == null) {
      return spark.internalCreateDataFrame(checked, schema(shape), false);
    }
    return ordered(spark, checked, schema(shape).add(partition, DataTypes.StringType, false),
        partition);
  }

  /**
   * The rows as a Dataset that declares each task's rows in {@code column}'s order (what
   * {@code internalCreateDataFrame} makes, with that ordering): Spark and Delta then write them
   * partitioned by the column without sorting them first (with Delta, given the session
   * setting of {@link vn.bantin.spark.Sessions} on empty partition values).
   */
  private static Dataset<Row> ordered(org.apache.spark.sql.classic.SparkSession spark,
      RDD<InternalRow> rows, StructType schema, String column) {
    scala.collection.immutable.Seq<org.apache.spark.sql.catalyst.expressions.AttributeReference>
        output = org.apache.spark.sql.catalyst.types.DataTypeUtils.toAttributes(schema);
    org.apache.spark.sql.catalyst.expressions.Attribute by = output.apply(
        schema.fieldIndex(column));
    org.apache.spark.sql.catalyst.expressions.SortOrder ascending =
        org.apache.spark.sql.catalyst.expressions.SortOrder$.MODULE$.apply(by,
            org.apache.spark.sql.catalyst.expressions.Ascending$.MODULE$,
            scala.collection.immutable.Seq$.MODULE$.<org.apache.spark.sql.catalyst.expressions
                .Expression>empty());
    @SuppressWarnings("unchecked")
    scala.collection.immutable.Seq<org.apache.spark.sql.catalyst.expressions.Attribute>
        attributes = (scala.collection.immutable.Seq<org.apache.spark.sql.catalyst.expressions
            .Attribute>) (Object) output;
    org.apache.spark.sql.execution.LogicalRDD plan = new org.apache.spark.sql.execution
        .LogicalRDD(attributes, rows, new org.apache.spark.sql.catalyst.plans.physical
            .UnknownPartitioning(0), scala.jdk.javaapi.CollectionConverters.asScala(
                List.of(ascending)).toList(), false, scala.Option.empty(), spark,
        scala.Option.empty(), scala.Option.empty());
    return org.apache.spark.sql.classic.Dataset$.MODULE$.ofRows(spark, plan);
  }

  /** The rows of a partition, one key's records at a time. */
  private static final class Groups<T> implements Iterator<InternalRow> {
    private final Iterator<InternalRow> rows;
    private final CheckedRecords.Reading<T> reading;
    private final int groupIndex;
    /** Where the raw rows hold the partition value passed on, or -1. */
    private final int partitionIndex;
    private InternalRow pending;
    private Iterator<InternalRow> out = java.util.Collections.emptyIterator();

    Groups(Iterator<InternalRow> rows, CheckedRecords.Reading<T> reading, int groupIndex,
        int partitionIndex) {
      this.rows = rows;
      this.reading = reading;
      this.groupIndex = groupIndex;
      this.partitionIndex = partitionIndex;
    }

    @Override
    public boolean hasNext() {
      while (!out.hasNext()) {
        if (pending == null && !rows.hasNext()) {
          return false;
        }
        out = nextGroup().iterator();
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out.next();
    }

    /** The records of the next key (a record without a key alone), newest first. */
    private List<InternalRow> nextGroup() {
      List<InternalRow> group = new ArrayList<>();
      // The sort hands out one row object pointed at each record in turn: a group holds copies.
      InternalRow first = pending != null ? pending : rows.next().copy();
      pending = null;
      group.add(first);
      UTF8String key = first.getUTF8String(groupIndex);
      if (key != null) {
        while (rows.hasNext()) {
          InternalRow r = rows.next().copy();
          if (key.equals(r.getUTF8String(groupIndex))) {
            group.add(r);
          } else {
            pending = r;
            break;
          }
        }
      }
      return dispose(group);
    }

    private List<InternalRow> dispose(List<InternalRow> group) {
      int n = group.size();
      Object[][] checked = new Object[n][];
      Disposition[] disposition = new Disposition[n];
      // Valid records by dedupe key (a catalogue key joins code and start, so one code may
      // hold several), in newest-first order.
      Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        checked[i] = CheckedRecords.check(group.get(i), reading);
        if ((Boolean) checked[i][0]) {
          byKey.computeIfAbsent(checked[i][1], k -> new ArrayList<>()).add(i);
        } else {
          disposition[i] = Disposition.INVALID;
        }
      }
      for (List<Integer> same : byKey.values()) {
        Set<Object> conflictingFiles = conflictingFiles(group, checked, same);
        boolean newestTaken = false;
        for (int i : same) {
          if (conflictingFiles.contains(file(checked[i]))) {
            disposition[i] = Disposition.CONFLICTING;
          } else if (!newestTaken) {
            disposition[i] = Disposition.NEWEST;
            newestTaken = true;
          } else {
            disposition[i] = Disposition.SUPERSEDED;
          }
        }
      }
      List<InternalRow> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (disposition[i] != Disposition.NEWEST) {
          // Only the newest record's typed values are written; the others are counted or
          // quarantined by their lineage and reason. Dropped here, they are not held in the
          // outcomes' cache (a first run of ten years: a quarter of its records).
          CheckedRecords.dropMergedValues(checked[i]);
        }
        int extra = partitionIndex < 0 ? 1 : 2;
        Object[] v = java.util.Arrays.copyOf(checked[i], checked[i].length + extra);
        v[checked[i].length] = disposition[i].utf8;
        if (partitionIndex >= 0) {
          v[v.length - 1] = group.get(i).getUTF8String(partitionIndex);
        }
        out.add(new GenericInternalRow(v));
      }
      return out;
    }

    /** The files that hold the key more than once with differing content. */
    private Set<Object> conflictingFiles(List<InternalRow> group, Object[][] checked,
        List<Integer> same) {
      Set<Object> out = new HashSet<>();
      if (same.size() < 2) {
        return out;
      }
      Map<Object, List<Integer>> byFile = new LinkedHashMap<>();
      for (int i : same) {
        byFile.computeIfAbsent(file(checked[i]), f -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<Object, List<Integer>> e : byFile.entrySet()) {
        if (e.getValue().size() < 2) {
          continue;
        }
        Set<UTF8String> contents = new HashSet<>();
        for (int i : e.getValue()) {
          UTF8String hash = CheckedRecords.contentHash(group.get(i), reading);
          checked[i][2] = hash;
          contents.add(hash);
        }
        if (contents.size() > 1) {
          out.add(e.getKey());
        }
      }
      return out;
    }

    /** The checked record's file, as the raw row held it. */
    private static Object file(Object[] checked) {
      return checked[7];
    }
  }
}
