package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * The privacy scan: an applicant's name, ID number, phone number, e-mail, address and the
 * dossier's summary are planted in every personal field of the contract, in records that load
 * and in records that are quarantined (a line cut short, a CSV row with a field too many, a
 * conflicting duplicate, a bad date). After a whole run, none of them is in any non-raw table
 * (every column, nested ones as JSON), in any rendering (bulletin JSON, Markdown, HTML, by
 * department, the article, the year-over-year report), in a SQL answer or an export, or in
 * what the run prints. The raw layer holds them, so the scan can find what it looks for.
 */
class PrivacyScanTest {
  private static final String CENTRE = "000.00.54.H54";
  private static final String D1 = "000.00.01.H54";

  private static final String NAME = "Trần Thị Bích Ngọc";
  private static final String ID_NUMBER = "036185009876";
  private static final String PHONE = "0987654321";
  private static final String EMAIL = "ngoc.tran@example.vn";
  private static final String ADDRESS = "Số 12 Hai Bà Trưng, Thái Bình";
  private static final String PERSONAL_ID = "036185009877";
  private static final String SUMMARY = "Đề nghị cấp lại giấy khai sinh cho con";
  private static final List<String> PLANTED = List.of(NAME, "Bích Ngọc", ID_NUMBER, PHONE,
      EMAIL, ADDRESS, "Hai Bà Trưng", PERSONAL_ID, SUMMARY);

  private static final String APPLICANT = "\"ChuHoSo\":\"" + NAME + "\",\"SoGiayToChuHoSo\":\""
      + ID_NUMBER + "\",\"SoDienThoai\":\"" + PHONE + "\",\"Email\":\"" + EMAIL
      + "\",\"DiaChi\":\"" + ADDRESS + "\",\"DinhDanhCHS\":\"" + PERSONAL_ID
      + "\",\"TrichYeuHoSo\":\"" + SUMMARY + "\"";

  @TempDir
  Path tmp;

  private static String dossier(String id, String fields) {
    return dossier(id, "20210420170000", fields);
  }

  private static String dossier(String id, String due, String fields) {
    return "{\"MaHoSo\":\"" + id + "\",\"MaTTHC\":\"1.001\",\"MaDonVi\":\"" + D1 + "\","
        + "\"MaNoiTiepNhan\":\"" + CENTRE + "\",\"KenhThucHien\":1,\"NgayHenTra\":\""
        + due + "\"," + APPLICANT + "," + fields + "}";
  }

  @Test
  void noPlantedPersonalValueLeavesTheRawLayer() throws IOException {
    Path input = tmp.resolve("in");
    Path wh = tmp.resolve("wh");
    Ingests.write(input, "donvi_20210501.jsonl", Ingests.lines(
        "{\"MaDonVi\":\"" + CENTRE + "\",\"TenDonVi\":\"Trung tâm\",\"CapDonVi\":1,"
            + "\"HieuLucTu\":\"20150101\"}",
        "{\"MaDonVi\":\"" + D1 + "\",\"TenDonVi\":\"Sở Một\",\"CapDonVi\":1,"
            + "\"MaDonViCha\":\"" + CENTRE + "\",\"HieuLucTu\":\"20150101\"}"));
    Ingests.write(input, "thutuc_20210501.jsonl", Ingests.lines(
        "{\"MaTTHC\":\"1.001\",\"TenTTHC\":\"Thủ tục\",\"MaLinhVuc\":\"LV1\",\"TenLinhVuc\":"
            + "\"Lĩnh vực\",\"MaDonVi\":\"" + D1 + "\",\"MucDo\":\"2\",\"NamTaiCho\":0,"
            + "\"HieuLucTu\":\"20150101\",\"HieuLucDen\":\"\"}"));
    Ingests.write(input, "hoso_20210505120000.jsonl", Ingests.lines(
        dossier("H-1", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        dossier("H-2", "\"NgayTiepNhan\":\"20210406080000\",\"NgayKetThucXuLy\":"
            + "\"20210410080000\",\"TrangThaiHoSo\":9"),
        dossier("H-3", "\"NgayTiepNhan\":\"20210407080000\",\"TrangThaiHoSo\":5,"
            + "\"DanhSachHoSoBoSung\":[{\"NgayBoSung\":\"20210408080000\"}]"),
        // Quarantined: a bad date, a conflicting duplicate, a line cut short.
        dossier("H-BAD", "\"NgayTiepNhan\":\"20210431080000\",\"TrangThaiHoSo\":4"),
        dossier("H-DUP", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":2"),
        dossier("H-DUP", "\"NgayTiepNhan\":\"20210405080000\",\"TrangThaiHoSo\":4"),
        "{\"MaHoSo\":\"H-CUT\",\"ChuHoSo\":\"" + NAME + "\",\"SoDienThoai\":\"" + PHONE + "\","));
    Ingests.write(input, "hoso_20210505130000.csv", Ingests.lines(
        "MaHoSo,MaTTHC,MaDonVi,MaNoiTiepNhan,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,"
            + "ChuHoSo,SoDienThoai,DiaChi",
        "H-CSV,1.001," + D1 + "," + CENTRE + ",1,20210408080000,20210420170000,4," + NAME + ","
            + PHONE + ",\"" + ADDRESS + "\"",
        "H-WIDE,1.001," + D1 + "," + CENTRE + ",1,20210408080000,20210420170000,4," + NAME + ","
            + PHONE + ",\"" + ADDRESS + "\"," + ID_NUMBER));
    // June, so that the quarter is complete and printed too.
    Ingests.write(input, "hoso_20210701013000.jsonl", Ingests.lines(
        dossier("H-JUNE", "20210625170000", "\"NgayTiepNhan\":\"20210610080000\",\"TrangThaiHoSo\":4")));
    Ingests.write(input, "danhgia_20210505.jsonl", Ingests.lines(
        "{\"MaPhieu\":\"P-1\",\"NgayDanhGia\":\"20210410090000\",\"MaNoiTiepNhan\":\"" + CENTRE
            + "\",\"MaHoSo\":\"H-2\",\"ThaiDo\":1,\"HaiLong\":1}"));

    Map<String, String> seen = new LinkedHashMap<>();
    Cli.Run run = ok(seen, "run", "run", "--input", input.toString(), "--warehouse",
        wh.toString());
    seen.put("run progress", run.progress());
    assertTrue(run.out().contains("quarantined"), run.out());

    Warehouse warehouse = Ingests.warehouse(wh);
    int tables = 0;
    for (Table t : Table.values()) {
      if (t.layer() != Layer.RAW && Ingests.existing(warehouse, t.layer()).contains(t)) {
        seen.put(t.qualifiedName(), asJson(warehouse, t));
        tables++;
      }
    }
    assertTrue(tables >= 15, "every cleaned and gold table scanned: " + seen.keySet());
    // The quarantined records are scanned too: the line cut short, the duplicates, the date.
    String quarantine = seen.get(Table.QUARANTINE.qualifiedName());
    for (String reason : List.of("malformed_record", "conflicting_duplicate", "bad_date")) {
      assertTrue(quarantine.contains(reason), reason + " in " + quarantine);
    }

    String w = wh.toString();
    for (String period : List.of("2021-04", "2021-06", "2021-Q2")) {
      for (String format : List.of("json", "md", "html")) {
        ok(seen, "bulletin " + period + " " + format, "bulletin", "--warehouse", w,
            "--publisher", CENTRE, "--period", period, "--format", format);
        ok(seen, "bulletin " + period + " " + format + " by department", "bulletin",
            "--warehouse", w, "--publisher", CENTRE, "--period", period, "--format", format,
            "--by", "department");
      }
    }
    ok(seen, "article", "bulletin", "--warehouse", w, "--publisher", CENTRE, "--period",
        "2021-04", "--format", "article");
    Path report = tmp.resolve("report.html");
    ok(seen, "report", "report", "--warehouse", w, "--publisher", CENTRE, "--year", "2021",
        "--out", report.toString());
    seen.put("report file", Files.readString(report));
    ok(seen, "sql", "sql", "--warehouse", w, "--format", "json",
        "SELECT * FROM cleaned.quarantine");
    Path exports = tmp.resolve("exports");
    ok(seen, "export", "export", "--warehouse", w, "--table", "cleaned.quarantine",
        "--format", "csv", "--out", exports.toString());
    try (Stream<Path> files = Files.walk(exports)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        seen.put("export " + f.getFileName(), Files.readString(f));
      }
    }

    List<String> leaks = new ArrayList<>();
    seen.forEach((where, text) -> {
      String lower = text.toLowerCase(Locale.ROOT);
      for (String value : PLANTED) {
        if (lower.contains(value.toLowerCase(Locale.ROOT))) {
          leaks.add(where + " holds '" + value + "'");
        }
      }
    });
    assertEquals(List.of(), leaks);

    // The raw layer holds every planted value: the scan looks for what is there to find.
    String raw = asJson(warehouse, Table.RAW_HOSO);
    for (String value : PLANTED) {
      assertTrue(raw.contains(value), "raw.hoso holds " + value);
    }
  }

  /** Runs a command that must succeed, keeping all it printed under {@code what}. */
  private static Cli.Run ok(Map<String, String> seen, String what, String... args) {
    Cli.Run run = Cli.bantin(args);
    if (run.code() != 0) {
      fail(what + " exited " + run.code() + ": " + run.out() + run.err());
    }
    seen.put(what, run.out() + run.err());
    return run;
  }

  /** Every row of the table as JSON, nested columns included. */
  private static String asJson(Warehouse warehouse, Table t) {
    StringBuilder b = new StringBuilder();
    for (Row r : Ingests.read(warehouse, t)
        .select(functions.to_json(functions.struct(functions.col("*")))).collectAsList()) {
      b.append(r.getString(0)).append('\n');
    }
    return b.toString();
  }
}
