package vn.bantin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.cli.Cli;
import vn.bantin.pipeline.WarehouseLock.Holder;
import vn.bantin.registry.Warehouse;

/**
 * One writer at a time through the command line: {@code run} and {@code ingest} on a warehouse
 * another run writes stop at once with one line and exit code 2; {@code bulletin} reads without
 * the lock; a run releases the lock however it ends; a lock held by a second JVM is refused and,
 * once that JVM is killed, taken over.
 */
class WriterLockCliTest {
  @TempDir
  static Path tmp;

  @BeforeAll
  static void theSharedSession() {
    SparkTestSession.get();
  }

  private static Holder liveLock(Path wh, Instant started) throws Exception {
    Holder running = new Holder("20261202T010000Z-cafe0002", WarehouseLock.thisHost(),
        ProcessHandle.current().pid(), started, Instant.now());
    Files.writeString(Path.of(new Warehouse(wh.toString()).lockLocation()), running.format());
    return running;
  }

  private static String refused(Cli.Run run) {
    assertEquals(2, run.code(), () -> "exit code; stdout: " + run.out() + " stderr: " + run.err());
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run.err());
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    assertEquals("", run.out(), "no work started");
    return lines.get(0);
  }

  @Test
  void runAndIngestOnAWarehouseBeingWrittenStopAtOnce() throws Exception {
    Path wh = tmp.resolve("busy");
    Instant started = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    Holder running = liveLock(wh, started);
    Path lockFile = Path.of(new Warehouse(wh.toString()).lockLocation());
    for (String command : List.of("run", "ingest")) {
      long t0 = System.nanoTime();
      String line = refused(Cli.bantin(command, "--input", "data-samples", "--warehouse",
          wh.toString()));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(line.startsWith("bantin: Cannot write the warehouse " + wh
          + ": another bantin run is writing it — run 20261202T010000Z-cafe0002, process "
          + ProcessHandle.current().pid() + " on host " + WarehouseLock.thisHost()
          + ", started " + started + ", last heartbeat "), line);
      // At once: not after waiting for the lock (its stale limit is minutes). Loose enough for a
      // loaded CI machine; the speed itself is a benchmark's business.
      assertTrue(seconds < 30, command + " took " + seconds + " s to refuse");
      assertFalse(Files.exists(wh), "nothing written");
      assertEquals(running.format(), Files.readString(lockFile), "the lock is the running one's");
    }
  }

  @Test
  void bulletinReadsWithoutTheLock() throws Exception {
    Path wh = tmp.resolve("busy-read");
    Holder running = liveLock(wh, Instant.now().minusSeconds(3));
    Cli.Run run = Cli.bantin("bulletin", "--publisher", "TB", "--period", "2021-04",
        "--warehouse", wh.toString());
    // The warehouse is empty: bulletin says so, and says nothing of the lock.
    assertFalse(run.err().contains("another bantin run"), run.err());
    assertEquals(running.format(),
        Files.readString(Path.of(new Warehouse(wh.toString()).lockLocation())));
  }

  @Test
  void aFailedRunReleasesTheLock() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("no-extracts"));
    Path wh = tmp.resolve("failed");
    Cli.Run run = Cli.bantin("ingest", "--input", empty.toString(), "--warehouse", wh.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("holds no extract files"), run.err());
    assertFalse(Files.exists(Path.of(new Warehouse(wh.toString()).lockLocation())),
        "the lock is released");
    assertFalse(Files.exists(wh), "nothing written");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLockHeldByAnotherJvmIsRefusedAndTakenOverOnceItIsKilled() throws Exception {
    Path wh = tmp.resolve("two-processes");
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path childErr = tmp.resolve("child.err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
        LockHolderMain.class.getName(), wh.toString(), "child-run")
        .redirectError(childErr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", out.readLine(), () -> "child: " + read(childErr));
      String line = refused(Cli.bantin("ingest", "--input", "data-samples", "--warehouse",
          wh.toString()));
      assertTrue(line.contains("run child-run, process " + child.pid() + " on host "
          + WarehouseLock.thisHost()), line);
    } finally {
      child.destroyForcibly(); // kill -9: the lock stays behind
      child.waitFor();
    }
    Path lockFile = Path.of(new Warehouse(wh.toString()).lockLocation());
    assertEquals("child-run", Holder.parse(Files.readString(lockFile)).orElseThrow().runId(),
        "a killed run leaves its lock");
    try (WarehouseLock lock = WarehouseLock.acquire(new Warehouse(wh.toString()), "next",
        new Configuration(), Duration.ofSeconds(10), WarehouseLock.STALE_AFTER)) {
      assertEquals("next", Holder.parse(Files.readString(lockFile)).orElseThrow().runId());
    }
    assertFalse(Files.exists(lockFile));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return e.toString();
    }
  }
}
