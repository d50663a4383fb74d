package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Bantin;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * The hostile corpus of {@code src/test/resources/hostile}: one ingest of its folder through
 * the command line, and every file's outcome as {@code expected.tsv} gives it — counts, reasons,
 * the records it loads, or the refusal printed for it — with no stack trace and every record
 * loaded or quarantined.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/hostile");

  @TempDir
  static Path tmp;

  /** One line of expected.tsv. */
  private record Expected(String file, String read, String loaded, String quarantined,
      String quarantine, String keys, String outcome, String what) {
    boolean refused() {
      return !outcome.equals("loaded");
    }
  }

  private static List<Expected> expected() {
    try (Stream<String> lines = Files.lines(CORPUS.resolve("expected.tsv"))) {
      List<String[]> rows = lines.filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("\t", -1)).toList();
      assertEquals(List.of("file", "read", "loaded", "quarantined", "quarantine", "keys",
          "outcome", "case"), List.of(rows.get(0)));
      return rows.subList(1, rows.size()).stream().map(r -> {
        assertEquals(8, r.length, () -> "columns of " + String.join("|", r));
        return new Expected(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Cli.Run run;
  private Warehouse warehouse;

  @BeforeAll
  void ingestTheCorpus() {
    SparkTestSession.get();
    Path wh = tmp.resolve("warehouse");
    run = Cli.bantin("ingest", "--input", CORPUS.resolve("extracts").toString(), "--warehouse",
        wh.toString());
    warehouse = Ingests.warehouse(wh);
  }

  @Test
  void everyFileOfTheFolderHasItsExpectedOutcomeAndNoOtherIsListed() throws IOException {
    TreeSet<String> files;
    try (Stream<Path> list = Files.list(CORPUS.resolve("extracts"))) {
      files = list.map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(files, expected().stream().map(Expected::file)
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void theRunRefusesTheBadFilesWithoutAStackTraceAndAddsUp() {
    long refused = expected().stream().filter(Expected::refused).count();
    assertEquals(Bantin.EXIT_REFUSED_FILE, run.code(), run.out() + run.err());
    assertFalse(run.err().lines().anyMatch(l -> l.matches("\\s+at .*|.*Exception.*")),
        run.err());
    assertTrue(run.out().contains("  " + expected().size() + " file(s) read now, 0 already"
        + " ingested, " + refused + " refused"), run.out());
    assertTrue(run.out().contains(
        "  every record is loaded or quarantined: read = loaded + quarantined"), run.out());
  }

  @Test
  void eachFileIsLoadedOrRefusedAsExpected() {
    List<String> wrong = new ArrayList<>();
    // read, loaded, quarantined per file as the cleaned layer recorded them
    Map<String, String> loadedFiles = new TreeMap<>();
    for (Row r : Ingests.read(warehouse, Table.CLEANED_LOADED_FILES)
        .selectExpr("file_name", "concat_ws(' ', read, loaded, quarantined)").collectAsList()) {
      loadedFiles.put(r.getString(0), r.getString(1));
    }
    for (Expected e : expected()) {
      String line = run.out().lines().filter(l -> l.startsWith("  " + e.file() + " "))
          .findFirst().orElse(null);
      if (line == null) {
        wrong.add(e.file() + ": no summary line");
        continue;
      }
      if (e.refused()) {
        if (!line.endsWith("REFUSED: " + e.outcome())) {
          wrong.add(e.file() + " (" + e.what() + "): " + line);
        }
        if (registered().contains(e.file())) {
          wrong.add(e.file() + ": refused but registered");
        }
        continue;
      }
      String counts = String.format("%10s %10s %12s", e.read(), e.loaded(), e.quarantined());
      if (!line.endsWith(counts) || line.contains("REFUSED")) {
        wrong.add(e.file() + " (" + e.what() + "): expected " + counts + ", got " + line);
      }
      String recorded = loadedFiles.get(e.file());
      String printed = e.read() + " " + e.loaded() + " " + e.quarantined();
      if (!printed.equals(recorded)) {
        wrong.add(e.file() + " (" + e.what() + "): cleaned.loaded_files holds " + recorded
            + ", expected " + printed);
      }
      String reasons = reasons(e.file());
      if (!reasons.equals(e.quarantine())) {
        wrong.add(e.file() + " (" + e.what() + "): quarantine " + reasons + ", expected "
            + e.quarantine());
      }
      List<String> keys = keys(e.file());
      List<String> expectedKeys = List.of(e.keys().split(" "));
      boolean same = keys.size() == expectedKeys.size();
      for (int i = 0; same && i < keys.size(); i++) {
        String k = expectedKeys.get(i);
        same = k.endsWith("…") ? keys.get(i).startsWith(k.substring(0, k.length() - 1))
            : keys.get(i).equals(k);
      }
      if (!same) {
        wrong.add(e.file() + " (" + e.what() + "): keys " + keys + ", expected " + expectedKeys);
      }
    }
    assertEquals(List.of(), wrong, run.out());
  }

  @Test
  void aRefusedFileLeavesNoRowInAnyTable() {
    for (Expected e : expected()) {
      if (!e.refused()) {
        continue;
      }
      for (Table t : List.of(Table.RAW_HOSO, Table.RAW_DANHGIA)) {
        assertEquals(0, Ingests.read(warehouse, t).filter("_source_file = '" + e.file() + "'")
            .count(), e.file() + " in " + t);
      }
      assertEquals(0, Ingests.read(warehouse, Table.QUARANTINE)
          .filter("source_file = '" + e.file() + "'").count(), e.file() + " quarantined");
      assertEquals(0, Ingests.read(warehouse, Table.CLEANED_LOADED_FILES)
          .filter("file_name = '" + e.file() + "'").count(), e.file() + " counted as loaded");
    }
  }

  private List<String> registered() {
    return Ingests.read(warehouse, Table.RAW_INGESTED_FILES).select("file_name")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  /** The file's quarantined records by reason, most first: "reason:count …", or "-". */
  private String reasons(String file) {
    Map<String, Long> byReason = new TreeMap<>();
    for (Row r : Ingests.read(warehouse, Table.QUARANTINE)
        .filter("source_file = '" + file + "'").groupBy("reason").count().collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    if (byReason.isEmpty()) {
      return "-";
    }
    return byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .map(en -> en.getKey() + ":" + en.getValue()).collect(Collectors.joining(" "));
  }

  /** The keys whose cleaned state comes from the file, sorted. */
  private List<String> keys(String file) {
    boolean ballot = file.startsWith("danhgia_");
    Table table = ballot ? Table.CLEANED_BALLOTS : Table.CLEANED_DOSSIERS;
    String key = ballot ? "ballot_id" : "dossier_id";
    return Ingests.read(warehouse, table).filter("_source_file = '" + file + "'").select(key)
        .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }
}
