package vn.bantin.registry;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one place that reads and writes Delta tables. A table is created from its registry
 * declaration (schema, partitioning, properties) the first time it is written; every write is
 * checked against the declared schema and done in the table's declared {@link WriteMode}; each
 * write is one Delta commit, so readers see the table before or after it, never half of it.
 */
public final class TableStore {
  /** Extract order: a later extract, then a later file name, then a later line wins. */
  public static final List<String> EXTRACT_ORDER =
      List.of("_extract_at", "_source_file", "_source_line");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private vn.bantin.store.KernelTables kernel;
  /** The tables whose declared properties this store has made sure of. */
  private final java.util.Set<Table> propertiesChecked = java.util.EnumSet.noneOf(Table.class);

  public TableStore(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    writePlainEncoded(spark);
  }

  /**
   * Makes the Parquet writer skip the dictionary on the columns the registry declares plain
   * ({@link Table#plainEncodedColumns}). Parquet takes this per column name from the write's
   * configuration, which Spark builds from the session's settings; set for the session, not
   * around each write, because tables are written side by side. A user's own value wins.
   */
  private static void writePlainEncoded(SparkSession spark) {
    for (Table table : Table.values()) {
      for (String column : table.plainEncodedColumns()) {
        String key = "parquet.enable.dictionary#" + column;
        if (!spark.conf().contains(key)) {
          spark.conf().set(key, "false");
        }
      }
    }
  }

  public SparkSession spark() {
    return spark;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public String location(Table table) {
    return warehouse.location(table);
  }

  /** Whether the warehouse's root folder exists at all. */
  public boolean warehouseExists() {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(warehouse.root());
      return root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Whether the table has been written. Read from its log through Delta Kernel: a listing, not
   * a Spark job and a snapshot, which this question is asked too often in a run to afford.
   */
  public boolean exists(Table table) {
    return kernel().exists(location(table));
  }

  /** The table's latest version, or -1 when it was never written (from the log, no job). */
  public long version(Table table) {
    if (!exists(table)) {
      return -1;
    }
    return kernel().latestVersion(location(table));
  }

  private vn.bantin.store.KernelTables kernel() {
    if (kernel == null) {
      kernel = new vn.bantin.store.KernelTables(spark.sparkContext().hadoopConfiguration());
    }
    return kernel;
  }

  public Dataset<Row> read(Table table) {
    return spark.read().format("delta").load(location(table));
  }

  /**
   * Up to this many rows (as its log counts them), {@link #localCopyIfSmall} reads a table
   * through Kernel: a tenth of a second or less, where a Spark read of it costs Delta's snapshot
   * of the table and two to four jobs that list its files.
   */
  static final long COPIED_LOCALLY = 20_000;

  /**
   * And up to this many bytes of data files (as the log lists them): Spark ships a local
   * relation's rows inside the tasks of any job that reads it (it warns above 1 MB a task; on a
   * cluster the rows travel to the executors). Raw rows are ~115 bytes each in Parquet and ~400
   * as rows (data-samples), so 20,000 of them made tasks of 3–4 MB; 512 KiB of Parquet is about
   * 2 MB of rows, tasks of about 1 MB on two cores. Gold's small tables are a few hundred KB at
   * most (ten years).
   */
  static final long COPIED_BYTES = 512 * 1024;

  /**
   * A small table (at most {@value #COPIED_LOCALLY} rows and {@value #COPIED_BYTES} bytes of
   * data files, its declared columns, none a struct) read through Delta Kernel and handed to
   * Spark as local rows, for queries that read it at once ({@link #readWhole}); empty for any
   * other table, which {@link #read} reads.
   * Every column is nullable in the copy, so that a null where the table declares none is
   * counted as one, not assumed away.
   */
  public java.util.Optional<Dataset<Row>> localCopyIfSmall(Table table) {
    return localCopyIfSmall(table, COPIED_LOCALLY, COPIED_BYTES);
  }

  /**
   * As {@link #localCopyIfSmall(Table)}, for a table of at most {@code most} rows and
   * {@code mostBytes} bytes of data files.
   */
  java.util.Optional<Dataset<Row>> localCopyIfSmall(Table table, long most, long mostBytes) {
    if (!exists(table) || !hasDeclaredColumns(table) || java.util.Arrays.stream(
        table.schema().fields()).anyMatch(f -> holdsStruct(f.dataType()))) {
      return java.util.Optional.empty();
    }
    vn.bantin.store.KernelTables.FilesSize size = kernel().filesSize(location(table));
    if (size.rows().isEmpty() || size.rows().getAsLong() > most || size.bytes() > mostBytes) {
      return java.util.Optional.empty();
    }
    StructType nullable = new StructType();
    for (StructField f : table.schema().fields()) {
      nullable = nullable.add(f.name(), f.dataType(), true);
    }
    List<Row> copied = new ArrayList<>();
    for (Map<String, Object> r : kernel().read(location(table))) {
      copied.add(rowOf(r, nullable));
    }
    return java.util.Optional.of(spark.createDataFrame(copied, nullable));
  }

  /** The bytes of the table's data files (the log's list, deleted rows included). */
  long dataBytes(Table table) {
    return kernel().filesSize(location(table)).bytes();
  }

  /**
   * Whether values of the type are or hold structs: Kernel reads a struct as a map of its
   * fields, which Spark does not take for a struct. Lists and maps of plain values (a raw
   * table's extra fields) are taken as they are.
   */
  private static boolean holdsStruct(org.apache.spark.sql.types.DataType type) {
    if (type instanceof org.apache.spark.sql.types.ArrayType a) {
      return holdsStruct(a.elementType());
    }
    if (type instanceof org.apache.spark.sql.types.MapType m) {
      return holdsStruct(m.keyType()) || holdsStruct(m.valueType());
    }
    return type instanceof StructType;
  }

  /**
   * The table as it is now, for a query that reads it at once, whole or filtered (its checks,
   * gold's small inputs, the published rows a sync compares, the period rows the trends and the
   * identities read): a small one as its local copy ({@link #localCopyIfSmall}), any other as
   * {@link #readOrEmpty}. The copy holds the rows of the moment it is made, where a Spark read
   * reads the table's latest version whenever its query runs: a caller writes the table only
   * after its query has run.
   */
  public Dataset<Row> readWhole(Table table) {
    return localCopyIfSmall(table).orElseGet(() -> readOrEmpty(table));
  }

  /** A row read through Kernel (column name → value) as a Spark row of {@code schema}. */
  static Row rowOf(Map<String, Object> values, StructType schema) {
    return org.apache.spark.sql.RowFactory.create(java.util.Arrays.stream(schema.fieldNames())
        .map(values::get).toArray());
  }

  /**
   * Makes the table readable by its qualified name ({@code gold.bulletin}) in this session's
   * catalog: an external catalog entry over the table's location, so a query reads the Delta
   * snapshot (the log decides which files count) and nothing is copied or committed. The
   * database must exist. An entry already there under that name is replaced only when it is
   * external too: dropping an external entry never deletes data, dropping a managed one would.
   */
  public void nameInCatalog(Table table) {
    dropNameFromCatalog(table);
    spark.sql("CREATE TABLE " + table.qualifiedName() + " USING delta LOCATION '"
        + location(table).replace("\\", "\\\\").replace("'", "\\'") + "'");
  }

  /**
   * As {@link #nameInCatalog(Table)}, pinned to a version: the table's whole history is named
   * {@code <history>.<name>} (an external entry, which time travel reads with {@code VERSION AS
   * OF}), and its qualified name becomes a view of it as of {@code version}, so a query by that
   * name never sees a later commit (a gold table follows the last completed build, {@link
   * vn.bantin.store.PublishedGold}). Both databases must exist.
   */
  public void nameVersionInCatalog(Table table, long version, String history) {
    String all = history + "." + table.tableName();
    dropNameFromCatalog(table);
    dropNameFromCatalog(all);
    spark.sql("CREATE TABLE " + all + " USING delta LOCATION '"
        + location(table).replace("\\", "\\\\").replace("'", "\\'") + "'");
    spark.sql("CREATE VIEW " + table.qualifiedName() + " AS SELECT * FROM " + all
        + " VERSION AS OF " + version);
  }

  /**
   * The table as readers see it: a gold table at the version the last completed build
   * published ({@link vn.bantin.store.PublishedGold}), any other at its latest.
   */
  public Dataset<Row> readPublished(Table table) {
    java.util.OptionalLong version = published().versionToRead(table);
    return version.isPresent() ? readAsOf(table, version.getAsLong()) : read(table);
  }

  /** What the last completed gold build published (read from the log, no Spark job). */
  public vn.bantin.store.PublishedGold published() {
    return vn.bantin.store.PublishedGold.read(kernel(), warehouse);
  }

  /** Removes the table's name from this session's catalog (its data stays); see above. */
  public void dropNameFromCatalog(Table table) {
    dropNameFromCatalog(table.qualifiedName());
  }

  /**
   * As {@link #dropNameFromCatalog(Table)}, for {@code database.name}. Asked of the session
   * catalog itself, not through Delta: an entry whose location is gone (another warehouse,
   * deleted since) must still be dropped, and Delta cannot resolve it.
   */
  public void dropNameFromCatalog(String name) {
    int dot = name.indexOf('.');
    var catalog = spark.sessionState().catalog();
    var id = new org.apache.spark.sql.catalyst.TableIdentifier(name.substring(dot + 1),
        scala.Option.apply(name.substring(0, dot)));
    if (!catalog.databaseExists(name.substring(0, dot)) || !catalog.tableExists(id)) {
      return;
    }
    String type;
    try {
      type = catalog.getTableMetadata(id).tableType().name();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException
        | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      return; // dropped meanwhile
    }
    if ("VIEW".equalsIgnoreCase(type) || "EXTERNAL".equalsIgnoreCase(type)) {
      // A view of a version, or an entry over a location: dropping drops only the name.
      catalog.dropTable(id, true, false);
      return;
    }
    throw new IllegalStateException("Cannot name " + name + " in the session catalog: a "
        + type + " table of that name is there, and dropping it would delete its data");
  }

  /**
   * Every row of a small bookkeeping table (the files logged, the builds), read through Delta
   * Kernel as column name → value: no Spark query, so no planning, no Delta snapshot and no job
   * for a table of a few hundred rows, which a run reads several times. Empty when the table
   * was never written.
   */
  public List<Map<String, Object>> smallRows(Table table) {
    return exists(table) ? kernel().read(location(table)) : List.of();
  }

  /** As {@link #smallRows(Table)}, only the rows whose {@code column} equals {@code value}. */
  public List<Map<String, Object>> smallRows(Table table, String column, Object value) {
    return exists(table) ? kernel().read(location(table), java.util.OptionalLong.empty(),
        Map.of(column, value)) : List.of();
  }

  /**
   * The table's rows (0 when it was never written), counted from its Delta log's file
   * statistics without a Spark job; counted by Spark when a file has no count in the log.
   */
  public long rowCount(Table table) {
    if (!exists(table)) {
      return 0;
    }
    java.util.OptionalLong logged = kernel().rowCount(location(table));
    return logged.isPresent() ? logged.getAsLong() : read(table).count();
  }

  /**
   * The largest value of a column that the statistics in the table's log record (text, as the
   * log writes it), read through Delta Kernel without a Spark job; empty when the table was
   * never written, has no file, or keeps no such statistic for a file. Not necessarily the
   * largest value of the table's rows: a file's statistics still cover its rows that a
   * deletion vector has deleted since, and a timestamp is cut to the millisecond.
   */
  public java.util.Optional<String> largestLoggedValue(Table table, String column) {
    return exists(table) ? kernel().largestLoggedValue(location(table), column)
        : java.util.Optional.empty();
  }

  /**
   * How many rows hold each value of a column (none when the table was never written), read
   * through Delta Kernel, one column only: for the summary's small tallies (the quarantine by
   * reason), which a Spark query would answer with its planning, snapshot and jobs.
   */
  public Map<Object, Long> countsBy(Table table, String column) {
    return exists(table) ? kernel().countsBy(location(table), column) : Map.of();
  }

  /** The table, or no rows of its declared schema when it was never written. */
  public Dataset<Row> readOrEmpty(Table table) {
    return exists(table) ? read(table) : spark.createDataFrame(List.of(), table.schema());
  }

  /** The table as it was at a version (time travel); no rows for version -1. */
  public Dataset<Row> readAsOf(Table table, long version) {
    if (version < 0) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().format("delta").option("versionAsOf", version).load(location(table));
  }

  /**
   * The rows changed by the commits after {@code fromVersion} up to {@code toVersion} (Change
   * Data Feed): the declared columns plus {@code _change_type} (insert, delete,
   * update_preimage, update_postimage).
   */
  public Dataset<Row> changes(Table table, long fromVersion, long toVersion) {
    if (!table.keepsChanges()) {
      throw new IllegalStateException(table.qualifiedName() + " keeps no change feed");
    }
    return spark.read().format("delta").option("readChangeFeed", "true")
        .option("startingVersion", fromVersion + 1).option("endingVersion", toVersion)
        .load(location(table));
  }

  /** Replaces the whole table ({@link WriteMode#OVERWRITE}). */
  public void overwrite(Table table, Dataset<Row> rows) {
    expect(table, WriteMode.OVERWRITE);
    createIfAbsent(table);
    conform(table, rows).write().format("delta").mode("overwrite").save(location(table));
  }

  /**
   * Up to this many rows, a slice-replaced table whose log cannot rule out the slices written
   * has its slice column read (through Kernel, tenths of a second) to learn whether they hold
   * rows. The bookkeeping tables are that small and kept in one file or a few, whose bounds
   * span nearly every name: a month's new extract names fell within them, and the replace they
   * forced cost {@code raw.ingested_files} 5.3 s of a 117 s monthly run (docs/benchmarks.md,
   * session 19).
   */
  static final long SLICES_LOOKED_UP = 100_000;

  /** Replaces the rows of the slices named ({@link WriteMode#REPLACE_SLICE}). */
  public void replaceSlices(Table table, Dataset<Row> rows, Collection<String> slices) {
    expect(table, WriteMode.REPLACE_SLICE);
    if (slices.isEmpty()) {
      return;
    }
    boolean created = createIfAbsent(table);
    boolean declaredColumns = created || hasDeclaredColumns(table);
    String inSlices = inList(table.sliceColumn(), slices);
    if (created || declaredColumns && !kernel().holdsAny(location(table), table.sliceColumn(),
        table.partitionColumns().contains(table.sliceColumn()), slices, SLICES_LOOKED_UP)) {
      // The slices hold no row yet (a new file's, a new run's), as the log's statistics show
      // or, in a small table, its slice column read through Kernel: appended. A replace would
      // first list every file of the table to find those it removes, a Spark job over the
      // table's whole log state (seconds for a raw table of years), for nothing. As a replace
      // does, every row written must be of the slices.
      append(table, conform(table, rows)
          .filter(functions.expr("CASE WHEN " + inSlices + " THEN true ELSE raise_error(concat("
              + "'a row written to " + table.qualifiedName() + " is not of the slices replaced: "
              + table.sliceColumn() + " = ', coalesce(" + table.sliceColumn()
              + ", 'null'))) END")));
      return;
    }
    var write = conform(table, rows).write().format("delta").mode("overwrite")
        .option("replaceWhere", inSlices);
    if (!declaredColumns) {
      // A table of an earlier version: the columns declared since are added (null on its
      // rows); Delta refuses any other difference.
      write = write.option("mergeSchema", "true");
    }
    write.save(location(table));
  }

  /**
   * Makes the table hold what it held at {@code version} again (Delta RESTORE, one commit): a
   * build killed after writing it rolls back to what the last completed build published.
   */
  public void restore(Table table, long version) {
    DeltaTable.forPath(spark, location(table)).restoreToVersion(version);
  }

  /**
   * Deletes the table's data files that no version within its retention needs (Delta VACUUM,
   * which goes by the table's {@code delta.deletedFileRetentionDuration} and ignores any other
   * retention asked for): files replaced or removed longer ago, and files a killed write left
   * behind. Returns how many files were deleted.
   */
  public long vacuum(Table table) {
    long before = dataFiles(table);
    // Delta lists and matches the files in as many tasks as the file-discovery parallelism
    // (10,000 by default): for our tables, a few hundred files each, that is minutes of empty
    // tasks. The cluster's own parallelism is plenty.
    String key = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    String given = spark.conf().get(key, null);
    spark.conf().set(key, String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism())));
    try {
      DeltaTable.forPath(spark, location(table)).vacuum();
    } finally {
      if (given == null) {
        spark.conf().unset(key);
      } else {
        spark.conf().set(key, given);
      }
    }
    return before - dataFiles(table);
  }

  /** The files under the table's folder, its log aside. */
  private long dataFiles(Table table) {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(location(table));
      var fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      long n = 0;
      var it = fs.listFiles(root, true);
      while (it.hasNext()) {
        org.apache.hadoop.fs.Path p = it.next().getPath();
        if (!p.toUri().getPath().contains("/_delta_log/")) {
          n++;
        }
      }
      return n;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Upserts rows in extract order ({@link WriteMode#MERGE_NEWEST}). The source must hold one
   * row per key. {@code partitions}, when the table is partitioned, are the partition values the
   * source's rows belong to: the merge then reads only those partitions.
   *
   * <p>Rows whose key the table holds are merged (a {@code MERGE} with only a matched clause:
   * the newer in extract order wins); the others are appended, in a commit before it. One
   * {@code MERGE} with an insert clause joins the source to every row of the files it touches
   * by a shuffle of both (an outer join, which cannot broadcast the source), and writes each
   * inserted row twice (its data, its change-feed row): a monthly extract on ten years touches
   * the files of nine months (1.2 M rows) to update 58,000 dossiers and add 147,000
   * (docs/benchmarks.md, session 25). A matched-only merge is an inner join, which broadcasts a
   * small source. A run killed between the two commits is done again whole (the caller's files
   * stay pending): the rows appended are then found in the table, and merging them again
   * changes nothing, as they are not newer than themselves. No rows: nothing is committed.
   */
  public void mergeNewest(Table table, Dataset<Row> source, Collection<String> partitions) {
    mergeNewest(table, source, partitions, SPLIT_UP_TO);
  }

  /**
   * As {@link #mergeNewest(Table, Dataset, Collection)}, appending and merging apart when at
   * most {@code splitUpTo} rows update (the tests take both paths on small tables).
   */
  void mergeNewest(Table table, Dataset<Row> source, Collection<String> partitions,
      int splitUpTo) {
    expect(table, WriteMode.MERGE_NEWEST);
    boolean created = createIfAbsent(table);
    Dataset<Row> rows = conform(table, source);
    if (created) {
      append(table, rows);
      return;
    }
    long count = rows.count();
    if (count == 0) {
      return;
    }
    Dataset<Row> target = read(table);
    Column on = sameKey(table, "t", "s");
    if (!table.partitionColumns().isEmpty()) {
      String inPartitions = inList(table.partitionColumns().get(0), partitions);
      target = target.where(inPartitions);
      on = on.and(functions.expr("t." + inPartitions));
    }
    // The keys of the source that the table holds: a scan of the key columns of the source's
    // partitions against the source's keys (broadcast unless there are many), collected: a
    // join of the source with a Dataset computed from the source itself would read the source
    // again rather than from its cache.
    Column[] keys = table.keys().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> targetKeys = target.select(keys);
    Dataset<Row> sourceKeys = rows.select(keys);
    List<Row> held = targetKeys.as("t")
        .join(count <= BROADCAST_KEYS ? functions.broadcast(sourceKeys).as("s")
            : sourceKeys.as("s"), sameKey(table, "t", "s"), "left_semi")
        .limit(splitUpTo + 1).collectAsList();
    if (held.isEmpty()) {
      append(table, rows);
      return;
    }
    DeltaTable delta = DeltaTable.forPath(spark, location(table));
    if (held.size() > splitUpTo) {
      // Many rows to update (a load of several years onto a warehouse): one merge.
      delta.as("t").merge(rows.as("s"), on)
          .whenMatched(laterInExtractOrder()).updateAll()
          .whenNotMatched().insertAll()
          .execute();
      return;
    }
    Dataset<Row> heldKeys = functions.broadcast(spark.createDataFrame(held,
        targetKeys.schema()));
    if (held.size() < count) {
      append(table, rows.as("s").join(heldKeys.as("h"), sameKey(table, "s", "h"), "left_anti"));
    }
    delta.as("t").merge(functions.broadcast(rows.as("s").join(heldKeys.as("h"),
            sameKey(table, "s", "h"), "left_semi")).as("s"), on)
        .whenMatched(laterInExtractOrder()).updateAll()
        .execute();
  }

  /** Appends rows (of the table's declared columns) to the table. */
  private void append(Table table, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").save(location(table));
  }

  /** The table's keys of two aliased sides equal, NULL equal to NULL. */
  private static Column sameKey(Table table, String a, String b) {
    return table.keys().stream()
        .map(k -> functions.col(a + "." + k).eqNullSafe(functions.col(b + "." + k)))
        .reduce(Column::and).orElseThrow();
  }

  /**
   * Up to this many source keys, a merge broadcasts them to the scan of the table's keys rather
   * than shuffle both (a key is a few dozen bytes).
   */
  static final long BROADCAST_KEYS = 1_000_000;

  /**
   * Up to this many rows to update, a merge appends the new rows and merges the others alone,
   * broadcast (a dossier row is a few hundred bytes): a monthly extract of a province updates
   * tens of thousands. Above, one merge does both.
   */
  static final int SPLIT_UP_TO = 200_000;

  /**
   * Makes the table equal to {@code rows} ({@link WriteMode#SYNC}): when any row differs the
   * table is replaced in one commit, otherwise nothing is committed, so a run that changes no
   * figure leaves no new version. Returns whether anything differed.
   */
  public boolean sync(Table table, Dataset<Row> rows) {
    return sync(table, rows, "true");
  }

  /**
   * Makes the table's rows that match {@code where} (SQL over its columns) equal to
   * {@code rows} ({@link WriteMode#SYNC}), leaving every other row as it is: compared first, and
   * replaced in one commit (Delta's {@code replaceWhere}) only when a row differs. Every row
   * given must match {@code where}; Delta refuses the commit otherwise. Returns whether anything
   * differed.
   */
  public boolean sync(Table table, Dataset<Row> rows, String where) {
    expect(table, WriteMode.SYNC);
    Dataset<Row> source = conform(table, rows);
    if (createIfAbsent(table)) {
      append(table, source);
      return true;
    }
    if (!hasDeclaredColumns(table)) {
      // A table of an earlier version (a column added since): rewritten whole, with the
      // declared schema; a part of it cannot be replaced.
      if (!"true".equals(where)) {
        throw new IllegalStateException("Cannot replace a part of " + table.qualifiedName()
            + ": its columns are not the declared ones; it must be rewritten whole");
      }
      source.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
          .save(location(table));
      return true;
    }
    // Compared first, then written: the rows are computed once and held (a table synced is
    // small: period rows, trends), so that the comparison and the write read them rather than
    // compute them again in each of their queries. Above COMPARED_LOCALLY they stay a query,
    // compared in Spark. The table's rows, when it is small, come from its local copy: no Delta
    // snapshot and file-listing jobs for a few thousand rows.
    Dataset<Row> held = vn.bantin.spark.SmallResult.ofAtMost(source, COMPARED_LOCALLY);
    if (sameRows(held, readWhole(table).where(where))) {
      return false;
    }
    // The rows synced are few (period rows, thousands): replacing them is one write job, where
    // a MERGE that updates, inserts and deletes by key took a dozen jobs and a full outer join.
    var write = held.write().format("delta").mode("overwrite");
    if (!"true".equals(where)) {
      write = write.option("replaceWhere", where);
    }
    write.save(location(table));
    return true;
  }

  /**
   * Rows held locally up to this many are compared on the driver ({@link #sameRows}): a decade
   * of a province is ~100,000 rows in its largest period table, and the table's rows are read
   * beside them.
   */
  static final int COMPARED_LOCALLY = 250_000;

  /**
   * Whether both hold the same rows, each as many times. Rows held as local rows (a {@link
   * vn.bantin.spark.SmallResult}, as the period tables are) are compared here with the table's
   * rows, read in one query; a comparison in Spark (both differences, {@code exceptAll}) took a
   * dozen small jobs per table, which a run of small inputs pays in driver time. Any other
   * rows are compared in Spark. Both sides come through the same encoder, so a value equals
   * itself here exactly when Spark would say so.
   */
  static boolean sameRows(Dataset<Row> source, Dataset<Row> current) {
    if (source.queryExecution().optimizedPlan()
        instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation local
        && local.data().size() <= COMPARED_LOCALLY) {
      return timesEach(source).equals(timesEach(current));
    }
    // Both differences in one query: rows to add or change, rows to remove or change.
    return source.exceptAll(current).unionAll(current.exceptAll(source)).isEmpty();
  }

  /** Each row with the number of times it occurs, collected to the driver. */
  private static Map<Row, Long> timesEach(Dataset<Row> rows) {
    return rows.collectAsList().stream().collect(Collectors.groupingBy(r -> r,
        Collectors.counting()));
  }

  /**
   * Whether the table's columns are the ones its declaration names, in order (false for a table
   * written by an earlier version, before a column was added).
   */
  public boolean hasDeclaredColumns(Table table) {
    // From the log through Delta Kernel: no Spark job, so a run with nothing new stays quick.
    return kernel().schema(location(table), java.util.OptionalLong.empty()).names()
        .equals(List.of(table.schema().fieldNames()));
  }

  /** {@code (s.order…) > (t.order…)}, lexicographically. */
  private static String laterInExtractOrder() {
    String a = EXTRACT_ORDER.get(0);
    String b = EXTRACT_ORDER.get(1);
    String c = EXTRACT_ORDER.get(2);
    return "s." + a + " > t." + a + " OR (s." + a + " = t." + a + " AND (s." + b + " > t." + b
        + " OR (s." + b + " = t." + b + " AND s." + c + " > t." + c + ")))";
  }

  private static void expect(Table table, WriteMode mode) {
    if (table.writeMode() != mode) {
      throw new IllegalStateException("Cannot write " + table.qualifiedName() + " by " + mode
          + ": the registry declares " + table.writeMode());
    }
  }

  /**
   * Creates the table from its declaration; true when it did not exist. A table that exists
   * is given the properties declared since it was made (one commit, once): a warehouse built
   * by an earlier bantin would otherwise keep Delta's 30-day log on the tables a published
   * bulletin is read back from.
   */
  boolean createIfAbsent(Table table) {
    if (exists(table)) {
      // Once per table per run: the properties do not change under a run's own writes.
      if (propertiesChecked.add(table)) {
        addDeclaredProperties(table);
      }
      return false;
    }
    DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark).location(location(table))
        .addColumns(withoutNestedNotNull(table.schema()));
    if (!table.partitionColumns().isEmpty()) {
      builder = builder.partitionedBy(table.partitionColumns().toArray(String[]::new));
    }
    for (Map.Entry<String, String> p : table.properties().entrySet()) {
      builder = builder.property(p.getKey(), p.getValue());
    }
    builder.execute();
    return true;
  }

  /** Sets the declared properties the table lacks or holds otherwise; true when it did. */
  boolean addDeclaredProperties(Table table) {
    // Read from the log through Delta Kernel: no Spark job when nothing is missing.
    Map<String, String> actual = kernel().properties(location(table));
    List<String> missing = table.properties().entrySet().stream()
        .filter(p -> !p.getValue().equals(actual.get(p.getKey())))
        .map(p -> "'" + p.getKey() + "' = '" + p.getValue() + "'").sorted().toList();
    if (missing.isEmpty()) {
      return false;
    }
    spark.sql("ALTER TABLE delta.`" + location(table) + "` SET TBLPROPERTIES ("
        + String.join(", ", missing) + ")");
    return true;
  }

  /**
   * The schema with NOT NULL kept on top-level columns only: Delta enforces no constraint
   * inside arrays and maps and refuses to declare one (the nested values are checked when the
   * record is, before any write).
   */
  static StructType withoutNestedNotNull(StructType schema) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      out = out.add(f.name(), nullableInside(f.dataType()), f.nullable());
    }
    return out;
  }

  private static org.apache.spark.sql.types.DataType nullableInside(
      org.apache.spark.sql.types.DataType type) {
    if (type instanceof org.apache.spark.sql.types.ArrayType a) {
      return org.apache.spark.sql.types.DataTypes.createArrayType(
          allNullable(a.elementType()), true);
    }
    if (type instanceof org.apache.spark.sql.types.MapType m) {
      return org.apache.spark.sql.types.DataTypes.createMapType(m.keyType(),
          allNullable(m.valueType()), true);
    }
    return type;
  }

  private static org.apache.spark.sql.types.DataType allNullable(
      org.apache.spark.sql.types.DataType type) {
    if (type instanceof StructType st) {
      StructType out = new StructType();
      for (StructField f : st.fields()) {
        out = out.add(f.name(), allNullable(f.dataType()), true);
      }
      return out;
    }
    return nullableInside(type);
  }

  /**
   * The rows in the declared column order; fails (a bug, not bad input) when a column is
   * missing, extra, or of another type.
   */
  static Dataset<Row> conform(Table table, Dataset<Row> rows) {
    StructType declared = table.schema();
    StructType given = rows.schema();
    List<String> problems = new ArrayList<>();
    for (StructField f : declared.fields()) {
      if (!List.of(given.fieldNames()).contains(f.name())) {
        problems.add("missing " + f.name());
      } else if (!given.apply(f.name()).dataType().sameType(f.dataType())) {
        problems.add(f.name() + " is " + given.apply(f.name()).dataType().simpleString()
            + ", declared " + f.dataType().simpleString());
      }
    }
    for (String g : given.fieldNames()) {
      if (!List.of(declared.fieldNames()).contains(g)) {
        problems.add("undeclared " + g);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Cannot write " + table.qualifiedName()
          + ": the rows do not have its declared schema (" + String.join(", ", problems) + ")");
    }
    return rows.select(java.util.Arrays.stream(declared.fieldNames()).map(functions::col)
        .toArray(Column[]::new));
  }

  /** {@code column IN ('a', 'b')}; values are checked names (files, months): no quotes. */
  static String inList(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return "false";
    }
    return column + " IN (" + values.stream().sorted().map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(", ")) + ")";
  }
}
