package vn.bantin.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bantin.SparkTestSession;
import vn.bantin.bulletin.ReferenceBulletin;
import vn.bantin.cli.Cli;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * {@code target/bantin-spark.jar} submitted with Spark's own {@code SparkSubmit} to a real
 * standalone cluster (a Master and two Workers, separate JVMs on 127.0.0.1), in client and in
 * cluster deploy mode, running the whole job on {@code data-samples/}. Each run's gold tables
 * must equal, row for row, those of a local-mode run of the same job in this JVM; the Thái Bình
 * bulletin of April 2021 must be the published one; and the event log must show the tasks ran
 * on the cluster's executors, not in the driver. The client-mode run writes its warehouse to a
 * local folder, the cluster-mode run to a real HDFS on loopback ({@link LoopbackHdfs}).
 *
 * <p>Run by failsafe after {@code package}: it needs the shaded jar and the SPARK_HOME that
 * pom.xml fills, named by the system properties {@code bantin.sparkJar}, {@code bantin.sparkHome}
 * and {@code bantin.jvmFlags}. Logs (master, workers, submissions, cluster-mode drivers' work
 * folders, event logs) stay in {@code target/cluster-it/}.
 */
class StandaloneClusterIT {
  static final String CENTRE = "000.00.54.H54";
  static final String MAIN_CLASS = "vn.bantin.Bantin";

  enum DeployMode { CLIENT, CLUSTER }

  static Path dir;
  static StandaloneCluster cluster;
  static LoopbackHdfs hdfs;
  static CompletableFuture<LoopbackHdfs> startingHdfs;
  static Path localWarehouse;
  static final Map<DeployMode, Integer> exitCodes = new EnumMap<>(DeployMode.class);

  @BeforeAll
  static void runTheJobLocallyAndOnTheCluster() throws Exception {
    dir = Path.of("target", "cluster-it").toAbsolutePath();
    deleteRecursively(dir);
    Files.createDirectories(dir);
    // Each worker: 3 cores and 3 GB, so that both applications run at once (the run is mostly
    // many small Spark jobs, waiting more than computing): each takes one 1-core executor per
    // worker, and the cluster-mode driver one more core on one of them.
    // HDFS starts (slowly, ~1 min here) while the Spark cluster starts and takes the first
    // submission; the cluster-mode run writes its warehouse there.
    startingHdfs = CompletableFuture.supplyAsync(() -> {
      try {
        return LoopbackHdfs.start(dir.resolve("hdfs"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Map<DeployMode, JavaProcess> submissions = new EnumMap<>(DeployMode.class);
    try {
      cluster = StandaloneCluster.start(
          Path.of(property("bantin.sparkHome")).toAbsolutePath(), dir, jvmFlags(), 3, "3g");
      submissions.put(DeployMode.CLIENT, submit(DeployMode.CLIENT));
      hdfs = startingHdfs.get(5, TimeUnit.MINUTES);
      submissions.put(DeployMode.CLUSTER, submit(DeployMode.CLUSTER));
      // The local-mode reference, in this JVM, while the cluster works.
      localWarehouse = dir.resolve("warehouse-local");
      Cli.Run local = Cli.bantin("run", "--input", "data-samples", "--warehouse",
          localWarehouse.toString());
      assertEquals(0, local.code(), local.out() + local.err());
      for (Map.Entry<DeployMode, JavaProcess> s : submissions.entrySet()) {
        exitCodes.put(s.getKey(), s.getValue().awaitExit(1800));
      }
    } finally {
      submissions.values().forEach(JavaProcess::close);
    }
  }

  @AfterAll
  static void stopTheClusterAndHdfs() {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs == null && startingHdfs != null) {
      // The cluster failed before HDFS was taken: wait for it, to stop it too.
      try {
        hdfs = startingHdfs.get(5, TimeUnit.MINUTES);
      } catch (Exception e) {
        // it did not start either
      }
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  /**
   * {@code SparkSubmit} of the shaded jar, as the README's standalone line: the shuffle and
   * Delta snapshot sized for this tiny sample, no wait for a task's preferred executor (each
   * of the run's hundreds of small stages would otherwise wait up to 3 s for it), and an
   * uncompressed event log to read the tasks from. In cluster mode the submission waits for the driver to finish and reports its state.
   */
  static JavaProcess submit(DeployMode mode) throws IOException {
    String m = mode.name().toLowerCase(java.util.Locale.ROOT);
    Path events = Files.createDirectories(dir.resolve("events-" + m));
    List<String> args = new ArrayList<>(List.of(
        "--master", cluster.url(),
        "--deploy-mode", m,
        "--class", MAIN_CLASS,
        "--driver-memory", "768m",
        "--executor-memory", "768m",
        "--executor-cores", "1",
        "--total-executor-cores", "2",
        "--conf", "spark.sql.shuffle.partitions=2",
        "--conf", "spark.databricks.delta.snapshotPartitions=1",
        "--conf", "spark.locality.wait=0s",
        "--conf", "spark.eventLog.enabled=true",
        "--conf", "spark.eventLog.compress=false",
        "--conf", "spark.eventLog.dir=" + events.toUri(),
        "--conf", "spark.standalone.submit.waitAppCompletion=true",
        // The loopback HDFS has one DataNode: one replica, or every write waits for more.
        "--conf", "spark.hadoop.dfs.replication=1",
        Path.of(property("bantin.sparkJar")).toAbsolutePath().toString(),
        "run",
        "--input", Path.of("data-samples").toAbsolutePath().toString(),
        "--warehouse", warehouse(mode)));
    List<String> flags = new ArrayList<>(jvmFlags());
    flags.add("-Xmx768m");
    return JavaProcess.start("submit-" + m, dir.resolve("submit-" + m + ".log"), flags,
        cluster.classpath(), "org.apache.spark.deploy.SparkSubmit", args, cluster.env());
  }

  /** Client mode writes a local folder, cluster mode the loopback HDFS. */
  static String warehouse(DeployMode mode) {
    return mode == DeployMode.CLIENT ? dir.resolve("warehouse-client").toString()
        : hdfs.uri() + "/bantin/warehouse";
  }

  @ParameterizedTest
  @EnumSource(DeployMode.class)
  void theSubmissionSucceeds(DeployMode mode) {
    assertEquals(0, exitCodes.get(mode), "see " + dir.resolve("submit-"
        + mode.name().toLowerCase(java.util.Locale.ROOT) + ".log"));
  }

  @ParameterizedTest
  @EnumSource(DeployMode.class)
  void everyGoldTableEqualsTheLocalRunRowForRow(DeployMode mode) {
    SparkSession spark = SparkTestSession.get();
    TableStore local = new TableStore(spark, new Warehouse(localWarehouse.toString()));
    TableStore onCluster = new TableStore(spark, new Warehouse(warehouse(mode)));
    int compared = 0;
    for (Table t : Table.values()) {
      // gold.builds records when and from what a build ran: its id and time differ by design.
      if (t.layer() != Layer.GOLD || t.isLog()) {
        continue;
      }
      assertTrue(onCluster.exists(t), t.qualifiedName() + " missing after the " + mode + " run");
      Dataset<Row> expected = local.read(t);
      Dataset<Row> actual = onCluster.read(t).select(Arrays.stream(expected.columns())
          .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
      long rows = expected.count();
      assertEquals(rows, actual.count(), t.qualifiedName());
      assertEquals(0, expected.exceptAll(actual).count(), t.qualifiedName() + ": rows missing");
      assertEquals(0, actual.exceptAll(expected).count(), t.qualifiedName() + ": rows extra");
      compared++;
    }
    assertTrue(compared >= 7, "gold tables compared: " + compared);
  }

  @ParameterizedTest
  @EnumSource(DeployMode.class)
  void theThaiBinhBulletinOfApril2021IsThePublishedOne(DeployMode mode) {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse(mode), "--publisher",
        CENTRE, "--period", "2021-04", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode ours;
    try {
      ours = new ObjectMapper().readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError(r.out(), e);
    }
    JsonNode published = ReferenceBulletin.json();
    for (String key : List.of("publisher", "publisher_code", "period", "percent_style",
        "figures", "printed_percents")) {
      assertEquals(published.get(key), ours.get(key), key);
    }
  }

  @ParameterizedTest
  @EnumSource(DeployMode.class)
  void theTasksRanOnBothExecutorsNotInTheDriver(DeployMode mode) throws IOException {
    Path events = dir.resolve("events-" + mode.name().toLowerCase(java.util.Locale.ROOT));
    Map<String, Long> tasks = ExecutorTasks.of(events);
    Map<String, String> workers = ExecutorTasks.workers(events);
    List<String> removed = ExecutorTasks.removed(events);
    String seen = "tasks per executor: " + tasks + ", workers: " + workers + ", removed: "
        + removed;
    assertFalse(tasks.containsKey("driver"), seen);
    // One executor per worker; one more for each that Spark removed and replaced on its worker.
    // Spark 4.2 can lose one: its heartbeat thread dies when it meets a cached Dataset's
    // accumulator half deserialized (SPARK-59451), and after 120 s the executor is replaced.
    assertEquals(2 + removed.size(), tasks.size(), seen);
    Map<String, Long> perWorker = new java.util.TreeMap<>();
    tasks.forEach((executor, n) -> perWorker.merge(workers.get(executor), n, Long::sum));
    assertEquals(2, perWorker.size(), seen);
    perWorker.forEach((worker, n) -> assertTrue(worker != null && n > 0, seen));
  }

  static List<String> jvmFlags() {
    return Arrays.stream(property("bantin.jvmFlags").trim().split("\\s+")).toList();
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Cannot run the cluster test: -D" + name
          + " is not set (run it with mvn verify, which sets it)");
    }
    return value;
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
