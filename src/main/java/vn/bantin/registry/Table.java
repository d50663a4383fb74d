package vn.bantin.registry;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.types.StructType;
import vn.bantin.cleaned.CleanedSchemas;
import vn.bantin.cleaned.QuarantineColumns;
import vn.bantin.extract.ExtractKind;
import vn.bantin.gold.GoldSchemas;
import vn.bantin.raw.IngestedFiles;
import vn.bantin.raw.RawColumns;
import vn.bantin.raw.RawTables;

/**
 * The table registry: every table bantin writes, declared once with its layer, name, schema,
 * keys, partitioning, write mode, table properties and grain. No other file names a table or a
 * path: code asks the {@link TableStore} to read or write a table, and the store creates it from
 * this declaration, checks every write against the declared schema and writes it only in the
 * declared mode.
 */
public enum Table {
  RAW_HOSO(Layer.RAW, "hoso", () -> RawTables.schema(ExtractKind.HOSO),
      List.of(RawColumns.SOURCE_FILE, RawColumns.SOURCE_LINE), List.of(),
      WriteMode.REPLACE_SLICE, RawColumns.SOURCE_FILE, Properties.RAW,
      "one record of a hoso extract, as read"),
  RAW_DANHGIA(Layer.RAW, "danhgia", () -> RawTables.schema(ExtractKind.DANHGIA),
      List.of(RawColumns.SOURCE_FILE, RawColumns.SOURCE_LINE), List.of(),
      WriteMode.REPLACE_SLICE, RawColumns.SOURCE_FILE, Properties.RAW,
      "one record of a danhgia extract, as read"),
  RAW_THUTUC(Layer.RAW, "thutuc", () -> RawTables.schema(ExtractKind.THUTUC),
      List.of(RawColumns.SOURCE_FILE, RawColumns.SOURCE_LINE), List.of(),
      WriteMode.REPLACE_SLICE, RawColumns.SOURCE_FILE, Properties.RAW,
      "one record of a thutuc extract, as read"),
  RAW_DONVI(Layer.RAW, "donvi", () -> RawTables.schema(ExtractKind.DONVI),
      List.of(RawColumns.SOURCE_FILE, RawColumns.SOURCE_LINE), List.of(),
      WriteMode.REPLACE_SLICE, RawColumns.SOURCE_FILE, Properties.RAW,
      "one record of a donvi extract, as read"),
  RAW_INGESTED_FILES(Layer.RAW, "ingested_files", () -> IngestedFiles.SCHEMA,
      List.of(RawColumns.FILE_NAME), List.of(), WriteMode.REPLACE_SLICE, RawColumns.FILE_NAME,
      Map.of(), "one extract file in the raw layer, with its size, checksum, run and records"),

  CLEANED_DOSSIERS(Layer.CLEANED, "dossiers", CleanedSchemas::dossiers,
      List.of("dossier_id"), List.of(CleanedSchemas.CODE_MONTH), WriteMode.MERGE_NEWEST, null,
      Properties.DOSSIERS, "one dossier, its state from the newest extract that holds it"),
  CLEANED_SUPPLEMENTS(Layer.CLEANED, "supplements", CleanedSchemas::supplements,
      List.of("dossier_id", "seq"), List.of(CleanedSchemas.CODE_MONTH), WriteMode.REPLACE_SLICE,
      CleanedSchemas.CODE_MONTH, Map.of(), "one supplement request of a dossier"),
  CLEANED_BALLOTS(Layer.CLEANED, "ballots", CleanedSchemas::ballots, List.of("ballot_id"),
      List.of(), WriteMode.MERGE_NEWEST, null, Properties.CHANGES, "one satisfaction ballot"),
  CLEANED_PROCEDURE_VERSIONS(Layer.CLEANED, "procedure_versions",
      CleanedSchemas::procedureVersions, List.of("procedure_code", "valid_from"), List.of(),
      WriteMode.MERGE_NEWEST, null, Properties.CHANGES,
      "one version of a catalogue procedure, valid from valid_from through valid_to"),
  CLEANED_AGENCY_VERSIONS(Layer.CLEANED, "agency_versions", CleanedSchemas::agencyVersions,
      List.of("agency_code", "valid_from"), List.of(), WriteMode.MERGE_NEWEST, null,
      Properties.CHANGES, "one version of an agency, valid from valid_from through valid_to"),
  QUARANTINE(Layer.CLEANED, "quarantine", () -> QuarantineColumns.SCHEMA,
      List.of("source_file", "source_line"), List.of("kind"), WriteMode.REPLACE_SLICE,
      QuarantineColumns.SOURCE_FILE, Map.of(),
      "one input record that breaks the contract, with the reason"),
  CLEANED_LOADED_FILES(Layer.CLEANED, "loaded_files", () -> CleanedSchemas.LOADED_FILES,
      List.of(RawColumns.FILE_NAME), List.of(), WriteMode.REPLACE_SLICE, RawColumns.FILE_NAME,
      Map.of(), "one extract file the cleaned layer has taken in: read, loaded, quarantined"),

  GOLD_MONTH_FACTS(Layer.GOLD, "month_facts", GoldSchemas::monthFacts,
      List.of("publisher_code", "department_code", "sector_code", "procedure_code", "month"),
      List.of(), WriteMode.OVERWRITE, null, Map.of(),
      "one publisher, department, sector, procedure and month: the flows of the month and the"
          + " changes of the stocks, summed from the dossiers' events"),
  GOLD_BULLETIN(Layer.GOLD, "bulletin", GoldSchemas::bulletin,
      List.of("publisher_code", "period"), List.of("period_kind"), WriteMode.SYNC, null,
      Properties.PUBLISHED,
      "one publisher and one period (month, quarter, year): every figure"),
  GOLD_DEPARTMENT(Layer.GOLD, "bulletin_by_department", GoldSchemas::units,
      List.of("publisher_code", "period", "unit_code"), List.of("period_kind"), WriteMode.SYNC,
      null, Properties.PUBLISHED,
      "one publisher, department and period: every dossier figure"),
  GOLD_SECTOR(Layer.GOLD, "bulletin_by_sector", GoldSchemas::units,
      List.of("publisher_code", "period", "unit_code"), List.of("period_kind"), WriteMode.SYNC,
      null, Properties.PUBLISHED,
      "one publisher, sector and period: every dossier figure"),
  GOLD_PROCEDURE(Layer.GOLD, "bulletin_by_procedure", GoldSchemas::units,
      List.of("publisher_code", "period", "unit_code"), List.of("period_kind"), WriteMode.SYNC,
      null, Properties.PUBLISHED,
      "one publisher, procedure and period: every dossier figure"),
  GOLD_SURVEY(Layer.GOLD, "survey_answers", GoldSchemas::surveyAnswers,
      List.of("publisher_code", "period", "question", "answer"), List.of("period_kind"),
      WriteMode.SYNC, null, Properties.DELETION_VECTORS,
      "one publisher, period, question and answer: ballots"),
  GOLD_TRENDS(Layer.GOLD, "trends", GoldSchemas::trends,
      List.of("publisher_code", "unit_kind", "unit_code", "month", "measure"), List.of(),
      WriteMode.SYNC, null, Properties.DELETION_VECTORS,
      "one publisher, department or sector, month and measure: the value, the previous month,"
          + " a year earlier, the change, the year to date and the rolling 12 months"),
  GOLD_UNIT_SUCCESSIONS(Layer.GOLD, "unit_successions", GoldSchemas::unitSuccessions,
      List.of("predecessor_code", "successor_code"), List.of(), WriteMode.SYNC, null, Map.of(),
      "one department that continues another across a reorganisation, from the extracts or the"
          + " operator's file"),
  GOLD_BUILDS(Layer.GOLD, "builds", GoldSchemas::builds, List.of("build_id"), List.of(),
      WriteMode.REPLACE_SLICE, "build_id", Map.of(),
      "one completed gold build: the versions of the cleaned tables it was computed from and"
          + " of the gold tables it published (readers read those)"),
  GOLD_PUBLICATIONS(Layer.GOLD, "publications", GoldSchemas::publications,
      List.of("publication_id"), List.of(), WriteMode.REPLACE_SLICE, "publication_id", Map.of(),
      "one bulletin an operator published (bulletin --publish): the period, the versions of the"
          + " gold tables and the settings it was printed from, and a digest of its figures"),
  GOLD_CHECKS(Layer.GOLD, "checks", QualityChecks::schema,
      List.of("run_id", "table_name", "check_name"), List.of(), WriteMode.REPLACE_SLICE,
      "run_id", Map.of(),
      "one data-quality check of one table in one run (TableChecks): severity, failing rows");

  /** Table properties shared by several declarations. */
  private static final class Properties {
    /**
     * Raw tables are read by file only: file statistics on the lineage columns in front (file,
     * line, extract time), not on the thirty-odd text fields, whose min/max cost the write a
     * tenth of its time and serve no query.
     */
    static final Map<String, String> RAW = Map.of("delta.dataSkippingNumIndexedCols", "3");
    /** Row-level changes kept (Change Data Feed), so derived tables follow only what changed. */
    static final Map<String, String> CHANGES = Map.of(
        "delta.enableChangeDataFeed", "true",
        "delta.enableDeletionVectors", "true");
    /**
     * As {@link #CHANGES}, with file statistics (min/max) kept on the key and the extract time
     * only, not on the first 32 columns: computing them was ~6 % of the cleaned step's task
     * time (JFR, docs/benchmarks.md, session 15), and the dossiers are read by partition (the
     * month of the code) or whole, never filtered on another column. The extract time's
     * maximum is the data's "as of" time.
     */
    static final Map<String, String> DOSSIERS = Map.of(
        "delta.enableChangeDataFeed", "true",
        "delta.enableDeletionVectors", "true",
        "delta.dataSkippingStatsColumns",
        vn.bantin.cleaned.DossierShape.DOSSIER_ID + "," + RawColumns.EXTRACT_AT);
    /**
     * A replace marks rows instead of rewriting whole files; and the log is kept whole (Delta
     * drops commits older than 30 days by default), so a published bulletin can be read again
     * at the version it was printed from, years later ({@code bulletin --as-published}). A
     * gold table gains one commit per build that changes it: the log stays small.
     */
    static final Map<String, String> DELETION_VECTORS = Map.of(
        "delta.enableDeletionVectors", "true",
        "delta.enableExpiredLogCleanup", "false");
    /**
     * The tables a bulletin is read from ({@code gold.bulletin} and the unit tables): as
     * {@link #DELETION_VECTORS}, and a file replaced is kept ten years, so {@code bantin
     * vacuum} never deletes what a published bulletin's version needs (Delta's VACUUM goes by
     * this property only); they are small, a few files per build.
     */
    static final Map<String, String> PUBLISHED = Map.of(
        "delta.enableDeletionVectors", "true",
        "delta.enableExpiredLogCleanup", "false",
        // Delta wants the log kept at least as long as the files.
        "delta.logRetentionDuration", PUBLISHED_FILE_RETENTION,
        "delta.deletedFileRetentionDuration", PUBLISHED_FILE_RETENTION);
  }

  /** How long {@code bantin vacuum} keeps a file no later version needs, by default. */
  public static final String DEFAULT_FILE_RETENTION = "interval 7 days";
  /** The retention of the tables published bulletins are read from. */
  public static final String PUBLISHED_FILE_RETENTION = "interval 3650 days";

  private final Layer layer;
  private final String name;
  private final Supplier<StructType> schema;
  private final List<String> keys;
  private final List<String> partitionColumns;
  private final WriteMode writeMode;
  private final String sliceColumn;
  private final Map<String, String> properties;
  private final String grain;

  Table(Layer layer, String name, Supplier<StructType> schema, List<String> keys,
      List<String> partitionColumns, WriteMode writeMode, String sliceColumn,
      Map<String, String> properties, String grain) {
    this.layer = layer;
    this.name = name;
    this.schema = schema;
    this.keys = keys;
    this.partitionColumns = partitionColumns;
    this.writeMode = writeMode;
    this.sliceColumn = sliceColumn;
    this.properties = properties;
    this.grain = grain;
  }

  public Layer layer() {
    return layer;
  }

  /** The table's name within its layer, e.g. {@code dossiers}. */
  public String tableName() {
    return name;
  }

  /** The qualified name analysts see, e.g. {@code cleaned.dossiers}. */
  public String qualifiedName() {
    return layer.folder() + "." + name;
  }

  /** The declared columns, in order: every write must have exactly these. */
  public StructType schema() {
    return schema.get();
  }

  public List<String> keys() {
    return keys;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  public WriteMode writeMode() {
    return writeMode;
  }

  /** For {@link WriteMode#REPLACE_SLICE}: the column whose values name a slice. */
  public String sliceColumn() {
    return sliceColumn;
  }

  /** Delta table properties set when the table is created. */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * Columns written without Parquet dictionary encoding: a raw table's line numbers and the
   * extract fields whose values nearly never repeat, and the same values typed in
   * {@code cleaned.dossiers} (the key and the times to the second). Dictionary look-ups were a
   * third of the raw write's time, and half of the cleaned write's, on columns where the
   * dictionary overflows and is dropped anyway, or holds as many values as the column.
   * Parquet takes the setting by column name, so a name declared here is plain in every table
   * that has it (the lineage's {@code _source_line} in the cleaned tables too): these names are
   * identifiers and timestamps wherever they occur.
   */
  public List<String> plainEncodedColumns() {
    for (ExtractKind kind : ExtractKind.values()) {
      if (RawTables.tableOf(kind) == this) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
            RawColumns.SOURCE_LINE), kind.distinctPerRecordFields().stream()).toList();
      }
    }
    return this == CLEANED_DOSSIERS ? vn.bantin.cleaned.DossierShape.DISTINCT_PER_RECORD
        : List.of();
  }

  /**
   * Whether the table's rows are stored in the order of its keys, in runs: a raw table's
   * records are written file by file, each by one task in line order. Its keys check first
   * shows them unique from that order, without a shuffle ({@link KeyRuns}).
   */
  public boolean storedInKeyOrder() {
    return layer == Layer.RAW && keys.equals(List.of(RawColumns.SOURCE_FILE,
        RawColumns.SOURCE_LINE));
  }

  /** Whether the table keeps its row-level changes (Change Data Feed). */
  public boolean keepsChanges() {
    return "true".equals(properties.get("delta.enableChangeDataFeed"));
  }

  /**
   * Whether the table is a log that bantin appends to as it works ({@code gold.builds},
   * {@code gold.publications}), not a table built from the data.
   */
  public boolean isLog() {
    return this == GOLD_BUILDS || this == GOLD_PUBLICATIONS || this == GOLD_CHECKS;
  }

  /**
   * Whether a published bulletin is read back from this table ({@code bulletin
   * --as-published}): the tables declared with the published properties (whole log, files
   * kept ten years), so the declaration says it once.
   */
  public boolean isReadByPublications() {
    return properties == Properties.PUBLISHED;
  }

  /** One line: what one row is. */
  public String grain() {
    return grain;
  }
}
