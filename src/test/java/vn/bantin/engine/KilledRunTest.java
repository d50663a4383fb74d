package vn.bantin.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Bantin;
import vn.bantin.Ingests;
import vn.bantin.cli.Cli;
import vn.bantin.query.KernelTableRows;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;
import vn.bantin.store.KernelTables;
import vn.bantin.store.PublishedGold;

/**
 * Real runs killed with {@code kill -9} (a child JVM, {@link Process#destroyForcibly}) while
 * they ingest, while they merge the cleaned layer and while they write gold, each on what the
 * killed one before it left. After each kill every table is readable, readers see the gold
 * tables of the last completed build and nothing of the killed one, and the run that finally
 * completes leaves every table as one uninterrupted run over the same extracts does.
 *
 * <p>Each kill waits for a table's Delta version to move (a write of the phase has committed),
 * not for a log line, so it lands inside the phase rather than before or after it.
 */
class KilledRunTest {
  /**
   * The first run's files: the catalogue and agencies whole, so that the later runs bring
   * only dossiers and ballots and their gold builds are incremental (a catalogue change would
   * rebuild gold from scratch, and a build from scratch needs no roll-back to be right).
   */
  private static final List<String> FIRST = List.of("thutuc_20210228.xlsx",
      "thutuc_20210601013000.csv", "donvi_20210601013000.jsonl",
      "hoso_20210401013000.jsonl.gz", "hoso_20210402120000.csv");

  @TempDir
  Path tmp;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void runsKilledMidIngestMidCleanedAndMidGoldAreCompletedAsIfNeverKilled() throws Exception {
    Path folder = tmp.resolve("in");
    Files.createDirectories(folder);
    Path wh = tmp.resolve("warehouse");
    for (String f : FIRST) {
      Files.copy(Path.of("data-samples", f), folder.resolve(f));
    }
    // A completed build first, so that the killed ones have a published set to leave alone.
    Cli.Run first = Cli.bantin("run", "--input", folder.toString(), "--warehouse", wh.toString());
    assertEquals(0, first.code(), first.out() + first.err());
    Map<Table, List<String>> published = goldAsReadersSeeIt(wh);
    assertTrue(!published.get(Table.GOLD_BULLETIN).isEmpty(), "April is published");
    try (var s = Files.list(Path.of("data-samples"))) {
      for (Path f : s.toList()) {
        if (!FIRST.contains(f.getFileName().toString())) {
          Files.copy(f, folder.resolve(f.getFileName()));
        }
      }
    }
    KernelTables kernel = new KernelTables(new Configuration());
    Warehouse warehouse = Ingests.warehouse(wh);

    // Mid-ingest: once the raw rows of a new file are committed, before every file is logged.
    long rawBefore = kernel.latestVersion(warehouse.location(Table.RAW_HOSO));
    killWhen(folder, wh, "mid-ingest",
        () -> kernel.latestVersion(warehouse.location(Table.RAW_HOSO)) > rawBefore);
    assertTrue(rows(kernel, warehouse, Table.RAW_INGESTED_FILES) < 9,
        "the kill landed before every file was logged in raw");
    assertReadableAndPublishedUnchanged(kernel, warehouse, wh, published);

    // Mid-cleaned: once the new dossiers are merged, before their files are logged as loaded.
    long cleanedBefore = kernel.latestVersion(warehouse.location(Table.CLEANED_DOSSIERS));
    killWhen(folder, wh, "mid-cleaned",
        () -> kernel.latestVersion(warehouse.location(Table.CLEANED_DOSSIERS)) > cleanedBefore);
    assertTrue(rows(kernel, warehouse, Table.CLEANED_LOADED_FILES) < 9,
        "the kill landed before every file was logged in cleaned");
    assertReadableAndPublishedUnchanged(kernel, warehouse, wh, published);

    // Mid-gold: once the month facts and the bulletin are committed, before the build is logged,
    // so that the newest versions on disk mix this build's tables with the last one's.
    PublishedGold before = PublishedGold.read(kernel, warehouse);
    long bulletinBefore = before.versionToRead(Table.GOLD_BULLETIN).orElseThrow();
    killWhen(folder, wh, "mid-gold",
        () -> kernel.latestVersion(warehouse.location(Table.GOLD_BULLETIN)) > bulletinBefore);
    assertEquals(1, rows(kernel, warehouse, Table.GOLD_BUILDS), "the build was not logged");
    assertTrue(kernel.latestVersion(warehouse.location(Table.GOLD_MONTH_FACTS))
        > before.versionToRead(Table.GOLD_MONTH_FACTS).orElseThrow(),
        "the killed build had written the month facts");
    assertReadableAndPublishedUnchanged(kernel, warehouse, wh, published);

    // The next run completes the work: every table as one run over all the extracts leaves it.
    Cli.Run last = Cli.bantin("run", "--input", folder.toString(), "--warehouse", wh.toString());
    assertEquals(0, last.code(), last.out() + last.err());
    assertTrue(last.out().contains("recomputed: the periods ending in or after"),
        "the completing build is incremental, on the month facts the killed one left: "
            + last.out());
    Path reference = vn.bantin.DataSamplesRun.get().warehouse();
    SameTables.assertSameRows(wh, reference, t -> true,
        Set.of(Table.CLEANED_SUPPLEMENTS, Table.GOLD_UNIT_SUCCESSIONS),
        "after runs killed mid-ingest, mid-cleaned and mid-gold, the rows differ from one"
            + " uninterrupted run");
    assertEquals(goldAsReadersSeeIt(reference), goldAsReadersSeeIt(wh),
        "readers see the completed build");
  }

  /** Starts {@code bantin run} in a child JVM and kills it (-9) once {@code when} holds. */
  private void killWhen(Path folder, Path wh, String point, Condition when) throws Exception {
    Path log = tmp.resolve(point + ".log");
    Process child = childRun(folder, wh, log);
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
      while (!when.holds()) {
        if (!child.isAlive()) {
          fail(point + ": the run ended (exit " + child.exitValue() + ") before it could be"
              + " killed there:\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          fail(point + ": the run never got there:\n" + Files.readString(log));
        }
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertEquals(137, child.exitValue(), point + ": killed by SIGKILL");
  }

  private static Process childRun(Path folder, Path wh, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The flags Spark needs on Java 17 (the test JVM's own), a small heap beside the tests'.
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized")
          || arg.startsWith("-Dio.netty") || arg.startsWith("-Duser.timezone")) {
        command.add(arg);
      }
    }
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")));
    command.add(Bantin.class.getName());
    command.addAll(List.of("run", "--input", folder.toString(), "--warehouse", wh.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
  }

  /**
   * Every table that exists reads at its latest version, and the gold tables as a reader
   * sees them are still the ones the last completed build published.
   */
  private static void assertReadableAndPublishedUnchanged(KernelTables kernel,
      Warehouse warehouse, Path wh, Map<Table, List<String>> published) {
    for (Table t : Table.values()) {
      if (kernel.exists(warehouse.location(t))) {
        kernel.read(warehouse.location(t)); // throws when the table cannot be read
      }
    }
    assertEquals(published, goldAsReadersSeeIt(wh),
        "readers see the last completed build, nothing of the killed one");
  }

  /** Each gold table (the log aside) as the query layer reads it: its rows as sorted text. */
  private static Map<Table, List<String>> goldAsReadersSeeIt(Path wh) {
    KernelTableRows readers = new KernelTableRows(Ingests.warehouse(wh), new Configuration());
    Map<Table, List<String>> out = new TreeMap<>();
    for (Table t : Table.values()) {
      if (t.layer() == Layer.GOLD && !t.isLog() && readers.exists(t)) {
        out.put(t, readers.rows(t, Map.of()).stream()
            .map(r -> new TreeMap<>(withoutRunColumns(r)).toString()).sorted().toList());
      }
    }
    return out;
  }

  private static Map<String, Object> withoutRunColumns(Map<String, Object> row) {
    Map<String, Object> kept = new TreeMap<>(row);
    kept.keySet().removeAll(Set.of("build_id", "finished_at"));
    return kept;
  }

  private static long rows(KernelTables kernel, Warehouse warehouse, Table table) {
    return kernel.read(warehouse.location(table)).size();
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }
}
