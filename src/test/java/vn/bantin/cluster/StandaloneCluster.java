package vn.bantin.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on loopback: one Master and two Workers, each its own JVM, started
 * from a SPARK_HOME whose {@code jars/} holds Spark's runtime jars (Maven's copy, see pom.xml).
 * Ports are free ones picked at start, the Master's REST submission server is off (submissions
 * go through its RPC port), and every log stays under {@code dir}.
 */
final class StandaloneCluster implements AutoCloseable {
  static final String MASTER = "org.apache.spark.deploy.master.Master";
  static final String WORKER = "org.apache.spark.deploy.worker.Worker";

  final Path sparkHome;
  final Path dir;
  final List<String> jvmFlags;
  final int masterPort;
  final int masterUiPort;
  private final List<JavaProcess> started = new ArrayList<>();

  private StandaloneCluster(Path sparkHome, Path dir, List<String> jvmFlags) throws IOException {
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.jvmFlags = jvmFlags;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /**
   * Starts the Master and two Workers of {@code cores} cores and {@code memory} each, and waits
   * until both have registered. On any failure what was started is stopped again.
   */
  static StandaloneCluster start(Path sparkHome, Path dir, List<String> jvmFlags, int cores,
      String memory) throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(sparkHome, dir, jvmFlags);
    try {
      JavaProcess master = cluster.launch("master", MASTER, List.of("--host", "127.0.0.1",
          "--port", String.valueOf(cluster.masterPort), "--webui-port",
          String.valueOf(cluster.masterUiPort)));
      master.awaitLog("I have been elected leader", 60);
      List<JavaProcess> workers = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        workers.add(cluster.launch("worker-" + i, WORKER, List.of("--host", "127.0.0.1",
            "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()),
            "--cores", String.valueOf(cores), "--memory", memory,
            "--work-dir", dir.resolve("worker-" + i + "-work").toString(), cluster.url())));
      }
      for (JavaProcess w : workers) {
        w.awaitLog("Successfully registered with master", 60);
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String url() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The environment every Spark JVM of this cluster (and a submission to it) needs. */
  Map<String, String> env() {
    // Without SPARK_SCALA_VERSION a Worker looks for a source build's directories and every
    // executor fails with "Cannot find any build directories".
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1");
  }

  String classpath() {
    return sparkHome.resolve("jars").resolve("*").toString();
  }

  /** A Spark JVM on this cluster's SPARK_HOME; stopped with the cluster. */
  JavaProcess launch(String name, String mainClass, List<String> args) throws IOException {
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.add("-Xmx256m");
    // The REST submission server would take port 6066 (maybe another build's): off.
    flags.add("-Dspark.master.rest.enabled=false");
    JavaProcess p = JavaProcess.start(name, dir.resolve(name + ".log"), flags, classpath(),
        mainClass, args, env());
    started.add(p);
    return p;
  }

  /** Stops every JVM this cluster started, workers (and their executors) before the master. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
