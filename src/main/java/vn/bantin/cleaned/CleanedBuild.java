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
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import vn.bantin.pipeline.Progress;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * Builds the cleaned layer from the raw layer, incrementally: only the extract files that are
 * in the raw layer but not yet in {@code cleaned.loaded_files} are checked. Their records are
 * checked against the contract, conflicting duplicates within one extract quarantined, the
 * newest record per key merged into the cleaned table in extract order (so a late file with an
 * older extract time never overwrites newer state), and their quarantine rows and per-file
 * counts written. A file is logged in {@code cleaned.loaded_files} last: a run killed before
 * that is simply done again, and every write it repeats replaces or re-merges the same rows.
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

  /**
   * What a build did: the counts of every file in the warehouse (in file-name order) and the
   * files this build took in.
   */
  public record Result(List<FileCounts> files, List<String> cleanedNow) {
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

  public static Result build(TableStore store, String runId) {
    SparkSession spark = store.spark();
    Map<String, String> pending = filesToClean(store);
    List<FileCounts> now = new ArrayList<>();
    for (CleanedShape<?> shape : SHAPES) {
      List<String> files = pending.entrySet().stream()
          .filter(e -> e.getValue().equals(shape.kind().prefix())).map(Map.Entry::getKey)
          .sorted().toList();
      if (files.isEmpty()) {
        continue;
      }
      Progress.phase("clean " + shape.kind().prefix() + " (" + files.size() + " file(s))");
      spark.sparkContext().setJobDescription("clean " + shape.kind().prefix());
      Dataset<Row> raw = store.read(RawTables.tableOf(shape.kind()))
          .filter(col(RawColumns.SOURCE_FILE).isin(files.toArray()));
      Dataset<Row> checked = CheckedRecords.of(raw, shape)
          .persist(StorageLevel.MEMORY_AND_DISK());
      Outcome outcome = outcome(checked, shape);
      try {
        Dataset<Row> latest = outcome.latest();
        if (shape instanceof DossierShape) {
          latest = latest.withColumn(CleanedSchemas.CODE_MONTH,
              CleanedSchemas.codeMonth(col(DossierShape.DOSSIER_ID)))
              .persist(StorageLevel.MEMORY_AND_DISK());
          List<String> months = latest.select(CleanedSchemas.CODE_MONTH).distinct()
              .as(Encoders.STRING()).collectAsList();
          store.mergeNewest(shape.table(), latest, months);
          store.replaceSlices(Table.CLEANED_SUPPLEMENTS, supplementsOf(
              store.read(Table.CLEANED_DOSSIERS)
                  .filter(col(CleanedSchemas.CODE_MONTH).isin(months.toArray()))), months);
          latest.unpersist();
        } else {
          store.mergeNewest(shape.table(), latest, List.of());
        }
        store.replaceSlices(Table.QUARANTINE, outcome.quarantined(), files);
        for (Row r : perFile(raw, outcome).collectAsList()) {
          now.add(new FileCounts(r.getString(0), shape.kind().prefix(), r.getLong(1),
              r.getLong(2), r.getLong(3)));
        }
        Progress.done(now.stream().filter(f -> f.kind().equals(shape.kind().prefix()))
            .mapToLong(FileCounts::read).sum(), "records");
      } finally {
        outcome.classified().unpersist();
        checked.unpersist();
      }
    }
    if (!now.isEmpty()) {
      List<Row> rows = now.stream().map(f -> RowFactory.create(f.fileName(), f.kind(), f.read(),
          f.loaded(), f.quarantined(), runId)).toList();
      store.replaceSlices(Table.CLEANED_LOADED_FILES,
          spark.createDataFrame(rows, CleanedSchemas.LOADED_FILES),
          now.stream().map(FileCounts::fileName).toList());
    }
    return new Result(loadedFiles(store), now.stream().map(FileCounts::fileName).toList());
  }

  /** Files in the raw layer that the cleaned layer has not taken in yet: name → kind. */
  static Map<String, String> filesToClean(TableStore store) {
    Map<String, String> out = new TreeMap<>();
    if (!store.exists(Table.RAW_INGESTED_FILES)) {
      return out;
    }
    Dataset<Row> ingested = store.read(Table.RAW_INGESTED_FILES)
        .select(RawColumns.FILE_NAME, RawColumns.KIND);
    Dataset<Row> loaded = store.readOrEmpty(Table.CLEANED_LOADED_FILES)
        .select(RawColumns.FILE_NAME);
    for (Row r : ingested.join(loaded, new String[] {RawColumns.FILE_NAME}, "left_anti")
        .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  /** Every file the cleaned layer holds, with its counts, in file-name order. */
  static List<FileCounts> loadedFiles(TableStore store) {
    List<FileCounts> out = new ArrayList<>();
    for (Row r : store.readOrEmpty(Table.CLEANED_LOADED_FILES).orderBy(RawColumns.FILE_NAME)
        .collectAsList()) {
      out.add(new FileCounts(r.getAs(RawColumns.FILE_NAME), r.getAs(RawColumns.KIND),
          r.<Long>getAs("read"), r.<Long>getAs("loaded"), r.<Long>getAs("quarantined")));
    }
    return out;
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
        .select(col(DossierShape.DOSSIER_ID), col(CleanedSchemas.CODE_MONTH),
            explode(col(DossierShape.SUPPLEMENTS)).as("s"))
        .select(col(DossierShape.DOSSIER_ID), col("s.*"), col(CleanedSchemas.CODE_MONTH));
  }
}
