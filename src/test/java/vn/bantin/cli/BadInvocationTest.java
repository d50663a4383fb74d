package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.Ingests.gzip;
import static vn.bantin.Ingests.lines;
import static vn.bantin.Ingests.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * {@code bantin ingest} on input it cannot take: exit code 2, one line on stderr naming the
 * folder or file and the reason, no stack trace, and no table written. A file whose content
 * cannot be read (a cut gzip, a workbook that is not one) is refused on its own: the run names
 * it in its summary, ingests the other files and exits 5, and the file is not registered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInvocationTest {
  @TempDir
  static Path tmp;

  // Received before the extract of hoso_20210401.jsonl was taken, so it is loaded: a file whose
  // records are all quarantined would be refused as a whole (WholeFileProblemsTest).
  private static final String GOOD_RECORD =
      "{\"MaHoSo\":\"H-1\",\"TrangThaiHoSo\":2,\"NgayTiepNhan\":\"20210331080000\"}";
  private static final String NAME_RULE = "the name is not <kind>_<yyyyMMdd[HHmmss]>."
      + "<jsonl|json|csv|xlsx>[.gz] with kind one of hoso, danhgia, thutuc, donvi";

  @BeforeAll
  void theSharedSession() {
    // The command builds its session with Sessions.getOrCreate, which returns this one.
    SparkTestSession.get();
  }

  /** Runs ingest; asserts exit code 2 and one stderr line, and returns that line. */
  private static String failingIngest(Path input, Path warehouse) {
    Cli.Run run = Cli.bantin("ingest", "--input", input.toString(), "--warehouse",
        warehouse.toString());
    assertEquals(2, run.code(), () -> "exit code; stdout: " + run.out() + " stderr: " + run.err());
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), () -> "stderr: " + run.err());
    assertFalse(lines.stream().anyMatch(l -> l.matches("\\s+at .*")), run.err());
    assertTrue(lines.get(0).startsWith("bantin: Cannot "), lines.get(0));
    return lines.get(0);
  }

  /**
   * A folder holding the good extract of {@link #aGoodIngestThroughTheCommandLine}, a new good
   * one, and the given bad file.
   */
  private static Path folderWith(String name, String badName, byte[] badContent) {
    Path dir = tmp.resolve(name);
    Ingests.write(dir, "hoso_20210401.jsonl", lines(GOOD_RECORD));
    Ingests.write(dir, "hoso_20210402.jsonl", lines(GOOD_RECORD.replace("H-1", "H-2")));
    Ingests.write(dir, badName, badContent);
    return dir;
  }

  private static void assertNoWarehouse(Path warehouse) {
    assertFalse(Files.exists(warehouse), "nothing may be written, yet " + warehouse + " exists");
    assertEquals(-1, Ingests.version(Ingests.warehouse(warehouse), Table.RAW_HOSO));
  }

  private static byte[] truncatedGzip() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append(GOOD_RECORD.replace("H-1", "H-" + (1000 + i))).append('\n');
    }
    byte[] whole = gzip(utf8(many.toString()));
    return Arrays.copyOf(whole, whole.length / 2);
  }

  @Test
  @Order(1)
  void aMissingFolder() {
    Path missing = tmp.resolve("no-such-folder");
    Path wh = tmp.resolve("wh-missing");
    assertEquals("bantin: Cannot ingest " + missing + ": no such folder",
        failingIngest(missing, wh));
    assertNoWarehouse(wh);
  }

  @Test
  @Order(2)
  void aFileInsteadOfAFolder() {
    Path file = Ingests.write(tmp.resolve("a-file"), "hoso_20210401.jsonl", lines(GOOD_RECORD));
    Path wh = tmp.resolve("wh-file");
    assertEquals("bantin: Cannot ingest " + file + ": it is a file, not a folder",
        failingIngest(file, wh));
    assertNoWarehouse(wh);
  }

  @Test
  @Order(3)
  void anEmptyFolder() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    // Hidden files and sub-folders are not extracts.
    Ingests.write(empty, ".DS_Store", "x");
    Files.createDirectories(empty.resolve("archive"));
    Path wh = tmp.resolve("wh-empty");
    assertEquals("bantin: Cannot ingest " + empty + ": the folder holds no extract files"
        + " (expected names like hoso_20210501.jsonl)", failingIngest(empty, wh));
    assertNoWarehouse(wh);
  }

  @Test
  @Order(4)
  void filesNotNamedLikeExtracts() {
    for (String name : List.of("hoso.csv", "notes.txt")) {
      Path dir = folderWith("named-" + name, name, utf8("MaHoSo\nH-2\n"));
      Path wh = tmp.resolve("wh-named-" + name);
      assertEquals("bantin: Cannot read " + name + ": " + NAME_RULE, failingIngest(dir, wh));
      assertNoWarehouse(wh);
    }
  }

  /**
   * Runs ingest on a folder with a file that cannot be read: exit 5, the file's summary line
   * says why, no stack trace; the file is not registered and none of its rows is kept.
   */
  private static Cli.Run refusingIngest(Path input, Path warehouse, String file, String reason) {
    Cli.Run run = Cli.bantin("ingest", "--input", input.toString(), "--warehouse",
        warehouse.toString());
    assertEquals(5, run.code(), () -> "exit code; stdout: " + run.out() + " stderr: " + run.err());
    assertFalse(run.err().lines().anyMatch(l -> l.matches("\\s+at .*|.*Exception.*")),
        run.err());
    String line = run.out().lines().filter(l -> l.startsWith("  " + file + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + file + ": " + run.out()));
    assertTrue(line.contains("REFUSED: the file cannot be read: " + reason), line);
    assertTrue(run.out().contains("    " + file + ": a file that cannot be read is always"
        + " refused; copy it again (a transfer may have been cut) or export it again"),
        run.out());
    Warehouse wh = Ingests.warehouse(warehouse);
    assertEquals(0, Ingests.read(wh, Table.RAW_INGESTED_FILES)
        .filter("file_name = '" + file + "'").count(), file + " is registered");
    if (Ingests.version(wh, Table.RAW_HOSO) >= 0) {
      assertEquals(0, Ingests.read(wh, Table.RAW_HOSO).filter("_source_file = '" + file + "'")
          .count(), "rows of " + file + " are kept");
    }
    return run;
  }

  @Test
  @Order(5)
  void aTruncatedGzipInAFreshWarehouse() {
    Path dir = folderWith("truncated", "hoso_20210501.jsonl.gz", truncatedGzip());
    Path wh = tmp.resolve("wh-truncated");
    Cli.Run run = refusingIngest(dir, wh, "hoso_20210501.jsonl.gz",
        "the gzip stream is truncated or corrupt");
    assertTrue(run.out().contains("  3 file(s) read now, 0 already ingested, 1 refused"),
        run.out());
    assertEquals(2, Ingests.read(Ingests.warehouse(wh), Table.RAW_INGESTED_FILES).count());
  }

  private static final Path GOOD_WAREHOUSE = Path.of("wh-good");
  private final Map<Table, Long> versions = new EnumMap<>(Table.class);

  private static final List<Table> RAW_AND_CLEANED = List.of(Table.RAW_HOSO,
      Table.RAW_INGESTED_FILES, Table.CLEANED_DOSSIERS, Table.QUARANTINE);

  private Map<Table, Long> versionsOf(Warehouse wh) {
    Map<Table, Long> v = new EnumMap<>(Table.class);
    for (Table t : RAW_AND_CLEANED) {
      v.put(t, Ingests.version(wh, t));
    }
    return v;
  }

  @Test
  @Order(6)
  void aGoodIngestThroughTheCommandLine() {
    Path good = tmp.resolve("good");
    Ingests.write(good, "hoso_20210401.jsonl", lines(GOOD_RECORD));
    Path wh = tmp.resolve(GOOD_WAREHOUSE);
    Cli.Run run = Cli.bantin("ingest", "--input", good.toString(), "--warehouse", wh.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains(
        "  every record is loaded or quarantined: read = loaded + quarantined\n"), run.out());
    assertTrue(run.out().contains("  1 file(s) read now, 0 already ingested\n"), run.out());
    versions.putAll(versionsOf(Ingests.warehouse(wh)));
    for (Table t : RAW_AND_CLEANED) {
      assertTrue(versions.get(t) >= 0, t.qualifiedName());
    }
  }

  /**
   * A folder with a file that cannot be read against the warehouse of the good ingest: the file
   * is refused, the new good file is ingested.
   */
  private void refusedBesideAGoodFile(Path dir, String file, String reason) {
    Path wh = tmp.resolve(GOOD_WAREHOUSE);
    refusingIngest(dir, wh, file, reason);
    assertEquals(List.of("hoso_20210401.jsonl", "hoso_20210402.jsonl"),
        Ingests.read(Ingests.warehouse(wh), Table.RAW_INGESTED_FILES).select("file_name")
            .orderBy("file_name").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  /** A bad folder against the warehouse of the good ingest: nothing in it changes. */
  private void failsLeavingTheWarehouseAsItWas(Path dir, String expectedLine) {
    Path wh = tmp.resolve(GOOD_WAREHOUSE);
    Map<Table, Long> before = versionsOf(Ingests.warehouse(wh));
    assertEquals(expectedLine, failingIngest(dir, wh));
    assertEquals(before, versionsOf(Ingests.warehouse(wh)));
  }

  @Test
  @Order(7)
  void aTruncatedGzipAfterAGoodIngest() {
    refusedBesideAGoodFile(
        folderWith("truncated-2", "hoso_20210501.jsonl.gz", truncatedGzip()),
        "hoso_20210501.jsonl.gz", "the gzip stream is truncated or corrupt");
  }

  @Test
  @Order(8)
  void aGzFileThatIsNotGzip() {
    refusedBesideAGoodFile(
        folderWith("not-gzip", "hoso_20210501.csv.gz", utf8("MaHoSo\nH-2\n")),
        "hoso_20210501.csv.gz", "the file is not gzip-compressed although its name ends in .gz");
  }

  @Test
  @Order(9)
  void anXlsxThatIsNotAWorkbook() {
    refusedBesideAGoodFile(
        folderWith("not-xlsx", "hoso_20210501.xlsx", utf8("MaHoSo\nH-2\n")),
        "hoso_20210501.xlsx", "it is not an Excel .xlsx workbook");
  }

  @Test
  @Order(10)
  void aBadNameAfterAGoodIngest() {
    failsLeavingTheWarehouseAsItWas(folderWith("named-again", "notes.txt", utf8("hello")),
        "bantin: Cannot read notes.txt: " + NAME_RULE);
  }

  @Test
  @Order(11)
  void anIngestedExtractThatChangedUnderItsName() {
    Path dir = tmp.resolve("rewritten");
    Ingests.write(dir, "hoso_20210401.jsonl", lines(GOOD_RECORD,
        GOOD_RECORD.replace("H-1", "H-2")));
    Path wh = tmp.resolve(GOOD_WAREHOUSE);
    Map<Table, Long> before = versionsOf(Ingests.warehouse(wh));
    String line = failingIngest(dir, wh);
    assertTrue(line.matches("bantin: Cannot ingest hoso_20210401\\.jsonl: a file of this name was"
        + " ingested in run \\S+ with other content \\(\\d+ bytes then, \\d+ now\\); an extract is"
        + " never rewritten, export the correction as a new extract with a later timestamp"),
        line);
    assertEquals(before, versionsOf(Ingests.warehouse(wh)));
  }

  @Test
  void runShowsAnArticleOnlyOfOnePublisherWithAnArticleTemplateAndSaysSoBeforeItRuns() {
    Path warehouse = tmp.resolve("article-warehouse");
    Cli.Run noPublisher = Cli.bantin("run", "--input", "data-samples", "--warehouse",
        warehouse.toString(), "--show-period", "2021-04", "--show-format", "article");
    assertEquals(2, noPublisher.code(), noPublisher.out());
    assertEquals("bantin: Cannot show the article: give --show-publisher, the publisher whose"
        + " article it is\n", noPublisher.err());
    Cli.Run noTemplate = Cli.bantin("run", "--input", "data-samples", "--warehouse",
        warehouse.toString(), "--show-period", "2021-04", "--show-format", "article",
        "--show-publisher", "000.00.31.H54");
    assertEquals(2, noTemplate.code(), noTemplate.out());
    assertEquals("bantin: Cannot render the article of 000.00.31.H54: no article template is"
        + " configured for this publisher (its entry in the publisher settings has no"
        + " \"article_template\"); use --format md or html\n", noTemplate.err());
    assertFalse(Files.exists(warehouse), "nothing ran");
  }
}
