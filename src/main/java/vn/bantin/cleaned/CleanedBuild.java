package vn.bantin.cleaned;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.functions;
import vn.bantin.raw.RawColumns;
import vn.bantin.raw.WholeFileProblem;
import vn.bantin.raw.RawTables;
import org.apache.spark.sql.RowFactory;
import vn.bantin.pipeline.Progress;
import vn.bantin.registry.QualityChecks;
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
  public record Result(List<FileCounts> files, List<String> cleanedNow,
      List<WholeFileProblem> refused, List<QualityChecks.Outcome> rawChecks) {
    public Result(List<FileCounts> files, List<String> cleanedNow) {
      this(files, cleanedNow, List.of(), List.of());
    }

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
    return build(store, runId, false);
  }

  /**
   * Builds the cleaned layer from the new files. A file whose records are all quarantined is
   * refused unless {@code acceptQuarantined}: nothing of it is written here (no quarantine rows,
   * not in {@code cleaned.loaded_files}; having no loadable record it adds nothing to the
   * cleaned tables), and the caller unregisters it from the raw layer.
   */
  public static Result build(TableStore store, String runId, boolean acceptQuarantined) {
    SparkSession spark = store.spark();
    Map<String, String> pending = filesToClean(store);
    List<QualityChecks.Outcome> rawChecks = checkRaw(store, runId, pending);
    // The kinds side by side: each merges into its own table, and a kind of a few small
    // files costs its planning and commits, which overlap the others'. They share the
    // quarantine table, whose writes take turns.
    Object quarantineWrites = new Object();
    List<CleanedShape<?>> toClean = SHAPES.stream()
        .filter(shape -> pending.containsValue(shape.kind().prefix())).toList();
    if (!toClean.isEmpty()) {
      // This thread's phase, which an error names, while each kind prints its own.
      Progress.phase("clean: " + String.join(", ", toClean.stream()
          .map(shape -> shape.kind().prefix()).toList()) + " side by side");
    }
    List<Cleaned> cleanedKinds = vn.bantin.spark.SideBySide.each(toClean, shape -> clean(store,
        shape, pending.entrySet().stream()
            .filter(e -> e.getValue().equals(shape.kind().prefix())).map(Map.Entry::getKey)
            .sorted().toList(), acceptQuarantined, quarantineWrites));
    if (!toClean.isEmpty()) {
      Progress.done();
    }
    List<FileCounts> now = new ArrayList<>();
    List<WholeFileProblem> refused = new ArrayList<>();
    cleanedKinds.forEach(c -> {
      now.addAll(c.files());
      refused.addAll(c.refused());
    });
    if (!now.isEmpty()) {
      List<Row> rows = now.stream().map(f -> RowFactory.create(f.fileName(), f.kind(), f.read(),
          f.loaded(), f.quarantined(), runId)).toList();
      store.replaceSlices(Table.CLEANED_LOADED_FILES,
          spark.createDataFrame(rows, CleanedSchemas.LOADED_FILES),
          now.stream().map(FileCounts::fileName).toList());
    }
    return new Result(loadedFiles(store), now.stream().map(FileCounts::fileName).toList(),
        List.copyOf(refused), rawChecks);
  }

  /** What cleaning one kind's files gave: their counts, and those refused (all quarantined). */
  private record Cleaned(List<FileCounts> files, List<WholeFileProblem> refused) {}

  /**
   * Cleans the new files of one kind: merges their newest records into the kind's table,
   * replaces their quarantine rows (holding {@code quarantineWrites}, which the kinds share)
   * and counts them.
   */
  private static Cleaned clean(TableStore store, CleanedShape<?> shape, List<String> files,
      boolean acceptQuarantined, Object quarantineWrites) {
    SparkSession spark = store.spark();
    List<FileCounts> now = new ArrayList<>();
    List<WholeFileProblem> refused = new ArrayList<>();
    Progress.phase("clean " + shape.kind().prefix() + " (" + files.size() + " file(s))");
    spark.sparkContext().setJobDescription("clean " + shape.kind().prefix());
    // A small kind's raw table (the catalogue, the agencies) as its local copy: no Delta
    // snapshot and file-listing jobs for a few hundred rows.
    Dataset<Row> raw = store.readWhole(RawTables.tableOf(shape.kind()))
        .filter(col(RawColumns.SOURCE_FILE).isin(files.toArray()));
    boolean dossiers = shape instanceof DossierShape;
    // The dossiers come out with their month, in month order (RecordOutcomes): appended, or
    // merged as new rows, they are written without a sort.
    Dataset<Row> outcomes = RecordOutcomes.of(raw, shape);
    // Read three times (the counts, the merge, the quarantine): computed once.
    outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Counts counts = counts(outcomes, dossiers);
      Dataset<Row> newest = newest(outcomes, shape, dossiers);
      store.mergeNewest(shape.table(), newest, counts.months());
      if (dossiers) {
        store.replaceSlices(Table.CLEANED_SUPPLEMENTS, supplementsOf(
            store.read(Table.CLEANED_DOSSIERS)
                .filter(col(CleanedSchemas.CODE_MONTH).isin(counts.months().toArray()))),
            counts.months());
      }
      List<String> allQuarantined = new ArrayList<>();
      for (String file : files) {
        FileCounts c = counts.of(file, shape.kind().prefix());
        if (!acceptQuarantined && c.read() > 0 && c.loaded() == 0) {
          allQuarantined.add(file);
        } else {
          now.add(c);
        }
      }
      Dataset<Row> quarantine = quarantined(outcomes, shape);
      if (!allQuarantined.isEmpty()) {
        refused.addAll(allQuarantined(quarantine, allQuarantined, counts, shape));
        quarantine = quarantine.filter(functions.not(
            col(QuarantineColumns.SOURCE_FILE).isin(allQuarantined.toArray())));
      }
      // Every file's slice, a refused one's too: it is left with no rows.
      synchronized (quarantineWrites) {
        store.replaceSlices(Table.QUARANTINE, quarantine, files);
      }
      Progress.done(now.stream().filter(f -> f.kind().equals(shape.kind().prefix()))
          .mapToLong(FileCounts::read).sum(), "records");
    } finally {
      outcomes.unpersist();
    }
    return new Cleaned(now, refused);
  }

  /**
   * Checks the raw rows of the files about to be cleaned, and their lines in
   * {@code raw.ingested_files}, and records the outcomes. An error stops here, before anything
   * of those files is cleaned: the files stay pending, so every run stops the same way until
   * the raw layer is mended. Only the new files' rows are read: the rest were checked when
   * they were new.
   */
  private static List<QualityChecks.Outcome> checkRaw(TableStore store, String runId,
      Map<String, String> pending) {
    if (pending.isEmpty()) {
      return List.of();
    }
    Progress.phase("raw: checks of the " + pending.size() + " new file(s)");
    Map<Table, List<String>> filesOf = new java.util.LinkedHashMap<>();
    filesOf.put(Table.RAW_INGESTED_FILES, List.copyOf(pending.keySet()));
    pending.forEach((file, kind) -> filesOf.computeIfAbsent(
        RawTables.tableOf(vn.bantin.extract.ExtractKind.ofPrefix(kind)),
        t -> new ArrayList<>()).add(file));
    List<QualityChecks.Outcome> outcomes = QualityChecks.run(store, filesOf.keySet(),
        t -> store.readWhole(t).filter(col(t == Table.RAW_INGESTED_FILES
            ? RawColumns.FILE_NAME : RawColumns.SOURCE_FILE).isin(filesOf.get(t).toArray())));
    QualityChecks.record(store, runId, outcomes);
    Progress.done();
    QualityChecks.enforce(outcomes, "the cleaned rows of the new extracts");
    return outcomes;
  }

  /** The refused files whose records were all quarantined, with their reasons. */
  private static List<WholeFileProblem> allQuarantined(Dataset<Row> quarantine,
      List<String> files, Counts counts, CleanedShape<?> shape) {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    for (Row r : quarantine.filter(col(QuarantineColumns.SOURCE_FILE).isin(files.toArray()))
        .groupBy(QuarantineColumns.SOURCE_FILE, QuarantineColumns.REASON).count()
        .collectAsList()) {
      reasons.computeIfAbsent(r.getString(0), f -> new TreeMap<>())
          .put(r.getString(1), r.getLong(2));
    }
    List<WholeFileProblem> out = new ArrayList<>();
    for (String file : files) {
      FileCounts c = counts.of(file, shape.kind().prefix());
      String byReason = reasons.getOrDefault(file, Map.of()).entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
      out.add(new WholeFileProblem(file, shape.kind().prefix(), c.read(),
          WholeFileProblem.Problem.ALL_QUARANTINED, "all " + c.read() + " record(s) of the file"
              + " are quarantined (" + byReason + "); nothing of it would be loaded"));
    }
    return out;
  }

  /** Files in the raw layer that the cleaned layer has not taken in yet: name → kind. */
  static Map<String, String> filesToClean(TableStore store) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, Object> r : store.smallRows(Table.RAW_INGESTED_FILES)) {
      out.put((String) r.get(RawColumns.FILE_NAME), (String) r.get(RawColumns.KIND));
    }
    for (Map<String, Object> r : store.smallRows(Table.CLEANED_LOADED_FILES)) {
      out.remove((String) r.get(RawColumns.FILE_NAME));
    }
    return out;
  }

  /** Every file the cleaned layer holds, with its counts, in file-name order. */
  static List<FileCounts> loadedFiles(TableStore store) {
    List<FileCounts> out = new ArrayList<>();
    for (Map<String, Object> r : store.smallRows(Table.CLEANED_LOADED_FILES)) {
      out.add(new FileCounts((String) r.get(RawColumns.FILE_NAME),
          (String) r.get(RawColumns.KIND), (Long) r.get("read"), (Long) r.get("loaded"),
          (Long) r.get("quarantined")));
    }
    out.sort(java.util.Comparator.comparing(FileCounts::fileName));
    return out;
  }

  /** Records per file and disposition, and the partitions of the newest dossiers. */
  record Counts(Map<String, Map<RecordOutcomes.Disposition, Long>> byFile,
      List<String> months) {
    FileCounts of(String file, String kind) {
      Map<RecordOutcomes.Disposition, Long> c = byFile.getOrDefault(file, Map.of());
      long loaded = 0;
      long quarantined = 0;
      for (Map.Entry<RecordOutcomes.Disposition, Long> e : c.entrySet()) {
        if (e.getKey().loaded()) {
          loaded += e.getValue();
        } else {
          quarantined += e.getValue();
        }
      }
      return new FileCounts(file, kind, loaded + quarantined, loaded, quarantined);
    }
  }

  /** One small aggregate over the outcomes: the counts of every file, and the months touched. */
  static Counts counts(Dataset<Row> outcomes, boolean dossiers) {
    Column month = dossiers
        ? org.apache.spark.sql.functions.when(col(RecordOutcomes.DISPOSITION)
            .equalTo(RecordOutcomes.Disposition.NEWEST.code()), col(CleanedSchemas.CODE_MONTH))
        : lit(null).cast("string");
    Map<String, Map<RecordOutcomes.Disposition, Long>> byFile = new TreeMap<>();
    java.util.Set<String> months = new java.util.TreeSet<>();
    Map<String, RecordOutcomes.Disposition> byCode = new java.util.HashMap<>();
    for (RecordOutcomes.Disposition d : RecordOutcomes.Disposition.values()) {
      byCode.put(d.code(), d);
    }
    for (Row r : outcomes.groupBy(col(RawColumns.SOURCE_FILE), col(RecordOutcomes.DISPOSITION),
        month.as("month")).agg(count(lit(1))).collectAsList()) {
      byFile.computeIfAbsent(r.getString(0), f -> new java.util.EnumMap<>(
          RecordOutcomes.Disposition.class)).merge(byCode.get(r.getString(1)), r.getLong(3),
          Long::sum);
      if (!r.isNullAt(2)) {
        months.add(r.getString(2));
      }
    }
    return new Counts(byFile, List.copyOf(months));
  }

  /** The newest valid record of every key: the rows merged into the cleaned table. */
  static Dataset<Row> newest(Dataset<Row> outcomes, CleanedShape<?> shape, boolean dossiers) {
    List<Column> out = new ArrayList<>();
    for (StructField f : shape.typedSchema().fields()) {
      out.add(col(f.name()));
    }
    for (String l : CheckedRecords.LINEAGE) {
      out.add(col(l));
    }
    if (dossiers) {
      out.add(col(CleanedSchemas.CODE_MONTH));
    }
    return outcomes.filter(col(RecordOutcomes.DISPOSITION)
            .equalTo(RecordOutcomes.Disposition.NEWEST.code()))
        .select(out.toArray(Column[]::new));
  }

  /** The quarantine rows: invalid records with their reason, conflicting duplicates. */
  static Dataset<Row> quarantined(Dataset<Row> outcomes, CleanedShape<?> shape) {
    Column conflicting = col(RecordOutcomes.DISPOSITION)
        .equalTo(RecordOutcomes.Disposition.CONFLICTING.code());
    Column invalid = col(RecordOutcomes.DISPOSITION)
        .equalTo(RecordOutcomes.Disposition.INVALID.code());
    return quarantineRows(outcomes.filter(conflicting.or(invalid)), shape,
        org.apache.spark.sql.functions.when(conflicting, lit(shape.kind().keyField()))
            .otherwise(col(CheckedRecords.Q_FIELD)),
        org.apache.spark.sql.functions.when(conflicting,
            lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
            .otherwise(col(CheckedRecords.Q_REASON)),
        org.apache.spark.sql.functions.when(conflicting,
            concat(lit("differing records of " + shape.kind().keyField() + " "),
                col(CheckedRecords.RECORD_KEY),
                lit(" in one extract: all of them quarantined")))
            .otherwise(col(CheckedRecords.Q_DETAIL)));
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

  /** cleaned.supplements: the nested supplement requests, one row each. */
  static Dataset<Row> supplementsOf(Dataset<Row> dossiers) {
    return dossiers
        .select(col(DossierShape.DOSSIER_ID), col(CleanedSchemas.CODE_MONTH),
            explode(col(DossierShape.SUPPLEMENTS)).as("s"))
        .select(col(DossierShape.DOSSIER_ID), col("s.*"), col(CleanedSchemas.CODE_MONTH));
  }
}
