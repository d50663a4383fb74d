package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.Ingests.concat;
import static vn.bantin.Ingests.lines;
import static vn.bantin.Ingests.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * Whole-file problems through the command line: a file with no records (0 bytes, a header only,
 * blank lines only), a file whose every record is quarantined, a file that is not UTF-8. Each is
 * named in the run's summary with what is wrong, makes the run exit 5, and is not registered:
 * none of its rows stays in any table, so a corrected export under the same name is read by a
 * later run. {@code --accept-empty} and {@code --accept-quarantined} take such files in (exit 0,
 * registered); a file that is not UTF-8 is refused whatever the options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeFileProblemsTest {
  @TempDir
  static Path tmp;

  private static final String BASE = "\"MaTTHC\":\"1.001\",\"MaNoiTiepNhan\":\"000.00.54.H54\","
      + "\"KenhThucHien\":1,\"NgayHenTra\":\"20210420170000\"";
  private static final String GOOD = dossier("H-1", "20210405080000", 4);
  private static final String GOOD_FILE = "hoso_20210501.jsonl";

  private static String dossier(String id, String accepted, int status) {
    return "{\"MaHoSo\":\"" + id + "\"," + BASE + ",\"NgayTiepNhan\":\"" + accepted
        + "\",\"TrangThaiHoSo\":" + status + "}";
  }

  @BeforeAll
  void theSharedSession() {
    SparkTestSession.get();
  }

  private static Cli.Run bantin(String command, Path in, Path wh, String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of(command, "--input", in.toString(),
        "--warehouse", wh.toString()));
    args.addAll(List.of(flags));
    return Cli.bantin(args.toArray(String[]::new));
  }

  private static void assertExit(int expected, Cli.Run run) {
    assertEquals(expected, run.code(), () -> "exit code; stdout: " + run.out() + "\nstderr: "
        + run.err());
  }

  /** The summary's line of a file. */
  private static String lineOf(Cli.Run run, String file) {
    return run.out().lines().filter(l -> l.startsWith("  " + file + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + file + " in: " + run.out()));
  }

  private static Set<String> distinct(Path wh, Table table, String column) {
    Warehouse w = Ingests.warehouse(wh);
    Set<String> out = new TreeSet<>();
    if (Ingests.version(w, table) < 0) {
      return out;
    }
    for (Row r : Ingests.read(w, table).select(column).distinct().collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static Set<String> registered(Path wh) {
    return distinct(wh, Table.RAW_INGESTED_FILES, "file_name");
  }

  /** Every table a file's rows could be in: the raw table, the quarantine, both file logs. */
  private static void assertNothingOf(Path wh, String file) {
    assertFalse(registered(wh).contains(file), file + " in raw.ingested_files");
    assertFalse(distinct(wh, Table.CLEANED_LOADED_FILES, "file_name").contains(file),
        file + " in cleaned.loaded_files");
    for (Table t : List.of(Table.RAW_HOSO, Table.RAW_DANHGIA)) {
      assertFalse(distinct(wh, t, "_source_file").contains(file), file + " in " + t);
    }
    assertFalse(distinct(wh, Table.QUARANTINE, "source_file").contains(file),
        file + " in cleaned.quarantine");
  }

  private static List<Object> loadedCounts(Path wh, String file) {
    Row r = Ingests.read(Ingests.warehouse(wh), Table.CLEANED_LOADED_FILES)
        .filter("file_name = '" + file + "'").select("read", "loaded", "quarantined").first();
    return List.of(r.get(0), r.get(1), r.get(2));
  }

  private static long ingestedRecords(Path wh, String file) {
    return Ingests.read(Ingests.warehouse(wh), Table.RAW_INGESTED_FILES)
        .filter("file_name = '" + file + "'").select("records").first().getLong(0);
  }

  @Test
  void emptyFilesAreRefusedUntilAccepted() {
    Path in = tmp.resolve("empty");
    Ingests.write(in, GOOD_FILE, lines(GOOD));
    Ingests.write(in, "hoso_20210502.jsonl", new byte[0]);
    Ingests.write(in, "hoso_20210503.csv", "MaHoSo,TrangThaiHoSo,NgayTiepNhan\n");
    Ingests.write(in, "hoso_20210504.xlsx",
        Ingests.xlsx(new Object[] {"MaHoSo", "TrangThaiHoSo", "NgayTiepNhan"}));
    Ingests.write(in, "hoso_20210505.xlsx", new byte[0]);
    Ingests.write(in, "danhgia_20210501.jsonl", "\n  \n\n");
    List<String> empties = List.of("danhgia_20210501.jsonl", "hoso_20210502.jsonl",
        "hoso_20210503.csv", "hoso_20210504.xlsx", "hoso_20210505.xlsx");
    Path wh = tmp.resolve("wh-empty");

    Cli.Run first = bantin("ingest", in, wh);
    assertExit(Bantin.EXIT_REFUSED_FILE, first);
    assertTrue(first.out().contains("  6 file(s) read now, 0 already ingested, 5 refused"),
        first.out());
    assertTrue(lineOf(first, "hoso_20210502.jsonl")
        .endsWith(" 0          -            -  REFUSED: the file is empty (0 bytes)"),
        lineOf(first, "hoso_20210502.jsonl"));
    assertTrue(lineOf(first, "hoso_20210505.xlsx").endsWith("REFUSED: the file is empty"
        + " (0 bytes)"), first.out());
    assertTrue(lineOf(first, "hoso_20210503.csv").endsWith("REFUSED: the file holds no records"
        + " (a header row only, or nothing but blank lines)"), first.out());
    assertTrue(lineOf(first, "hoso_20210504.xlsx").endsWith("REFUSED: the file holds no"
        + " records (a header row only, or nothing but blank lines)"), first.out());
    assertTrue(lineOf(first, "danhgia_20210501.jsonl").endsWith("REFUSED: the file holds no"
        + " records (blank lines only)"), first.out());
    assertTrue(first.out().contains("    " + String.join(", ", empties)
        + ": pass --accept-empty to take them in as empty extracts"), first.out());
    assertEquals(Set.of(GOOD_FILE), registered(wh));
    empties.forEach(f -> assertNothingOf(wh, f));

    // Not blocked: the next run reads them again, and refuses them again.
    Cli.Run again = bantin("ingest", in, wh);
    assertExit(Bantin.EXIT_REFUSED_FILE, again);
    assertTrue(again.out().contains("  5 file(s) read now, 1 already ingested, 5 refused"),
        again.out());

    Cli.Run accepted = bantin("ingest", in, wh, "--accept-empty");
    assertExit(0, accepted);
    assertTrue(lineOf(accepted, "hoso_20210502.jsonl").endsWith("0          0            0"
        + "  (the file is empty (0 bytes); accepted with --accept-empty)"), accepted.out());
    assertFalse(accepted.out().contains("REFUSED"), accepted.out());
    for (String f : empties) {
      assertEquals(0L, ingestedRecords(wh, f), f);
      assertEquals(List.of(0L, 0L, 0L), loadedCounts(wh, f), f);
    }
    // Registered: not read again.
    Cli.Run after = bantin("ingest", in, wh);
    assertExit(0, after);
    assertTrue(after.out().contains("  0 file(s) read now, 6 already ingested"), after.out());
  }

  private static final String BAD_FILE = "hoso_20210502.jsonl";
  private static final String ALL_BAD = lines(dossier("H-2", "20210405080000", 12),
      dossier("H-3", "20210431080000", 4));

  @Test
  void aFileWhoseRecordsAreAllQuarantinedIsRefusedAndACorrectionUnderTheSameNameIsRead() {
    Path in = tmp.resolve("quarantined");
    Ingests.write(in, GOOD_FILE, lines(GOOD));
    Ingests.write(in, BAD_FILE, ALL_BAD);
    Path wh = tmp.resolve("wh-quarantined");

    Cli.Run refused = bantin("ingest", in, wh, "--accept-empty");
    assertExit(Bantin.EXIT_REFUSED_FILE, refused);
    assertTrue(lineOf(refused, BAD_FILE).endsWith(" 2          0            2  REFUSED: all 2"
        + " record(s) of the file are quarantined (bad_date 1, unknown_code 1); nothing of it"
        + " would be loaded"), refused.out());
    assertTrue(refused.out().contains("    " + BAD_FILE + ": pass --accept-quarantined to take"
        + " it in as extracts whose every record is quarantined"), refused.out());
    assertEquals(Set.of(GOOD_FILE), registered(wh));
    assertNothingOf(wh, BAD_FILE);
    assertEquals(List.of(1L, 1L, 0L), loadedCounts(wh, GOOD_FILE));

    // The corrected export, under the same name.
    Ingests.write(in, BAD_FILE, lines(dossier("H-2", "20210405080000", 2),
        dossier("H-3", "20210430080000", 4)));
    Cli.Run corrected = bantin("ingest", in, wh);
    assertExit(0, corrected);
    assertEquals(Set.of(GOOD_FILE, BAD_FILE), registered(wh));
    assertEquals(List.of(2L, 2L, 0L), loadedCounts(wh, BAD_FILE));
    assertEquals(Set.of("H-1", "H-2", "H-3"), distinct(wh, Table.CLEANED_DOSSIERS,
        "dossier_id"));
  }

  @Test
  void runRefusesBeforeGoldAndAcceptsAllQuarantinedFilesWhenTold() {
    Path in = tmp.resolve("quarantined-run");
    Ingests.write(in, GOOD_FILE, lines(GOOD));
    Ingests.write(in, BAD_FILE, ALL_BAD);
    Path wh = tmp.resolve("wh-quarantined-run");

    Cli.Run refused = bantin("run", in, wh);
    assertExit(Bantin.EXIT_REFUSED_FILE, refused);
    assertTrue(lineOf(refused, BAD_FILE).contains("REFUSED: all 2 record(s)"), refused.out());
    assertFalse(refused.out().contains("Gold:"), "no gold step after a refusal: "
        + refused.out());
    assertNothingOf(wh, BAD_FILE);

    Cli.Run accepted = bantin("run", in, wh, "--accept-quarantined");
    assertExit(0, accepted);
    assertTrue(accepted.out().contains("Gold:"), accepted.out());
    assertEquals(Set.of(GOOD_FILE, BAD_FILE), registered(wh));
    assertEquals(List.of(2L, 0L, 2L), loadedCounts(wh, BAD_FILE));
    assertEquals(Set.of(BAD_FILE), distinct(wh, Table.QUARANTINE, "source_file"));
  }

  /** "Nguyễn Văn An" in windows-1258: ê then a combining tilde, ă. */
  private static final byte[] NAME_1258 = {'N', 'g', 'u', 'y', (byte) 0xEA, (byte) 0xDE, 'n',
      ' ', 'V', (byte) 0xE3, 'n', ' ', 'A', 'n'};

  private static byte[] withName(String id, byte[] name) {
    return concat(utf8("{\"MaHoSo\":\"" + id + "\"," + BASE + ",\"ChuHoSo\":\""), name,
        utf8("\",\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4}\n"));
  }

  @Test
  void aFileNotInUtf8IsAlwaysRefusedWithItsEncodingNamed() {
    Path in = tmp.resolve("encoding");
    Ingests.write(in, GOOD_FILE, lines(GOOD));
    Ingests.write(in, BAD_FILE, concat(withName("H-2", NAME_1258), withName("H-3", NAME_1258)));
    String csv = "MaHoSo,ChuHoSo,TrangThaiHoSo\nH-4,Nguyễn Văn An,4\n";
    Ingests.write(in, "hoso_20210503.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        csv.getBytes(StandardCharsets.UTF_16LE)));
    Path wh = tmp.resolve("wh-encoding");

    Cli.Run refused = bantin("ingest", in, wh, "--accept-empty", "--accept-quarantined");
    assertExit(Bantin.EXIT_REFUSED_FILE, refused);
    assertTrue(lineOf(refused, BAD_FILE).endsWith(" 2          -            -  REFUSED: the"
        + " file is not UTF-8, it is likely windows-1258 (Vietnamese); 2 of its 2 records hold"
        + " bytes that are not UTF-8; export it again as UTF-8"), refused.out());
    assertTrue(lineOf(refused, "hoso_20210503.csv").endsWith(" 0          -            -"
        + "  REFUSED: the file is not UTF-8, it is likely UTF-16LE (it starts with the"
        + " byte-order mark FF FE); export it again as UTF-8"), refused.out());
    assertTrue(refused.out().contains("    " + BAD_FILE + ", hoso_20210503.csv: a file that is"
        + " not UTF-8 is always refused; export it again as UTF-8"), refused.out());
    assertEquals(Set.of(GOOD_FILE), registered(wh));
    assertNothingOf(wh, BAD_FILE);
    assertNothingOf(wh, "hoso_20210503.csv");

    // Exported again as UTF-8, under the same names.
    Ingests.write(in, BAD_FILE, concat(withName("H-2", utf8("Nguyễn Văn An")),
        withName("H-3", utf8("Nguyễn Văn An"))));
    Ingests.write(in, "hoso_20210503.csv", lines(
        "MaHoSo,MaTTHC,MaNoiTiepNhan,KenhThucHien,NgayHenTra,NgayTiepNhan,TrangThaiHoSo",
        "H-4,1.001,000.00.54.H54,1,20210420170000,20210405080000,4"));
    Cli.Run corrected = bantin("ingest", in, wh);
    assertExit(0, corrected);
    assertEquals(Set.of(GOOD_FILE, BAD_FILE, "hoso_20210503.csv"), registered(wh));
    assertEquals(List.of(2L, 2L, 0L), loadedCounts(wh, BAD_FILE));
    assertEquals(List.of(1L, 1L, 0L), loadedCounts(wh, "hoso_20210503.csv"));
  }
}
