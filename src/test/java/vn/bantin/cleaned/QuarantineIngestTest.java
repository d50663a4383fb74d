package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.bantin.Ingests.concat;
import static vn.bantin.Ingests.counts;
import static vn.bantin.Ingests.lines;
import static vn.bantin.Ingests.row;
import static vn.bantin.Ingests.rows;
import static vn.bantin.Ingests.sorted;
import static vn.bantin.Ingests.utf8;

import static org.junit.jupiter.api.Assertions.assertFalse;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.bantin.registry.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.pipeline.Pipeline;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * Every way a record breaks the contract, through Spark: one ingest of a folder holding one bad
 * record of each kind, and the quarantine table, the per-file counts and the cleaned tables it
 * leaves; that no personal data leaves the raw layer; and that ingesting the folder again
 * changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarantineIngestTest {
  @TempDir
  static Path tmp;

  /** The test applicant: none of this may leave the raw layer. */
  static final String NAME = "Nguyễn Văn An";
  static final String PHONE = "0912345678";
  static final String EMAIL = "an.nguyen@example.vn";
  static final String ID_NUMBER = "034090001234";
  static final String ADDRESS = "Số 5 Lê Lợi, Thái Bình";
  static final String SUMMARY = "Xin cấp phép xây nhà ở riêng lẻ";
  static final List<String> PERSONAL_VALUES =
      List.of(NAME, "Nguyễn", PHONE, EMAIL, ID_NUMBER, ADDRESS, SUMMARY);

  private static final String APPLICANT = "\"ChuHoSo\":\"" + NAME + "\",\"SoGiayToChuHoSo\":\""
      + ID_NUMBER + "\",\"SoDienThoai\":\"" + PHONE + "\",\"Email\":\"" + EMAIL
      + "\",\"DiaChi\":\"" + ADDRESS + "\",\"DinhDanhCHS\":\"" + ID_NUMBER
      + "\",\"TrichYeuHoSo\":\"" + SUMMARY + "\"";
  private static final String BASE = "\"MaTTHC\":\"1.001\",\"MaNoiTiepNhan\":\"000.00.54.H54\","
      + "\"KenhThucHien\":1,\"NgayHenTra\":\"20210420170000\"," + APPLICANT;

  private static String dossier(String id, String fields) {
    return "{" + (id == null ? "" : "\"MaHoSo\":\"" + id + "\",") + BASE + "," + fields + "}";
  }

  private Path in;
  private Warehouse wh;
  private Pipeline.Report report;

  @BeforeAll
  void ingestOneFolderWithABadRecordOfEachKind() {
    in = tmp.resolve("in");
    byte[] hoso = concat(utf8(lines(
        /* 1 */ dossier("H-OK", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        /* 2 */ "",
        /* 3 */ dossier("H-BADDATE", "\"NgayTiepNhan\":\"20210431080000\",\"TrangThaiHoSo\":4"),
        /* 4 */ dossier("H-STATUS", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":12"),
        /* 5 */ dossier(null, "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        /* 6 */ dossier("H-AFTER", "\"NgayTiepNhan\":\"20210410080000\","
            + "\"NgayKetThucXuLy\":\"20210405080000\",\"TrangThaiHoSo\":9"),
        /* 7 */ dossier("H-NOEND", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":9"),
        /* 8 */ dossier("H-SUPP", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":5,"
            + "\"DanhSachHoSoBoSung\":[{\"NgayTiepNhanBoSung\":\"20210408080000\"}]"),
        /* 9 */ dossier("H-CONFLICT", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":2"),
        /* 10 */ dossier("H-CONFLICT", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        // Identical content: a number and its text are the same value.
        /* 11 */ dossier("H-SAME", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        /* 12 */ dossier("H-SAME", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":\"4\""))),
        // 13: a byte that is not UTF-8 inside a value; the line still parses.
        utf8("{\"MaHoSo\":\"H-BYTES\",\"TenTTHC\":\"C"), new byte[] {(byte) 0xFF},
        utf8("p\",\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4}\n"),
        // 14: cut short.
        utf8("{\"MaHoSo\":\"H-BROKEN\",\"TrangThaiHoSo\":4,\n"),
        // 15: the applicant's name without quotes.
        utf8("{\"MaHoSo\":\"H-BARE\",\"TrangThaiHoSo\":4,\"ChuHoSo\":" + NAME + "}\n"));
    Ingests.write(in, "hoso_20210501.jsonl", hoso);
    Ingests.write(in, "hoso_20210502.csv", lines(
        "MaHoSo,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,ChuHoSo,SoDienThoai",
        "H-CSV,4,20210406080000,20210420170000," + NAME + "," + PHONE,
        "H-WIDE,4,20210406080000,20210420170000," + NAME + "," + PHONE + ",oops"));
    Ingests.write(in, "danhgia_20210501.jsonl", lines(
        "{\"MaPhieu\":\"P-OK\",\"NgayDanhGia\":\"20210405090000\",\"MaNoiTiepNhan\":"
            + "\"000.00.54.H54\",\"MaHoSo\":\"H-OK\",\"ThaiDo\":1,\"HaiLong\":2}",
        "{\"MaPhieu\":\"P-THAIDO\",\"NgayDanhGia\":\"20210405090000\",\"ThaiDo\":5,\"HaiLong\":1}",
        "{\"MaPhieu\":\"P-NOHAILONG\",\"NgayDanhGia\":\"20210405090000\",\"ThaiDo\":1}"));
    Ingests.write(in, "thutuc_20210501.csv", lines(
        "MaTTHC,TenTTHC,MucDo,NamTaiCho,HieuLucTu,HieuLucDen",
        "1.001,Cấp giấy phép xây dựng,3,1,20200101,",
        "1.002,\"Đăng ký, hộ kinh doanh\",4,0,20210601,20210501"));
    Ingests.write(in, "donvi_20210501.jsonl", lines(
        "{\"MaDonVi\":\"000.00.54.H54\",\"TenDonVi\":\"Trung tâm Phục vụ hành chính công\","
            + "\"CapDonVi\":1,\"HieuLucTu\":\"20200101\"}"));
    wh = Ingests.warehouse(tmp.resolve("wh"));
    report = Ingests.ingest(wh, in);
  }

  private static final List<List<Object>> EXPECTED_QUARANTINE = sorted(
      row("hoso", "hoso_20210501.jsonl", 3L, "H-BADDATE", "NgayTiepNhan", "bad_date",
          "NgayTiepNhan: '20210431080000' is not a date yyyyMMddHHmmss"),
      row("hoso", "hoso_20210501.jsonl", 4L, "H-STATUS", "TrangThaiHoSo", "unknown_code",
          "TrangThaiHoSo: '12' is not one of 1..10"),
      row("hoso", "hoso_20210501.jsonl", 5L, null, "MaHoSo", "missing_key",
          "MaHoSo: MaHoSo is missing or empty"),
      row("hoso", "hoso_20210501.jsonl", 6L, "H-AFTER", "NgayTiepNhan", "accepted_after_ended",
          "NgayTiepNhan: '20210410080000' is after NgayKetThucXuLy '20210405080000'"),
      row("hoso", "hoso_20210501.jsonl", 7L, "H-NOEND", "NgayKetThucXuLy",
          "ended_without_end_date",
          "NgayKetThucXuLy: ended (status 9) but NgayKetThucXuLy is missing"),
      row("hoso", "hoso_20210501.jsonl", 8L, "H-SUPP", "DanhSachHoSoBoSung[1].NgayBoSung",
          "bad_supplement_list",
          "DanhSachHoSoBoSung[1].NgayBoSung: NgayBoSung is missing or empty"),
      row("hoso", "hoso_20210501.jsonl", 9L, "H-CONFLICT", "MaHoSo", "conflicting_duplicate",
          "differing records of MaHoSo H-CONFLICT in one extract: all of them quarantined"),
      row("hoso", "hoso_20210501.jsonl", 10L, "H-CONFLICT", "MaHoSo", "conflicting_duplicate",
          "differing records of MaHoSo H-CONFLICT in one extract: all of them quarantined"),
      row("hoso", "hoso_20210501.jsonl", 13L, "H-BYTES", null, "undecodable_text",
          "the line holds bytes that are not valid UTF-8 (shown as U+FFFD)"),
      row("hoso", "hoso_20210501.jsonl", 14L, null, null, "malformed_record",
          "invalid JSON: Unexpected end-of-input within/between Object entries"),
      row("hoso", "hoso_20210501.jsonl", 15L, null, null, "malformed_record",
          "invalid JSON: Unrecognized token (a bare word, not shown): was expecting (JSON String,"
              + " Number, Array, Object or token 'null', 'true' or 'false')"),
      row("hoso", "hoso_20210502.csv", 3L, null, null, "malformed_record",
          "expected 6 columns, found 7"),
      row("danhgia", "danhgia_20210501.jsonl", 2L, "P-THAIDO", "ThaiDo", "unknown_code",
          "ThaiDo: '5' is not one of 1..4"),
      row("danhgia", "danhgia_20210501.jsonl", 3L, "P-NOHAILONG", "HaiLong", "missing_field",
          "HaiLong: HaiLong is missing or empty"),
      row("thutuc", "thutuc_20210501.csv", 3L, "1.002", "HieuLucDen", "bad_interval",
          "HieuLucDen: '20210501' is before HieuLucTu '20210601'"));

  private static final String[] QUARANTINE_COLUMNS = {"kind", "source_file", "source_line",
      "record_key", "field", "reason", "detail"};

  @Test
  @Order(1)
  void everyBadRecordIsQuarantinedWithItsFileLineAndReason() {
    assertEquals(EXPECTED_QUARANTINE,
        rows(Ingests.read(wh, Table.QUARANTINE), QUARANTINE_COLUMNS));
    Map<String, Long> byReason = new TreeMap<>(Map.of("bad_date", 1L, "unknown_code", 2L,
        "missing_key", 1L, "accepted_after_ended", 1L, "ended_without_end_date", 1L,
        "bad_supplement_list", 1L, "conflicting_duplicate", 2L, "undecodable_text", 1L,
        "malformed_record", 3L, "missing_field", 1L));
    byReason.put("bad_interval", 1L);
    assertEquals(byReason, report.quarantineByReason());
  }

  @Test
  @Order(2)
  void everyRecordReadIsLoadedOrQuarantined() {
    assertEquals(List.of(14L, 3L, 11L), counts(report, "hoso_20210501.jsonl"));
    assertEquals(List.of(2L, 1L, 1L), counts(report, "hoso_20210502.csv"));
    assertEquals(List.of(3L, 1L, 2L), counts(report, "danhgia_20210501.jsonl"));
    assertEquals(List.of(2L, 1L, 1L), counts(report, "thutuc_20210501.csv"));
    assertEquals(List.of(1L, 1L, 0L), counts(report, "donvi_20210501.jsonl"));
    assertEquals(5, report.cleaned().files().size());
    assertEquals(List.of(), report.notReconciled());
    assertEquals(0, report.exitCode());
    assertEquals(22, report.raw().records());
    assertEquals(List.of("danhgia_20210501.jsonl", "donvi_20210501.jsonl",
        "hoso_20210501.jsonl", "thutuc_20210501.csv", "hoso_20210502.csv"),
        report.raw().ingested());
    assertEquals(List.of(), report.raw().alreadyIngested());
    // Every raw record is in its raw table, the bad ones too.
    assertEquals(16, Ingests.read(wh, Table.RAW_HOSO).count());
    assertEquals(3, Ingests.read(wh, Table.RAW_DANHGIA).count());
  }

  @Test
  @Order(3)
  void identicalDuplicatesCountOnceAndConflictingOnesNotAtAll() {
    assertEquals(sorted(
        row("H-CSV", 4, "hoso_20210502.csv", 2L),
        row("H-OK", 4, "hoso_20210501.jsonl", 1L),
        row("H-SAME", 4, "hoso_20210501.jsonl", 12L)),
        rows(Ingests.read(wh, Table.CLEANED_DOSSIERS), "dossier_id", "status", "_source_file",
            "_source_line"));
    assertEquals(List.of(row("P-OK", 1, 2)),
        rows(Ingests.read(wh, Table.CLEANED_BALLOTS), "ballot_id", "attitude", "overall"));
    assertEquals(List.of(row("1.001", "Cấp giấy phép xây dựng", "3", true)),
        rows(Ingests.read(wh, Table.CLEANED_PROCEDURE_VERSIONS), "procedure_code",
            "procedure_name", "online_level", "five_on_spot"));
    assertEquals(List.of(row("000.00.54.H54", 1)),
        rows(Ingests.read(wh, Table.CLEANED_AGENCY_VERSIONS), "agency_code", "level"));
    assertEquals(Map.of("dossiers", 3L, "supplements", 0L, "ballots", 1L,
        "procedure versions", 1L, "agency versions", 1L), report.cleanedRows());
  }

  @Test
  @Order(4)
  void personalDataStaysInTheRawLayer() {
    Set<Table> tables = Ingests.existing(wh, Layer.CLEANED, Layer.GOLD);
    // gold.checks holds the outcomes of the raw checks the cleaned step ran: scanned too.
    assertEquals(Set.of(Table.CLEANED_DOSSIERS, Table.CLEANED_SUPPLEMENTS,
        Table.CLEANED_BALLOTS, Table.CLEANED_PROCEDURE_VERSIONS,
        Table.CLEANED_AGENCY_VERSIONS, Table.QUARANTINE, Table.CLEANED_LOADED_FILES,
        Table.GOLD_CHECKS), tables);
    for (Table t : tables) {
      Dataset<Row> rows = Ingests.read(wh, t);
      for (String column : rows.columns()) {
        assertFalse(Ingests.isPersonalName(column),
            t.qualifiedName() + " has a column named like personal data: " + column);
      }
      for (StructField f : rows.schema().fields()) {
        if (!f.dataType().equals(DataTypes.StringType)) {
          continue;
        }
        for (Row r : rows.select(f.name()).collectAsList()) {
          String v = r.getString(0);
          for (String personal : PERSONAL_VALUES) {
            assertFalse(v != null && v.contains(personal),
                t.qualifiedName() + "." + f.name() + " holds personal data: " + v);
          }
        }
      }
    }
    // The raw layer does hold them, as they came.
    assertEquals(sorted(
        row("H-CSV", NAME, PHONE, null),
        row("H-OK", NAME, PHONE, SUMMARY),
        row(null, null, null, null)),
        rows(Ingests.read(wh, Table.RAW_HOSO).filter("_source_file = 'hoso_20210501.jsonl'"
            + " AND _source_line IN (1, 15) OR _source_file = 'hoso_20210502.csv'"
            + " AND _source_line = 2"),
            "MaHoSo", "ChuHoSo", "SoDienThoai", "TrichYeuHoSo"));
  }

  @Test
  @Order(5)
  void ingestingTheSameFolderAgainChangesNothing() {
    Map<Table, Long> rawVersions = new java.util.EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      if (t.layer() != Layer.GOLD) {
        rawVersions.put(t, Ingests.version(wh, t));
      }
    }
    Map<Table, List<List<Object>>> before = cleanedContent();

    Pipeline.Report again = Ingests.ingest(wh, in);

    assertEquals(List.of(), again.raw().ingested());
    assertEquals(List.of("danhgia_20210501.jsonl", "donvi_20210501.jsonl",
        "hoso_20210501.jsonl", "thutuc_20210501.csv", "hoso_20210502.csv"),
        again.raw().alreadyIngested());
    assertEquals(0, again.raw().records());
    for (Map.Entry<Table, Long> e : rawVersions.entrySet()) {
      assertEquals(e.getValue(), Ingests.version(wh, e.getKey()), e.getKey().qualifiedName());
    }
    assertEquals(before, cleanedContent());
    assertEquals(report.cleaned().files(), again.cleaned().files());
    assertEquals(List.of(), again.cleaned().cleanedNow());
    assertEquals(report.quarantineByReason(), again.quarantineByReason());
    assertEquals(report.cleanedRows(), again.cleanedRows());
    assertEquals(List.of(), again.notReconciled());
  }

  /** Every row of every cleaned table, every column (nested ones as their text). */
  private Map<Table, List<List<Object>>> cleanedContent() {
    Map<Table, List<List<Object>>> content = new java.util.EnumMap<>(Table.class);
    for (Table t : Ingests.existing(wh, Layer.CLEANED)) {
      Dataset<Row> rows = Ingests.read(wh, t);
      content.put(t, rows(rows, java.util.Arrays.stream(rows.columns())
          .map(c -> "CAST(`" + c + "` AS STRING)").toArray(String[]::new)));
    }
    return content;
  }
}
