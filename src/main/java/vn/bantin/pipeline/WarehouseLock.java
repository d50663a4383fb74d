package vn.bantin.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import vn.bantin.UserError;
import vn.bantin.registry.Warehouse;

/**
 * One writer at a time: the lock a run ({@code run}, {@code ingest}) holds on its warehouse
 * while it writes. The lock is a small file at {@link Warehouse#lockLocation()} naming the run,
 * its host and process id, when it started and its last heartbeat, which a daemon thread
 * refreshes every {@link #HEARTBEAT}. A second run that finds it stops at once with one line
 * naming the running one. A lock is stale, and is taken over, when its process is no longer
 * running on this host (or its process id now belongs to a process started after the lock), or,
 * for a run on another host, when its heartbeat is older than {@link #STALE_AFTER}.
 *
 * <p>The file is made with an atomic create-if-absent (HDFS {@code create(path, false)}; on a
 * local filesystem a hard link of a fully written file, which is exclusive). A stale lock is
 * removed only by the one taker that creates, the same exclusive way, a takeover marker named
 * after what it judged stale (its text and mtime); under the marker it looks again and deletes
 * the lock only if it is still that stale one. No lock text ever recurs (it names the run and
 * its heartbeat to the millisecond), so a late taker that gets the marker after the first has
 * finished finds a different lock and leaves it. Every taker then creates the lock as above and
 * reads it back. A fresh lock is never moved or deleted by a taker: an earlier design renamed
 * the lock away to check it, and a third taker could create its own in that gap (two winners).
 * A marker left by a taker killed between its two steps is removed once older than the stale
 * limit; so a taker that stalled that long between its look and its delete could delete a lock
 * made meanwhile (two filesystem calls apart: not guarded further). On object stores without
 * atomic create (s3a) this is best effort.
 *
 * <p>Reading needs no lock. Closing deletes the file if it is still this run's.
 */
public final class WarehouseLock implements AutoCloseable {
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration STALE_AFTER = Duration.ofMinutes(2);
  private static final int ATTEMPTS = 5;
  private static final String FORMAT = "bantin-writer-lock 1";
  /** For tests: use the Hadoop FileSystem operations on a local filesystem too. */
  static final String HADOOP_API_ONLY = "bantin.lock.hadoop-api-only";

  /** What a lock file says. */
  public record Holder(String runId, String host, long pid, Instant started, Instant heartbeat) {

    public Holder {
      started = started.truncatedTo(ChronoUnit.MILLIS);
      heartbeat = heartbeat.truncatedTo(ChronoUnit.MILLIS);
    }

    /** This process, for a run starting now. */
    public static Holder thisProcess(String runId) {
      Instant now = Instant.now();
      return new Holder(runId, thisHost(), ProcessHandle.current().pid(), now, now);
    }

    public Holder beating(Instant at) {
      return new Holder(runId, host, pid, started, at);
    }

    /** Whether both name the same run of the same process (the heartbeat may differ). */
    public boolean sameRun(Holder other) {
      return other != null && runId.equals(other.runId) && host.equals(other.host)
          && pid == other.pid && started.equals(other.started);
    }

    /** The file's text. */
    public String format() {
      return FORMAT + "\nrun=" + runId + "\nhost=" + host + "\npid=" + pid + "\nstarted="
          + started + "\nheartbeat=" + heartbeat + "\n";
    }

    /** The holder a lock file names; empty when the text is not a whole lock file. */
    public static Optional<Holder> parse(String text) {
      if (!text.startsWith(FORMAT + "\n")) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try {
        p.load(new StringReader(text.substring(FORMAT.length() + 1)));
        return Optional.of(new Holder(p.getProperty("run"), p.getProperty("host"),
            Long.parseLong(p.getProperty("pid")), Instant.parse(p.getProperty("started")),
            Instant.parse(p.getProperty("heartbeat"))));
      } catch (IOException | RuntimeException e) { // a partly written or foreign file
        return Optional.empty();
      }
    }

    /** For messages: "run R, process P on host H, started T". */
    String describe() {
      return "run " + runId + ", process " + pid + " on host " + host + ", started "
          + started.truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** The lock file as one look found it: its holder (absent if unreadable) and its mtime. */
  record Seen(Optional<Holder> holder, String text, Instant modified) {
    Seen {
      // As every filesystem reports it (HDFS and Hadoop's local one: milliseconds), so that
      // takers on either path name the same takeover marker.
      modified = modified.truncatedTo(ChronoUnit.MILLIS);
    }
  }

  private final Warehouse warehouse;
  private final LockFile file;
  private final Duration staleAfter;
  private volatile Holder mine;
  private volatile boolean lost;
  private volatile boolean closed;
  private final Thread heartbeat;
  private final Runnable onShutdown;

  private WarehouseLock(Warehouse warehouse, LockFile file, Holder mine, Duration heartbeatEvery,
      Duration staleAfter) {
    this.warehouse = warehouse;
    this.file = file;
    this.mine = mine;
    this.staleAfter = staleAfter;
    this.heartbeat = new Thread(() -> beat(heartbeatEvery), "bantin-lock-heartbeat");
    this.heartbeat.setDaemon(true);
    this.heartbeat.start();
    // Ctrl-C (SIGINT, SIGTERM) runs shutdown hooks: release the lock then too, before Hadoop
    // closes its filesystems. Only kill -9 leaves a lock, which the next run finds stale.
    this.onShutdown = this::release;
    ShutdownHookManager.get().addShutdownHook(onShutdown,
        FileSystem.SHUTDOWN_HOOK_PRIORITY + 10);
  }

  /**
   * Takes the lock of a warehouse for a run, before its Spark session starts (with the
   * session's Hadoop settings: the running session's, or those it will have).
   *
   * @throws UserError when another live run holds it
   */
  public static WarehouseLock acquire(Warehouse warehouse, String runId) {
    return acquire(warehouse, runId, vn.bantin.spark.Sessions.hadoopConfiguration(), HEARTBEAT,
        STALE_AFTER);
  }

  public static WarehouseLock acquire(Warehouse warehouse, String runId, Configuration conf,
      Duration heartbeatEvery, Duration staleAfter) {
    LockFile file = LockFile.of(warehouse.lockLocation(), conf);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Holder me = Holder.thisProcess(runId);
      boolean created;
      try {
        created = file.createNew(me.format());
      } catch (IOException e) {
        throw new UserError("Cannot write the warehouse " + warehouse.root() + ": cannot create"
            + " its lock " + file.location() + " (" + e + ")");
      }
      if (created) {
        Optional<Seen> back = file.look();
        if (back.isPresent() && back.get().holder().filter(me::sameRun).isPresent()) {
          return new WarehouseLock(warehouse, file, me, heartbeatEvery, staleAfter);
        }
        continue; // replaced at once by another taker: look again
      }
      Optional<Seen> seen = file.look();
      if (seen.isEmpty()) {
        continue; // released meanwhile
      }
      String stale = staleness(seen.get(), Instant.now(), staleAfter);
      if (stale == null) {
        throw new UserError("Cannot write the warehouse " + warehouse.root() + ": another"
            + " bantin run is writing it — " + seen.get().holder().map(h -> h.describe()
                + ", last heartbeat " + ago(h.heartbeat()))
                .orElse("its lock file is being written (modified " + ago(seen.get().modified())
                    + ")")
            + " (lock " + file.location() + "). Wait for that run to end, then run again; the"
            + " lock of a killed run is taken over by the next run (on another host, once its"
            + " heartbeat is " + STALE_AFTER.toMinutes() + " min old).");
      }
      file.takeOver(seen.get(), staleAfter);
    }
    throw new UserError("Cannot write the warehouse " + warehouse.root() + ": its lock "
        + file.location() + " changed hands " + ATTEMPTS + " times while this run tried to take"
        + " it; other bantin runs are starting on it at the same time. Run one at a time.");
  }

  /**
   * Why a lock is stale, or null when its run may still be writing. A lock whose text cannot be
   * read (being written, or not a lock file) is stale once not modified for the stale limit.
   */
  static String staleness(Seen seen, Instant now, Duration staleAfter) {
    if (seen.holder().isEmpty()) {
      return Duration.between(seen.modified(), now).compareTo(staleAfter) > 0
          ? "unreadable and not modified since " + seen.modified() : null;
    }
    Holder h = seen.holder().get();
    if (h.host().equals(thisHost())) {
      Optional<ProcessHandle> process = ProcessHandle.of(h.pid());
      if (process.isEmpty() || !process.get().isAlive()) {
        return "process " + h.pid() + " is no longer running";
      }
      Optional<Instant> processStart = process.get().info().startInstant();
      // The id was reused: a process started after the lock cannot have taken it.
      if (processStart.isPresent()
          && processStart.get().isAfter(h.started().plus(Duration.ofSeconds(5)))) {
        return "process id " + h.pid() + " now belongs to a process started at "
            + processStart.get();
      }
      return null;
    }
    return Duration.between(h.heartbeat(), now).compareTo(staleAfter) > 0
        ? "its last heartbeat was at " + h.heartbeat() : null;
  }

  /** The suffix of the takeover marker of a lock as seen: a digest of its text and mtime. */
  static String takeoverSuffix(Seen seen) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
          (seen.text() + "\n" + seen.modified()).getBytes(StandardCharsets.UTF_8));
      return ".takeover-" + java.util.HexFormat.of().formatHex(d, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  private static String ago(Instant t) {
    long s = Math.max(0, Duration.between(t, Instant.now()).toSeconds());
    return s < 120 ? s + " s ago" : s / 60 + " min ago";
  }

  /** The run this lock is held for. */
  public Holder holder() {
    return mine;
  }

  /** Where the lock file is. */
  public String location() {
    return file.location();
  }

  /** Whether another run took the lock over while this one held it (its heartbeat stalled). */
  public boolean lost() {
    return lost;
  }

  private void beat(Duration every) {
    while (!closed && !lost) {
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (closed) {
          return;
        }
        try {
          Optional<Seen> now = file.look();
          if (now.isEmpty() || now.get().holder().filter(mine::sameRun).isEmpty()) {
            lost = true;
            System.err.println("bantin: warning: the lock of " + warehouse.root()
                + " was taken over by another run (" + now.flatMap(Seen::holder)
                    .map(Holder::describe).orElse("lock file gone") + "); this run's heartbeat"
                + " had stopped for longer than " + staleAfter.toMinutes() + " min");
            return;
          }
          Holder next = mine.beating(Instant.now());
          file.replace(next.format());
          mine = next;
        } catch (IOException | RuntimeException e) {
          // A filesystem hiccup: try again at the next beat; the limit allows for many misses.
        }
      }
    }
  }

  /** Deletes the lock file if it is still this run's. */
  private synchronized void release() {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.interrupt();
    try {
      Optional<Seen> now = file.look();
      if (now.isPresent() && now.get().holder().filter(mine::sameRun).isPresent()) {
        file.delete();
      }
    } catch (IOException | UncheckedIOException e) {
      // Left behind, it is found stale by the next run.
    }
  }

  @Override
  public void close() {
    release();
    try {
      ShutdownHookManager.get().removeShutdownHook(onShutdown);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
  }

  /** This host's name as lock files record it. */
  static String thisHost() {
    return HostName.NAME;
  }

  private static final class HostName {
    static final String NAME = find();

    private static String find() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "unknown-host" : env;
      }
    }
  }

  /**
   * The lock file's operations on its filesystem: through java.nio on a local filesystem
   * (whose Hadoop create-if-absent is not atomic), through the Hadoop FileSystem elsewhere.
   */
  private abstract static class LockFile {
    abstract String location();

    /** Creates the file with this text if there is none; false if there is one. */
    abstract boolean createNew(String text) throws IOException;

    /** The file's content and mtime; empty when there is no file. */
    abstract Optional<byte[]> bytes() throws IOException;

    /** Replaces the text of an existing file (a heartbeat). */
    abstract void replace(String text) throws IOException;

    /** Creates an empty file at the lock's name plus this suffix, if there is none. */
    abstract boolean createMarker(String suffix) throws IOException;

    /** The mtime of the file at the lock's name plus this suffix; empty when there is none. */
    abstract Optional<Instant> modifiedOf(String suffix) throws IOException;

    abstract void delete(String suffix) throws IOException;

    void delete() throws IOException {
      delete("");
    }

    static LockFile of(String location, Configuration conf) {
      try {
        Path path = new Path(location);
        FileSystem fs = path.getFileSystem(conf);
        if (conf.getBoolean(HADOOP_API_ONLY, false)) {
          return new Hadoop(location, fs, fs.makeQualified(path));
        }
        if (fs instanceof LocalFileSystem local) {
          return new Local(location, local.pathToFile(fs.makeQualified(path)).toPath());
        }
        if (fs instanceof RawLocalFileSystem local) {
          return new Local(location, local.pathToFile(fs.makeQualified(path)).toPath());
        }
        return new Hadoop(location, fs, fs.makeQualified(path));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot reach the lock " + location, e);
      }
    }

    /** One look at the lock; a file being written is read again for up to a second. */
    Optional<Seen> look() {
      try {
        for (int tries = 0; ; tries++) {
          Optional<byte[]> b = bytes();
          if (b.isEmpty()) {
            return Optional.empty();
          }
          String text = new String(b.get(), StandardCharsets.UTF_8);
          Optional<Holder> h = Holder.parse(text);
          if (h.isPresent() || tries >= 10) {
            return modifiedOf("").map(modified -> new Seen(h, text, modified)); // empty: gone
          }
          Thread.sleep(100);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the lock " + location(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the lock " + location(), e);
      }
    }

    /**
     * Removes a stale lock as it was seen, if it is still that one, as the only taker doing so:
     * under a marker that only one taker can create for that lock. Returns when another taker
     * holds the marker (after a short wait); the caller looks again.
     */
    void takeOver(Seen stale, Duration staleAfter) {
      String marker = takeoverSuffix(stale);
      try {
        if (!createMarker(marker)) {
          Optional<Instant> since = modifiedOf(marker);
          if (since.isPresent()
              && Duration.between(since.get(), Instant.now()).compareTo(staleAfter) > 0) {
            delete(marker); // its taker was killed between its two steps
          } else {
            pause();
          }
          return;
        }
        try {
          Optional<Seen> now = look();
          if (now.equals(Optional.of(stale))) { // the same text and mtime
            delete();
          }
        } finally {
          delete(marker);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot take over the stale lock " + location(), e);
      }
    }

    private static void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while taking over a stale lock", e);
      }
    }
  }

  private static final class Local extends LockFile {
    private final String location;
    private final java.nio.file.Path path;

    Local(String location, java.nio.file.Path path) {
      this.location = location;
      this.path = path;
    }

    @Override
    String location() {
      return location;
    }

    private java.nio.file.Path with(String suffix) {
      return path.resolveSibling(path.getFileName() + suffix);
    }

    @Override
    boolean createNew(String text) throws IOException {
      Files.createDirectories(path.getParent());
      // The text is written to a temporary file and hard-linked into place (atomic and
      // exclusive): a reader never sees a half-written lock. Without hard links, O_EXCL.
      java.nio.file.Path tmp = with(".new-" + UUID.randomUUID());
      Files.writeString(tmp, text, StandardOpenOption.CREATE_NEW);
      try {
        Files.createLink(path, tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException noLinks) {
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    @Override
    Optional<byte[]> bytes() throws IOException {
      try {
        return Optional.of(Files.readAllBytes(path));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    void replace(String text) throws IOException {
      java.nio.file.Path tmp = with(".beat-" + UUID.randomUUID());
      Files.writeString(tmp, text, StandardOpenOption.CREATE_NEW);
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    @Override
    boolean createMarker(String suffix) throws IOException {
      try {
        Files.createFile(with(suffix)); // O_CREAT|O_EXCL
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    Optional<Instant> modifiedOf(String suffix) throws IOException {
      try {
        return Optional.of(Files.getLastModifiedTime(with(suffix)).toInstant());
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    void delete(String suffix) throws IOException {
      Files.deleteIfExists(with(suffix));
    }
  }

  private static final class Hadoop extends LockFile {
    private final String location;
    private final FileSystem fs;
    private final Path path;

    Hadoop(String location, FileSystem fs, Path path) {
      this.location = location;
      this.fs = fs;
      this.path = path;
    }

    @Override
    String location() {
      return location;
    }

    private Path with(String suffix) {
      return suffix.isEmpty() ? path : path.suffix(suffix);
    }

    @Override
    boolean createNew(String text) throws IOException {
      return create(path, text);
    }

    /** Creates the file with this text unless there is one (atomic on HDFS). */
    private boolean create(Path file, String text) throws IOException {
      try (FSDataOutputStream out = fs.create(file, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (fs.exists(file)) { // some filesystems signal an existing file otherwise
          return false;
        }
        throw e;
      }
    }

    @Override
    Optional<byte[]> bytes() throws IOException {
      try (InputStream in = fs.open(path)) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return Optional.of(b.toByteArray());
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    void replace(String text) throws IOException {
      try (FSDataOutputStream out = fs.create(path, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    boolean createMarker(String suffix) throws IOException {
      return create(with(suffix), "");
    }

    @Override
    Optional<Instant> modifiedOf(String suffix) throws IOException {
      try {
        return Optional.of(Instant.ofEpochMilli(fs.getFileStatus(with(suffix))
            .getModificationTime()));
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    void delete(String suffix) throws IOException {
      fs.delete(with(suffix), false);
    }
  }
}
