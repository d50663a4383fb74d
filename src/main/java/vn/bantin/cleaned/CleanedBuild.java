package vn.bantin.cleaned;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import vn.bantin.raw.RawColumns;
import vn.bantin.raw.RawTables;
import vn.bantin.registry.Table;
import vn.bantin.registry.Tables;
import vn.bantin.registry.Warehouse;

/**
 * Builds the cleaned layer from the raw layer: each kind's records checked against the
 * contract, conflicting duplicates within one extract quarantined, the newest extract's state
 * kept per key; every record that is not loaded goes to {@code cleaned.quarantine}.
 *
 * <p>The cleaned tables are rebuilt from raw on each run (one Delta commit per table), so a
 * rule that changes applies to all history and a rerun gives the same tables.
 */
public final class CleanedBuild {
  private CleanedBuild() {}

  /** The shapes, in the order they are built. */
  public static final List<CleanedShape<?>> SHAPES = List.of(new DossierShape(),
      new BallotShape(), new ProcedureShape(), new AgencyShape());

  /** Records of one extract file: read = loaded + quarantined when nothing was lost. */
  public record FileCounts(String fileName, String kind, long read, long loaded,
      long quarantined) {
    public boolean reconciles() {
      return read == loaded + quarantined;
    }
  }

  /** What a build did, per file, in file-name order. */
  public record Result(List<FileCounts> files) {
    public long read() {
      return files.stream().mapToLong(FileCounts::read).sum();
    }

    public long loaded() {
      return files.stream().mapToLong(FileCounts::loaded).sum();
    }

    public long quarantined() {
      return files.stream().mapToLong(FileCounts::quarantined).sum();
    }
  }

  public static Result build(SparkSession spark, Warehouse warehouse) {
    Map<String, FileCounts> files = new TreeMap<>();
    Dataset<Row> quarantine = null;
    List<Dataset<Row>> toRelease = new ArrayList<>();
    for (CleanedShape<?> shape : SHAPES) {
      spark.sparkContext().setJobDescription("clean " + shape.kind().prefix());
      Dataset<Row> raw = Tables.readOrEmpty(spark, warehouse, RawTables.tableOf(shape.kind()),
          RawTables.schema(shape.kind()));
      Dataset<Row> checked = CheckedRecords.of(raw, shape)
          .persist(StorageLevel.MEMORY_AND_DISK());
      toRelease.add(checked);
      Outcome outcome = outcome(checked, shape);
      toRelease.add(outcome.classified());
      Tables.overwrite(outcome.latest(), warehouse, shape.table());
      if (shape instanceof DossierShape) {
        // From the table just written: the newest-state choice is not computed a second time.
        Tables.overwrite(supplementsOf(Tables.read(spark, warehouse, Table.CLEANED_DOSSIERS)),
            warehouse, Table.CLEANED_SUPPLEMENTS);
      }
      Dataset<Row> q = outcome.quarantined();
      quarantine = quarantine == null ? q : quarantine.unionByName(q);
      for (Row r : perFile(raw, outcome).collectAsList()) {
        files.put(r.getString(0), new FileCounts(r.getString(0), shape.kind().prefix(),
            r.getLong(1), r.getLong(2), r.getLong(3)));
      }
    }
    spark.sparkContext().setJobDescription("write quarantine");
    Tables.overwrite(quarantine, warehouse, Table.QUARANTINE);
    toRelease.forEach(Dataset::unpersist);
    return new Result(List.copyOf(files.values()));
  }

  /**
   * The loaded records (latest per key) and the quarantined ones, of one kind; all cut from
   * {@code classified}, the valid records flagged once with their versions in their extract.
   */
  record Outcome(Dataset<Row> classified, Dataset<Row> loaded, Dataset<Row> latest,
      Dataset<Row> quarantined) {}

  static Outcome outcome(Dataset<Row> checked, CleanedShape<?> shape) {
    WindowSpec sameKeySameFile = Window.partitionBy(CheckedRecords.DEDUPE_KEY,
        RawColumns.SOURCE_FILE);
    // Used three times (the table, the quarantine, the counts): computed once.
    Dataset<Row> ok = checked.filter(col(CheckedRecords.OK))
        .withColumn("_versions_in_extract",
            size(collect_set(CheckedRecords.CONTENT_HASH).over(sameKeySameFile)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> conflicting = ok.filter(col("_versions_in_extract").gt(1));
    Dataset<Row> loaded = ok.filter(col("_versions_in_extract").equalTo(1));

    // The newest extract wins; ties (two files of one extract time) go to the later file name,
    // then the later line, so the choice never depends on partitioning.
    WindowSpec newestFirst = Window.partitionBy(CheckedRecords.DEDUPE_KEY).orderBy(
        col(RawColumns.EXTRACT_AT).desc(), col(RawColumns.SOURCE_FILE).desc(),
        col(RawColumns.SOURCE_LINE).desc());
    List<Column> out = new ArrayList<>();
    for (StructField f : shape.typedSchema().fields()) {
      out.add(col(f.name()));
    }
    for (String l : CheckedRecords.LINEAGE) {
      out.add(col(l));
    }
    Dataset<Row> latest = loaded.withColumn("_rank", row_number().over(newestFirst))
        .filter(col("_rank").equalTo(1))
        .select(out.toArray(Column[]::new));

    Dataset<Row> quarantined = quarantineRows(checked.filter(col(CheckedRecords.OK).equalTo(false)),
        shape, col(CheckedRecords.Q_FIELD), col(CheckedRecords.Q_REASON),
        col(CheckedRecords.Q_DETAIL))
        .unionByName(quarantineRows(conflicting, shape, lit(shape.kind().keyField()),
            lit(QuarantineReason.CONFLICTING_DUPLICATE.code()),
            concat(lit("differing records of " + shape.kind().keyField() + " "),
                col(CheckedRecords.RECORD_KEY), lit(" in one extract: all of them quarantined"))));
    return new Outcome(ok, loaded, latest, quarantined);
  }

  private static Dataset<Row> quarantineRows(Dataset<Row> rows, CleanedShape<?> shape,
      Column field, Column reason, Column detail) {
    return rows.select(
        lit(shape.kind().prefix()).as(QuarantineColumns.KIND),
        col(RawColumns.SOURCE_FILE).as(QuarantineColumns.SOURCE_FILE),
        col(RawColumns.SOURCE_LINE).as(QuarantineColumns.SOURCE_LINE),
        col(RawColumns.EXTRACT_AT).as(QuarantineColumns.EXTRACT_AT),
        col(CheckedRecords.RECORD_KEY).as(QuarantineColumns.RECORD_KEY),
        field.as(QuarantineColumns.FIELD),
        reason.as(QuarantineColumns.REASON),
        detail.as(QuarantineColumns.DETAIL),
        col(RawColumns.INGEST_RUN_ID).as(QuarantineColumns.INGEST_RUN_ID));
  }

  /** file, read, loaded, quarantined: counted separately so a lost record shows. */
  private static Dataset<Row> perFile(Dataset<Row> raw, Outcome outcome) {
    Dataset<Row> read = raw.groupBy(RawColumns.SOURCE_FILE).agg(count(lit(1)).as("read"));
    Dataset<Row> loaded = outcome.loaded().groupBy(RawColumns.SOURCE_FILE)
        .agg(count(lit(1)).as("loaded"));
    Dataset<Row> quarantined = outcome.quarantined()
        .groupBy(col(QuarantineColumns.SOURCE_FILE).as(RawColumns.SOURCE_FILE))
        .agg(count(lit(1)).as("quarantined"));
    String[] byFile = {RawColumns.SOURCE_FILE};
    return read.join(loaded, byFile, "full_outer")
        .join(quarantined, byFile, "full_outer")
        .na().fill(0L)
        .select(col(RawColumns.SOURCE_FILE), col("read"), col("loaded"), col("quarantined"));
  }

  /** cleaned.supplements: the nested supplement requests, one row each. */
  static Dataset<Row> supplementsOf(Dataset<Row> dossiers) {
    return dossiers
        .select(col(DossierShape.DOSSIER_ID), explode(col(DossierShape.SUPPLEMENTS)).as("s"))
        .select(col(DossierShape.DOSSIER_ID), col("s.*"));
  }
}
