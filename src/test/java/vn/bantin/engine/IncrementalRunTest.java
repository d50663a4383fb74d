package vn.bantin.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.cli.Cli;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;


/**
 * The incremental engine against a full rebuild: the extracts of {@code data-samples/} fed one
 * run at a time (the operator's folder growing, one file out of extract order), and one run
 * over all of them at once, must leave every cleaned and gold table with the same rows; a
 * further run with nothing new writes no new version of any table.
 */
class IncrementalRunTest {
  @TempDir
  Path tmp;

  @Test
  void extractsFedOneRunAtATimeGiveTheTablesOfOneRunOverAll() throws Exception {
    // Four runs on a growing folder, the way an operator adds each export: the second brings
    // a later month, the third a late file whose extract time is older than what is already
    // in (it must not overwrite newer states), the fourth ballots, agencies and a catalogue
    // that adds versions.
    List<List<String>> batches = List.of(
        List.of("thutuc_20210228.xlsx", "hoso_20210401013000.jsonl.gz"),
        List.of("hoso_20210501013000.csv.gz", "hoso_20210505120000.xlsx"),
        List.of("hoso_20210402120000.csv"),
        List.of("hoso_20210601013000.jsonl.gz", "danhgia_20210601.jsonl",
            "donvi_20210601013000.jsonl", "thutuc_20210601013000.csv"));
    Path folder = tmp.resolve("in");
    Files.createDirectories(folder);
    Path incremental = tmp.resolve("incremental");
    for (List<String> batch : batches) {
      for (String f : batch) {
        Files.copy(Path.of("data-samples", f), folder.resolve(f));
      }
      Cli.Run run = Cli.bantin("run", "--input", folder.toString(), "--warehouse",
          incremental.toString());
      assertEquals(0, run.code(), batch + ": " + run.out() + run.err());
    }
    try (var s = Files.list(folder)) {
      assertEquals(9, s.count(), "every file of data-samples was fed");
    }
    // data-samples has no reorganisation: no succession, in either warehouse.
    SameTables.assertSameRows(incremental, vn.bantin.DataSamplesRun.get().warehouse(), t -> true,
        Set.of(Table.CLEANED_SUPPLEMENTS, Table.GOLD_UNIT_SUCCESSIONS),
        "the rows fed one run at a time differ from one run over all");

    // Nothing new: no table gets a new version, and the run is answered from the tables' logs
    // (Delta Kernel) without a single Spark job, which is what keeps it to a few seconds.
    TableStore a = new TableStore(SparkTestSession.get(), Ingests.warehouse(incremental));
    Map<Table, Long> before = versions(a);
    java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
    Cli.Run again = countingJobs(jobs, () -> Cli.bantin("run", "--input", folder.toString(),
        "--warehouse", incremental.toString()));
    assertEquals(0, again.code(), again.out() + again.err());
    assertEquals(before, versions(a));
    assertTrue(again.out().contains("Gold: up to date"), again.out());
    assertTrue(again.out().contains("cleaned: dossiers 19343 · supplements 1413 · ballots 697"
        + " · procedure versions 68 · agency versions 18"), again.out());
    assertEquals(0, jobs.get(), "Spark jobs run by a run with nothing new");
  }

  /**
   * Two years of monthly extracts, in two runs: the second run's changes fall in the second
   * year, so it recomputes only the periods from its first changed month, from month facts
   * whose first year is folded into opening stocks. Every gold table must equal a rebuild.
   */
  @Test
  void aLaterYearRecomputedAloneGivesTheTablesOfARebuild() throws IOException {
    Path generated = tmp.resolve("generated");
    Cli.Run gen = Cli.bantin("generate", "--scale", "--dossiers", "1500", "--from", "2020-07",
        "--to", "2021-12", "--out", generated.toString());
    assertEquals(0, gen.code(), gen.out() + gen.err());
    Path folder = tmp.resolve("in");
    Files.createDirectories(folder);
    Path incremental = tmp.resolve("incremental");
    List<Path> files;
    try (var s = Files.list(generated)) {
      files = s.sorted().toList();
    }
    // The extract time is the name's timestamp: first everything extracted before October
    // 2021, then the rest.
    for (boolean later : new boolean[] {false, true}) {
      for (Path f : files) {
        String stamp = f.getFileName().toString().replaceAll("^[a-z]+_(\\d{8}).*$", "$1");
        if ((stamp.compareTo("20211001") >= 0) == later) {
          Files.copy(f, folder.resolve(f.getFileName()));
        }
      }
      // A small generated sample has months without a ballot: their files are empty.
      Cli.Run run = Cli.bantin("run", "--accept-empty", "--input", folder.toString(),
          "--warehouse", incremental.toString());
      assertEquals(0, run.code(), run.out() + run.err());
      if (later) {
        assertTrue(run.out().contains("recomputed: the periods ending in or after 2021-"),
            "the second run recomputes from a month of 2021 only: " + run.out());
      }
    }
    Path full = tmp.resolve("full");
    Cli.Run once = Cli.bantin("run", "--accept-empty", "--input", folder.toString(),
        "--warehouse", full.toString());
    assertEquals(0, once.code(), once.out() + once.err());
    assertTrue(once.out().contains("recomputed: every period"), once.out());

    // The generated years have no reorganisation: no succession, in either warehouse.
    SameTables.assertSameRows(incremental, full, t -> t.layer() == vn.bantin.registry.Layer.GOLD,
        Set.of(Table.GOLD_UNIT_SUCCESSIONS), "the rows recomputed from 2021 differ from a rebuild");
  }

  /** What {@code step} gives, with the Spark jobs it started added to {@code jobs}. */
  private static <T> T countingJobs(java.util.concurrent.atomic.AtomicInteger jobs,
      java.util.function.Supplier<T> step) throws java.util.concurrent.TimeoutException {
    org.apache.spark.SparkContext sc = SparkTestSession.get().sparkContext();
    org.apache.spark.scheduler.SparkListener counter =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
            jobs.incrementAndGet();
          }
        };
    // The listener bus delivers events later: drained before and after, so that the count
    // holds exactly the step's jobs.
    sc.listenerBus().waitUntilEmpty();
    sc.addSparkListener(counter);
    try {
      T result = step.get();
      sc.listenerBus().waitUntilEmpty();
      return result;
    } finally {
      sc.removeSparkListener(counter);
    }
  }

  private static Map<Table, Long> versions(TableStore store) {
    Map<Table, Long> out = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      out.put(t, store.version(t));
    }
    return out;
  }
}
