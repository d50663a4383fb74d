package vn.bantin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.UserError;
import vn.bantin.pipeline.WarehouseLock.Holder;
import vn.bantin.registry.Warehouse;

/** One writer at a time: the lock file, its staleness rules and its take-over. No Spark. */
class WarehouseLockTest {
  @TempDir
  Path tmp;

  private Warehouse warehouse() {
    return new Warehouse(tmp.resolve("wh").toString());
  }

  private static Path lockFile(Warehouse wh) {
    return Path.of(wh.lockLocation());
  }

  /** The Hadoop settings the lock is taken with. */
  Configuration conf() {
    return new Configuration();
  }

  private WarehouseLock acquire(Warehouse wh, String runId) {
    return WarehouseLock.acquire(wh, runId, conf(), Duration.ofMillis(200),
        WarehouseLock.STALE_AFTER);
  }

  private static void write(Warehouse wh, Holder h) throws Exception {
    Files.writeString(lockFile(wh), h.format());
  }

  private static Holder read(Warehouse wh) throws Exception {
    return Holder.parse(Files.readString(lockFile(wh))).orElseThrow();
  }

  @Test
  void theLockLivesBesideTheWarehouseAndIsNamedForIt() {
    assertEquals("/data/wh.bantin-lock", new Warehouse("/data/wh/").lockLocation());
    assertEquals("hdfs://nn:8020/bantin/wh.bantin-lock",
        new Warehouse("hdfs://nn:8020/bantin/wh").lockLocation());
    assertEquals("s3a://bucket/_bantin-lock", new Warehouse("s3a://bucket").lockLocation());
    assertEquals("s3a://bucket/_bantin-lock", new Warehouse("s3a://bucket/").lockLocation());
  }

  @Test
  void aLockHeldByALiveProcessIsRefusedNamingIt() throws Exception {
    Warehouse wh = warehouse();
    Instant started = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    // This JVM is alive, on this host: a run of it holds the lock.
    Holder running = new Holder("20261202T010000Z-cafe0001", WarehouseLock.thisHost(),
        ProcessHandle.current().pid(), started, Instant.now());
    write(wh, running);
    UserError e = assertThrows(UserError.class, () -> acquire(wh, "second"));
    String m = e.getMessage();
    assertTrue(m.startsWith("Cannot write the warehouse " + wh.root() + ": another bantin run"
        + " is writing it"), m);
    assertTrue(m.contains("process " + ProcessHandle.current().pid() + " on host "
        + WarehouseLock.thisHost()), m);
    assertTrue(m.contains("started " + started), m);
    assertTrue(m.contains("run 20261202T010000Z-cafe0001"), m);
    assertFalse(m.contains("\n"), m);
    assertEquals(running, read(wh), "the running one's lock is left as it was");
    assertFalse(Files.exists(Path.of(wh.root())), "the warehouse is not touched");
  }

  @Test
  void aLockOfAProcessThatExitedIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Warehouse wh = warehouse();
    write(wh, new Holder("killed-run", WarehouseLock.thisHost(), gone.pid(),
        Instant.now().minusSeconds(30), Instant.now()));
    try (WarehouseLock lock = acquire(wh, "taker")) {
      Holder now = read(wh);
      assertEquals("taker", now.runId());
      assertEquals(ProcessHandle.current().pid(), now.pid());
      assertEquals(WarehouseLock.thisHost(), now.host());
      assertTrue(lock.holder().sameRun(now));
    }
    assertNoLeftovers(wh);
  }

  @Test
  void aLockFromAnotherHostWithAnOldHeartbeatIsTakenOver() throws Exception {
    Warehouse wh = warehouse();
    Instant old = Instant.now().minus(WarehouseLock.STALE_AFTER).minusSeconds(30);
    write(wh, new Holder("other-host-run", "elsewhere.example", 4242, old.minusSeconds(600),
        old));
    try (WarehouseLock lock = acquire(wh, "taker")) {
      assertEquals("taker", read(wh).runId());
    }
  }

  @Test
  void aLockFromAnotherHostWithARecentHeartbeatIsRefused() throws Exception {
    Warehouse wh = warehouse();
    Instant recent = Instant.now().minusSeconds(20);
    write(wh, new Holder("other-host-run", "elsewhere.example", 4242, recent.minusSeconds(600),
        recent));
    UserError e = assertThrows(UserError.class, () -> acquire(wh, "second"));
    assertTrue(e.getMessage().contains("process 4242 on host elsewhere.example"), e.getMessage());
    assertEquals("other-host-run", read(wh).runId());
  }

  @Test
  void aProcessIdReusedByALaterProcessDoesNotKeepTheLock() throws Exception {
    Warehouse wh = warehouse();
    // This JVM's id, but the lock says it was taken long before this JVM started.
    Instant longAgo = ProcessHandle.current().info().startInstant().orElseThrow()
        .minus(Duration.ofHours(1));
    write(wh, new Holder("before-reboot", WarehouseLock.thisHost(),
        ProcessHandle.current().pid(), longAgo, longAgo));
    try (WarehouseLock lock = acquire(wh, "taker")) {
      assertEquals("taker", read(wh).runId());
    }
  }

  @Test
  void releaseDeletesTheFileAndTheHeartbeatRefreshesIt() throws Exception {
    Warehouse wh = warehouse();
    WarehouseLock lock = acquire(wh, "mine");
    Holder first = read(wh);
    assertEquals(first.started(), first.heartbeat());
    Thread.sleep(700);
    Holder later = read(wh);
    assertTrue(later.heartbeat().isAfter(first.heartbeat()), later + " after " + first);
    assertTrue(later.sameRun(first));
    lock.close();
    assertFalse(Files.exists(lockFile(wh)), "released: no lock file");
    assertNoLeftovers(wh);
    lock.close(); // twice is harmless
    try (WarehouseLock again = acquire(wh, "next")) {
      assertEquals("next", read(wh).runId());
    }
  }

  @Test
  void releaseLeavesALockThatIsNoLongerOurs() throws Exception {
    Warehouse wh = warehouse();
    WarehouseLock lock = acquire(wh, "mine");
    Holder other = new Holder("taker", "elsewhere.example", 7, Instant.now(), Instant.now());
    write(wh, other);
    lock.close();
    assertEquals(other, read(wh));
  }

  @Test
  void ofTwoTakersOfAStaleLockOnlyOneGetsIt() throws Exception {
    Warehouse wh = warehouse();
    for (int round = 0; round < 60; round++) {
      Instant old = Instant.now().minus(Duration.ofHours(1));
      write(wh, new Holder("stale", "elsewhere.example", 1, old, old));
      int takers = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(takers);
      List<Future<WarehouseLock>> tries = new ArrayList<>();
      for (int i = 0; i < takers; i++) {
        String runId = "taker-" + round + "-" + i;
        tries.add(pool.submit(() -> {
          go.await();
          try {
            return acquire(wh, runId);
          } catch (UserError refused) {
            return null;
          }
        }));
      }
      go.countDown();
      List<WarehouseLock> winners = new ArrayList<>();
      for (Future<WarehouseLock> f : tries) {
        if (f.get() != null) {
          winners.add(f.get());
        }
      }
      pool.shutdown();
      assertEquals(1, winners.size(), "round " + round + ": one taker wins");
      assertEquals(winners.get(0).holder().runId(), read(wh).runId());
      winners.get(0).close();
      assertNoLeftovers(wh);
    }
  }

  /** The marker a taker of this lock creates, as the lock is now. */
  private static Path takeoverMarker(Warehouse wh) throws Exception {
    Path lock = lockFile(wh);
    WarehouseLock.Seen seen = new WarehouseLock.Seen(Holder.parse(Files.readString(lock)),
        Files.readString(lock), Files.getLastModifiedTime(lock).toInstant());
    return lock.resolveSibling(lock.getFileName() + WarehouseLock.takeoverSuffix(seen));
  }

  @Test
  void aStaleLockBeingTakenOverByAnotherIsLeftToIt() throws Exception {
    Warehouse wh = warehouse();
    Instant old = Instant.now().minus(Duration.ofHours(1));
    Holder stale = new Holder("stale", "elsewhere.example", 1, old, old);
    write(wh, stale);
    Path marker = takeoverMarker(wh);
    Files.createFile(marker); // another taker is between its two steps
    UserError e = assertThrows(UserError.class, () -> acquire(wh, "late"));
    assertTrue(e.getMessage().contains("changed hands"), e.getMessage());
    assertEquals(stale, read(wh), "the stale lock is the other taker's to remove");
  }

  @Test
  void aTakeoverMarkerLeftByAKilledTakerIsRemovedOnceOld() throws Exception {
    Warehouse wh = warehouse();
    Instant old = Instant.now().minus(Duration.ofHours(1));
    write(wh, new Holder("stale", "elsewhere.example", 1, old, old));
    Path marker = takeoverMarker(wh);
    Files.createFile(marker);
    Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.from(old));
    try (WarehouseLock lock = acquire(wh, "taker")) {
      assertEquals("taker", read(wh).runId());
    }
    assertNoLeftovers(wh);
  }

  @Test
  void anUnreadableLockIsHeldUntilOldThenTakenOver() throws Exception {
    Warehouse wh = warehouse();
    Files.writeString(lockFile(wh), "");
    UserError e = assertThrows(UserError.class, () -> acquire(wh, "second"));
    assertTrue(e.getMessage().contains("its lock file is being written"), e.getMessage());
    Files.setLastModifiedTime(lockFile(wh), java.nio.file.attribute.FileTime.from(
        Instant.now().minus(Duration.ofHours(1))));
    try (WarehouseLock lock = acquire(wh, "taker")) {
      assertEquals("taker", read(wh).runId());
    }
  }

  @Test
  void aLockFileRoundTrips() {
    Holder h = new Holder("r", "h", 12, Instant.parse("2026-12-02T01:00:00Z"),
        Instant.parse("2026-12-02T01:00:10.123Z"));
    assertEquals(h, Holder.parse(h.format()).orElseThrow());
    assertTrue(Holder.parse("").isEmpty());
    assertTrue(Holder.parse(h.format().substring(0, 40)).isEmpty());
    assertNotEquals(h, h.beating(Instant.now()));
  }

  private static void assertNoLeftovers(Warehouse wh) throws Exception {
    Path dir = lockFile(wh).getParent();
    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(lockFile(wh).getFileName().toString() + "."))
          .toList();
      assertEquals(List.of(), names, "no temporary or renamed lock files left");
    }
  }
}
