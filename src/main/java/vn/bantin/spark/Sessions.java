package vn.bantin.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one Spark session a run uses. Under {@code spark-submit} the master and any
 * {@code --conf} given there win; run with {@code java -jar} (no master set) it starts an
 * embedded local Spark on this machine's cores, bound to loopback.
 */
public final class Sessions {
  private Sessions() {}

  public static SparkSession getOrCreate(String appName) {
    SparkConf given = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog",
            "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Rows carry java.time values (LocalDate, Instant): no conversion through the JVM's
        // default time zone anywhere in our code.
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.ui.showConsoleProgress", "false")
        // Cached Datasets here are intermediate results read two or three times within a step:
        // compressing them (and first measuring every column for it) cost more than it saved.
        .config("spark.sql.inMemoryColumnarStorage.compressed",
            given.get("spark.sql.inMemoryColumnarStorage.compressed", "false"))
        // HotSpot never compiles a method of over 8,000 bytes of bytecode: it runs interpreted
        // for good. Spark's generated code for our wide rows (the cleaned step's checked
        // records, 40-odd columns with nested supplements) made such a method, and a quarter of
        // that step's task time was spent in it (JFR, one year of extracts). Above this limit
        // Spark falls back to its smaller, compilable code, as its documentation advises for
        // HotSpot (docs/benchmarks.md, session 14).
        .config("spark.sql.codegen.hugeMethodLimit",
            given.get("spark.sql.codegen.hugeMethodLimit", "8000"));
    // Outside UTC (a run's session zone is Vietnam's, and so is an operator's JVM) Delta
    // verifies after every commit the file list the commit's checksum carries by rebuilding the
    // table's whole state with Spark jobs: 78 state jobs in a monthly run on ten years; a
    // table's creation and two appends run 10 jobs in Vietnam time and 4 in UTC
    // (CommitWithoutStateRebuildTest). Delta forces this outside UTC only to watch for
    // TimestampType statistics before 1883, which it may serialize differently there; ours are
    // run and build times (TIMESTAMP_NTZ columns carry no zone). Delta still verifies the list
    // whenever it writes a checkpoint. A user's own setting wins.
    builder.config("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled",
        given.get("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled",
            "false"));
    // Delta passes a string partition column of a table with NOT NULL columns through
    // Empty2Null before writing, so that an empty value fails the constraint rather than becoming
    // a null partition. The projection hides the rows' order from the writer, which then sorts
    // rows that come in partition order (the cleaned step's dossiers, by month: 11.85 M in a
    // decade's first run). Our string partition values (months, kinds, period kinds) are never
    // empty. A user's own setting wins.
    builder.config("spark.databricks.delta.convertEmptyToNullForStringPartitionCol",
        given.get("spark.databricks.delta.convertEmptyToNullForStringPartitionCol", "false"));
    // Local files without a process forked per file written or committed (LocalFiles); a
    // filesystem the user configured wins.
    localFiles(given).forEach(builder::config);
    // Only a new session: getOrCreate would otherwise reset the zone of a running one.
    if (!given.contains("spark.sql.session.timeZone")
        && SparkSession.getDefaultSession().isEmpty()) {
      // The figures compare local calendar dates of TIMESTAMP_NTZ values and depend on no
      // zone; the session's zone is still set, so nothing falls back on the machine's.
      builder.config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh");
    }
    if (!given.contains("spark.master")) {
      builder.master("local[*]");
    }
    if (given.get("spark.master", "local").startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", given.get("spark.ui.enabled", "false"))
          // A laptop run: a shuffle starts with a few partitions per core (not Spark's 200, made
          // for clusters) and adaptive execution coalesces them to the data's size; a small
          // Delta snapshot keeps a run from scheduling empty tasks.
          .config("spark.sql.shuffle.partitions", given.get("spark.sql.shuffle.partitions",
              String.valueOf(4 * Runtime.getRuntime().availableProcessors())))
          .config("spark.databricks.delta.snapshotPartitions",
              given.get("spark.databricks.delta.snapshotPartitions", "2"));
    }
    return builder.getOrCreate();
  }

  /**
   * The Hadoop settings of this JVM's session: the running session's, or, before it starts,
   * those it will have (from the same sources, with the local filesystem above). Whatever
   * touches a filesystem before the session starts (the warehouse lock) uses these, because
   * Hadoop keeps the first filesystem made for a scheme for every later use in the JVM.
   */
  public static Configuration hadoopConfiguration() {
    if (SparkSession.getDefaultSession().isDefined()) {
      return SparkSession.getDefaultSession().get().sparkContext().hadoopConfiguration();
    }
    SparkConf conf = new SparkConf();
    localFiles(conf).forEach(conf::set);
    return SparkHadoopUtil.get().newConfiguration(conf);
  }

  /** The session's settings for {@code file:} paths ({@link vn.bantin.store.LocalFiles}). */
  private static java.util.Map<String, String> localFiles(SparkConf given) {
    java.util.Map<String, String> settings = new java.util.TreeMap<>();
    vn.bantin.store.LocalFiles.SETTINGS.forEach((key, value) -> settings.put(
        "spark.hadoop." + key, given.get("spark.hadoop." + key, value)));
    return settings;
  }

  /** Stops the session of this JVM if one was started, so Spark shuts down cleanly. */
  public static void stopIfStarted() {
    if (SparkSession.getActiveSession().isDefined()) {
      SparkSession.getActiveSession().get().stop();
    }
    if (SparkSession.getDefaultSession().isDefined()) {
      SparkSession.getDefaultSession().get().stop();
    }
  }
}
