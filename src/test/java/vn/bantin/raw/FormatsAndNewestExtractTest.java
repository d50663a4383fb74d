package vn.bantin.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.bantin.Ingests.BOM;
import static vn.bantin.Ingests.concat;
import static vn.bantin.Ingests.counts;
import static vn.bantin.Ingests.gzip;
import static vn.bantin.Ingests.lines;
import static vn.bantin.Ingests.row;
import static vn.bantin.Ingests.rows;
import static vn.bantin.Ingests.sorted;
import static vn.bantin.Ingests.utf8;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.cleaned.DossierShape;
import vn.bantin.pipeline.Pipeline;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * One ingest of a folder holding the same three dossiers in every format of the contract (each
 * set under its own code prefix), and one dossier in two extracts; then a second ingest of a
 * folder holding only an older extract of that dossier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormatsAndNewestExtractTest {
  @TempDir
  static Path tmp;

  /** A date: text in JSON and CSV, an Excel date cell in a workbook. */
  private record Stamp(String text) {}

  /** A nested list: JSON in JSON Lines, its JSON text in CSV and Excel. */
  private record Json(String text) {}

  private static final List<Map<String, Object>> DOSSIERS = List.of(
      dossier("MaHoSo", "1", "MaTTHC", "1.001", "TenTTHC", "Cấp phép xây dựng, \"nhà ở\"",
          "MaLinhVuc", "XD", "TenLinhVuc", "Xây dựng", "MaDonVi", "000.00.12.H54",
          "MaNoiTiepNhan", "000.00.54.H54", "KenhThucHien", 2,
          "NgayNopHoSo", new Stamp("20210404213000"), "NgayTiepNhan", new Stamp("20210405083015"),
          "NgayHenTra", "20210420170000", "TrangThaiHoSo", 5, "HinhThuc", 0,
          "DanhSachHoSoBoSung", new Json("[{\"NgayBoSung\":\"20210407100000\","
              + "\"NgayHenTraTruoc\":\"20210420170000\"}]"),
          "ChuHoSo", "Trần Thị Bình"),
      dossier("MaHoSo", "2", "MaTTHC", "1.002", "TenTTHC", "Đăng ký hộ kinh doanh",
          "MaDonVi", "000.00.13.H54", "MaNoiTiepNhan", "000.00.54.H54", "KenhThucHien", 1,
          "NgayTiepNhan", new Stamp("20210406080000"), "NgayHenTra", "20210416170000",
          "NgayKetThucXuLy", new Stamp("20210415160000"), "NgayTra", "20210416090000",
          "TrangThaiHoSo", 10, "LoaiKetQua", "", "HinhThuc", 1,
          "DanhSachHoSoBoSung", new Json("[]")),
      dossier("MaHoSo", "3", "TenTTHC", "  Thủ tục có khoảng trắng  ", "KenhThucHien", 3,
          "NgayNopHoSo", "20210407090000", "NgayTuChoi", "20210408100000",
          "TrangThaiHoSo", 3));

  private static Map<String, Object> dossier(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static String code(String prefix, Object id) {
    return prefix + "-" + id;
  }

  private static String jsonLines(String prefix) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> d : DOSSIERS) {
      out.append(d.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + json(
          e.getKey().equals("MaHoSo") ? code(prefix, e.getValue()) : e.getValue()))
          .collect(Collectors.joining(",", "{", "}\n")));
    }
    return out.toString();
  }

  private static String json(Object v) {
    if (v instanceof Integer i) {
      return i.toString();
    }
    if (v instanceof Json j) {
      return j.text();
    }
    String s = v instanceof Stamp st ? st.text() : (String) v;
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<String> header() {
    Set<String> names = new LinkedHashSet<>();
    DOSSIERS.forEach(d -> names.addAll(d.keySet()));
    return new ArrayList<>(names);
  }

  private static String csv(String prefix, String newline) {
    StringBuilder out = new StringBuilder(String.join(",", header())).append(newline);
    for (Map<String, Object> d : DOSSIERS) {
      List<String> cells = new ArrayList<>();
      for (String h : header()) {
        Object v = h.equals("MaHoSo") ? code(prefix, d.get(h)) : d.get(h);
        String text = v == null ? "" : v instanceof Stamp s ? s.text()
            : v instanceof Json j ? j.text() : v.toString();
        cells.add(text.matches(".*[\",\\s].*") || text.startsWith(" ")
            ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
      }
      out.append(String.join(",", cells)).append(newline);
    }
    return out.toString();
  }

  private static byte[] workbook(String prefix) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(header().toArray());
    for (Map<String, Object> d : DOSSIERS) {
      List<Object> cells = new ArrayList<>();
      for (String h : header()) {
        Object v = h.equals("MaHoSo") ? code(prefix, d.get(h)) : d.get(h);
        cells.add(v == null ? null
            : v instanceof Integer i ? Double.valueOf(i)
            : v instanceof Stamp s ? LocalDateTime.parse(s.text(),
                java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss"))
            : v instanceof Json j ? j.text() : v);
      }
      rows.add(cells.toArray());
    }
    return Ingests.xlsx(rows.toArray(Object[][]::new));
  }

  private static final Map<String, String> FILES = new TreeMap<>(Map.of(
      "J", "hoso_20210421.jsonl", "N", "hoso_20210422.json", "C", "hoso_20210423.csv",
      "G", "hoso_20210424.csv.gz", "Z", "hoso_20210425.jsonl.gz", "X", "hoso_20210426.xlsx"));

  private Warehouse wh;
  private Pipeline.Report first;

  @BeforeAll
  void ingestEveryFormatAndTwoExtractsOfOneDossier() {
    Path in = tmp.resolve("in");
    // The newer extract is written first, so the folder does not list them in time order.
    Ingests.write(in, "hoso_20210601.csv", lines(
        "MaHoSo,TrangThaiHoSo,NgayTiepNhan,NgayKetThucXuLy,NgayHenTra",
        "H-NEW,9,20210405080000,20210520100000,20210525170000"));
    Ingests.write(in, "hoso_20210501.jsonl", lines(
        "{\"MaHoSo\":\"H-NEW\",\"TrangThaiHoSo\":4,\"NgayTiepNhan\":\"20210405080000\","
            + "\"NgayHenTra\":\"20210525170000\"}"));
    Ingests.write(in, FILES.get("J"), jsonLines("J"));
    Ingests.write(in, FILES.get("N"), jsonLines("N"));
    Ingests.write(in, FILES.get("C"), concat(BOM, utf8(csv("C", "\r\n"))));
    Ingests.write(in, FILES.get("G"), gzip(utf8(csv("G", "\n"))));
    Ingests.write(in, FILES.get("Z"), gzip(utf8(jsonLines("Z"))));
    Ingests.write(in, FILES.get("X"), workbook("X"));
    wh = Ingests.warehouse(tmp.resolve("wh"));
    first = Ingests.ingest(wh, in);
  }

  private static final String[] TYPED = DossierShape.SCHEMA.fieldNames();

  /** The typed columns of the cleaned dossiers of one prefix, the prefix cut from the code. */
  private List<List<Object>> dossiersOf(String prefix) {
    List<String> cols = new ArrayList<>();
    cols.add("substring(dossier_id, 3) AS id");
    for (String c : TYPED) {
      if (!c.equals(DossierShape.DOSSIER_ID)) {
        cols.add(c.equals(DossierShape.SUPPLEMENTS) ? "to_json(" + c + ") AS " + c : c);
      }
    }
    return rows(Ingests.read(wh, Table.CLEANED_DOSSIERS)
        .filter("dossier_id LIKE '" + prefix + "-%'"), cols.toArray(String[]::new));
  }

  @Test
  @Order(1)
  void everyFormatGivesTheSameCleanedRows() {
    LocalDateTime t = null;
    // id, procedure, name, sector, sector name, department, publisher, channel, delivery,
    // status, result type, submitted, accepted, due, ended, handed over, refused, supplements
    List<List<Object>> expected = sorted(
        row("1", "1.001", "Cấp phép xây dựng, \"nhà ở\"", "XD", "Xây dựng", "000.00.12.H54",
            "000.00.54.H54", 2, 0, 5, null, at("20210404213000"), at("20210405083015"),
            at("20210420170000"), t, t, t,
            "[{\"seq\":1,\"requested_at\":\"2021-04-07T10:00:00.000\","
                + "\"due_before_at\":\"2021-04-20T17:00:00.000\"}]"),
        row("2", "1.002", "Đăng ký hộ kinh doanh", null, null, "000.00.13.H54",
            "000.00.54.H54", 1, 1, 10, null, t, at("20210406080000"), at("20210416170000"),
            at("20210415160000"), at("20210416090000"), t, "[]"),
        row("3", null, "Thủ tục có khoảng trắng", null, null, null, null, 3, null, 3, null,
            at("20210407090000"), t, t, t, t, at("20210408100000"), "[]"));
    for (String prefix : FILES.keySet()) {
      assertEquals(expected, dossiersOf(prefix), FILES.get(prefix));
      assertEquals(List.of(3L, 3L, 0L), counts(first, FILES.get(prefix)));
    }
    assertEquals(List.of(), first.notReconciled());
    assertEquals(Map.of(), first.quarantineByReason());
  }

  private static LocalDateTime at(String stamp) {
    return LocalDateTime.parse(stamp,
        java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
  }

  @Test
  @Order(2)
  void theNewestExtractHoldingADossierWins() {
    assertEquals(List.of(row("H-NEW", 9, at("20210520100000"), "hoso_20210601.csv", 2L)),
        newDossier());
    assertEquals(List.of(1L, 1L, 0L), counts(first, "hoso_20210501.jsonl"));
    assertEquals(List.of(1L, 1L, 0L), counts(first, "hoso_20210601.csv"));
    // Files are read in extract-time order, whatever order the folder lists them in.
    assertEquals(List.of(FILES.get("J"), FILES.get("N"), FILES.get("C"), FILES.get("G"),
        FILES.get("Z"), FILES.get("X"), "hoso_20210501.jsonl", "hoso_20210601.csv"),
        first.raw().ingested());
  }

  @Test
  @Order(3)
  void anOlderExtractIngestedLaterDoesNotReplaceTheNewerState() {
    Path older = tmp.resolve("older");
    Ingests.write(older, "hoso_20210410.jsonl", lines(
        "{\"MaHoSo\":\"H-NEW\",\"TrangThaiHoSo\":2,\"NgayTiepNhan\":\"20210405080000\"}",
        "{\"MaHoSo\":\"H-APRIL\",\"TrangThaiHoSo\":2,\"NgayTiepNhan\":\"20210402080000\"}"));

    Pipeline.Report later = Ingests.ingest(wh, older);

    assertEquals(List.of("hoso_20210410.jsonl"), later.raw().ingested());
    assertEquals(List.of(2L, 2L, 0L), counts(later, "hoso_20210410.jsonl"));
    assertEquals(List.of(row("H-NEW", 9, at("20210520100000"), "hoso_20210601.csv", 2L)),
        newDossier());
    assertEquals(List.of(row("H-APRIL", 2, null, "hoso_20210410.jsonl", 2L)),
        rows(Ingests.read(wh, Table.CLEANED_DOSSIERS).filter("dossier_id = 'H-APRIL'"),
            "dossier_id", "status", "ended_at", "_source_file", "_source_line"));
    assertEquals(3L * FILES.size() + 2, Ingests.read(wh, Table.CLEANED_DOSSIERS).count());
    assertEquals(List.of(), later.notReconciled());
  }

  private List<List<Object>> newDossier() {
    return rows(Ingests.read(wh, Table.CLEANED_DOSSIERS).filter("dossier_id = 'H-NEW'"),
        "dossier_id", "status", "ended_at", "_source_file", "_source_line");
  }
}
