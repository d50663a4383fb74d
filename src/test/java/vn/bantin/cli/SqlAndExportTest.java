package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.query.NamedTables;
import vn.bantin.query.TextColumns;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * {@code sql} and {@code export} against what the tables hold, on a warehouse whose
 * cleaned.dossiers was merged by a second ingest (April's extract, then May's, which updates
 * April's dossiers): the table's folder then holds the files of both versions, and only a read
 * through Delta gives the current rows. Each check is also made against that naive folder
 * read, so a command that read the folder would fail it.
 */
class SqlAndExportTest {
  @TempDir
  static Path tmp;

  static Warehouse warehouse;
  static TableStore store;

  @BeforeAll
  static void ingestTwiceSoTheDossiersAreMerged() throws IOException {
    Path folder = tmp.resolve("in");
    Files.createDirectories(folder);
    warehouse = Ingests.warehouse(tmp.resolve("wh"));
    for (List<String> batch : List.of(
        List.of("thutuc_20210228.xlsx", "hoso_20210401013000.jsonl.gz"),
        List.of("hoso_20210501013000.csv.gz"))) {
      for (String f : batch) {
        Files.copy(Path.of("data-samples", f), folder.resolve(f));
      }
      Ingests.ingest(warehouse, folder);
    }
    store = new TableStore(SparkTestSession.get(), warehouse);
    assertTrue(store.version(Table.CLEANED_DOSSIERS) >= 2, "the dossiers were merged");
    // The premise of every test below: the folder read differs from the table.
    assertNotEquals(naiveFolderRead(Table.CLEANED_DOSSIERS).count(),
        store.read(Table.CLEANED_DOSSIERS).count());
  }

  /** What a reader of the table's folder as plain Parquet gets: every version's files. */
  static Dataset<Row> naiveFolderRead(Table table) {
    return SparkTestSession.get().read().parquet(store.location(table));
  }

  static List<List<String>> textRows(Dataset<Row> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : TextColumns.of(rows).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        // CSV has no null: an empty field stands for both.
        values.add(r.isNullAt(i) ? "" : r.getString(i));
      }
      out.add(values);
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  static List<List<String>> csvRows(Reader csv, List<String> header) throws IOException {
    List<List<String>> out = new ArrayList<>();
    var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(csv);
    assertEquals(header, records.getHeaderNames());
    for (CSVRecord r : records) {
      out.add(r.toList());
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  @Test
  void sqlReturnsTheTablesCurrentRows() throws IOException {
    Dataset<Row> table = store.read(Table.CLEANED_DOSSIERS);
    Cli.Run r = Cli.bantin("sql", "--warehouse", warehouse.root(), "--format", "csv",
        "SELECT * FROM cleaned.dossiers");
    assertEquals(0, r.code(), r.err());
    List<List<String>> printed = csvRows(new StringReader(r.out()), List.of(table.columns()));
    assertEquals(textRows(table), printed);
    assertNotEquals(naiveFolderRead(Table.CLEANED_DOSSIERS).count(), printed.size());
  }

  @Test
  void sqlCountsAndTableFormatAgreeWithTheTable() {
    long quarantined = store.read(Table.QUARANTINE).count();
    Cli.Run r = Cli.bantin("sql", "--warehouse", warehouse.root(),
        "SELECT count(*) AS n FROM cleaned.quarantine;");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("n", lines.get(0).strip());
    assertEquals(String.valueOf(quarantined), lines.get(2).strip());
    assertEquals("(1 row)", lines.get(3));
  }

  @Test
  void jsonPrintsOneObjectPerRowWithEveryColumn() {
    Cli.Run r = Cli.bantin("sql", "--warehouse", warehouse.root(), "--format", "json",
        "SELECT dossier_id, supplements FROM cleaned.dossiers");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(store.read(Table.CLEANED_DOSSIERS).count(), lines.size());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"dossier_id\":\"")
        && l.contains("\"supplements\":")), lines.get(0));
  }

  @Test
  void exportCsvIsTheCurrentSnapshotAfterTheMerge() throws IOException {
    Path out = tmp.resolve("csv");
    Cli.Run r = Cli.bantin("export", "--warehouse", warehouse.root(), "--table",
        "cleaned.dossiers", "--format", "csv", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Path file = out.resolve("cleaned.dossiers.csv");
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
        List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 with a byte-order mark, for Excel");
    Dataset<Row> table = store.read(Table.CLEANED_DOSSIERS);
    List<List<String>> exported = csvRows(new StringReader(
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)),
        List.of(table.columns()));
    assertEquals(textRows(table), exported);
    assertNotEquals(naiveFolderRead(Table.CLEANED_DOSSIERS).count(), exported.size());
    try (var files = Files.list(out)) {
      assertEquals(List.of(file), files.toList(), "one file, no partial file left");
    }
    assertTrue(r.out().contains(exported.size() + " rows"), r.out());
  }

  @Test
  void exportParquetIsTheCurrentSnapshotAfterTheMerge() {
    Path out = tmp.resolve("parquet");
    Cli.Run r = Cli.bantin("export", "--warehouse", warehouse.root(), "--table",
        "cleaned.dossiers", "--format", "parquet", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Dataset<Row> exported = SparkTestSession.get().read()
        .parquet(out.resolve("cleaned.dossiers").toString());
    Dataset<Row> table = store.read(Table.CLEANED_DOSSIERS);
    assertEquals(table.count(), exported.count());
    assertEquals(0, exported.exceptAll(table).count());
    assertEquals(0, table.exceptAll(exported).count());
    assertNotEquals(naiveFolderRead(Table.CLEANED_DOSSIERS).count(), exported.count());
    // A second export into the same place is refused rather than mixed with the first.
    Cli.Run again = Cli.bantin("export", "--warehouse", warehouse.root(), "--table",
        "cleaned.dossiers", "--format", "parquet", "--out", out.toString());
    assertEquals(2, again.code());
    assertEquals(List.of("bantin: Cannot export cleaned.dossiers: "
        + out.resolve("cleaned.dossiers").toAbsolutePath()
        + " exists; remove it or choose another --out"), again.errLines());
  }

  @Test
  void rawTablesAreRefusedWithoutTheFlag() {
    String why = "raw.hoso is a raw table and holds personal data (names, phone numbers): it"
        + " is available only with --include-raw";
    Cli.Run sql = Cli.bantin("sql", "--warehouse", warehouse.root(),
        "SELECT ChuHoSo FROM raw.hoso");
    assertEquals(2, sql.code());
    assertEquals(List.of("bantin: Cannot run the query: " + why), sql.errLines());
    assertEquals("", sql.out());
    Cli.Run export = Cli.bantin("export", "--warehouse", warehouse.root(), "--table",
        "raw.hoso", "--format", "csv", "--out", tmp.resolve("raw").toString());
    assertEquals(2, export.code());
    assertEquals(List.of("bantin: Cannot export raw.hoso: " + why), export.errLines());
    assertTrue(Files.notExists(tmp.resolve("raw")));
    // Nor by path, around the names.
    Cli.Run path = Cli.bantin("sql", "--warehouse", warehouse.root(),
        "SELECT count(*) FROM delta.`" + store.location(Table.RAW_HOSO) + "`");
    assertEquals(2, path.code());
    assertTrue(path.err().startsWith("bantin: Cannot run the query: tables are read by name"),
        path.err());
  }

  @Test
  void rawTablesAreThereWithTheFlag() {
    Cli.Run r = Cli.bantin("sql", "--warehouse", warehouse.root(), "--include-raw",
        "--format", "csv", "SELECT count(*) AS n FROM raw.hoso");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("n", String.valueOf(store.read(Table.RAW_HOSO).count())),
        r.out().lines().toList());
  }

  @Test
  void aBadQueryIsOneLineWithSparksReason() {
    Cli.Run syntax = Cli.bantin("sql", "--warehouse", warehouse.root(), "SELEC 1");
    assertEquals(2, syntax.code());
    assertEquals(1, syntax.errLines().size(), syntax.err());
    assertTrue(syntax.err().startsWith("bantin: Cannot run the query: [PARSE_SYNTAX_ERROR]"),
        syntax.err());
    Cli.Run column = Cli.bantin("sql", "--warehouse", warehouse.root(),
        "SELECT no_such_column FROM cleaned.dossiers");
    assertEquals(2, column.code());
    assertEquals(1, column.errLines().size(), column.err());
    assertTrue(column.err().startsWith(
        "bantin: Cannot run the query: [UNRESOLVED_COLUMN.WITH_SUGGESTION]"), column.err());
    // An error of execution, not of analysis: ANSI mode refuses the cast while rows are read.
    Cli.Run cast = Cli.bantin("sql", "--warehouse", warehouse.root(),
        "SELECT CAST(dossier_id AS INT) FROM cleaned.dossiers");
    assertEquals(2, cast.code(), cast.out());
    assertEquals(1, cast.errLines().size(), cast.err());
    assertTrue(cast.err().startsWith("bantin: Cannot run the query: [CAST_INVALID_INPUT]"),
        cast.err());
  }

  @Test
  void namingTheTablesWritesNothingToThem() {
    Map<Table, Long> before = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      before.put(t, store.version(t));
    }
    NamedTables names = NamedTables.register(SparkTestSession.get(), warehouse, true);
    assertTrue(names.names().contains("raw.hoso") && names.names().contains("cleaned.dossiers"));
    for (Table t : Table.values()) {
      assertEquals(before.get(t), store.version(t), t.qualifiedName());
    }
    // Named again without raw, the raw names are gone from the session.
    NamedTables.register(SparkTestSession.get(), warehouse, false);
    assertTrue(!SparkTestSession.get().catalog().tableExists("raw.hoso"));
  }
}
