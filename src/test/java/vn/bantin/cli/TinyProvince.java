package vn.bantin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.Ingests;

/**
 * The agencies and catalogue of a tiny province for the command-line tests that feed inline
 * extracts run by run: the centre, its departments and one procedure per department, valid
 * since 2015, in {@code donvi_20240101.jsonl} and {@code thutuc_20240101.jsonl}.
 */
final class TinyProvince {
  static final String CENTRE = "000.00.54.H54";

  private TinyProvince() {}

  /**
   * Writes the two extracts.
   *
   * @param departments department code → its name
   * @param procedures procedure code → the department that resolves it
   */
  static void write(Path input, Map<String, String> departments, Map<String, String> procedures) {
    List<String> agencies = new ArrayList<>();
    agencies.add("{\"MaDonVi\":\"" + CENTRE + "\",\"TenDonVi\":\"Trung tâm\",\"CapDonVi\":1,"
        + "\"HieuLucTu\":\"20150101\"}");
    new LinkedHashMap<>(departments).forEach((code, name) -> agencies.add(
        "{\"MaDonVi\":\"" + code + "\",\"TenDonVi\":\"" + name + "\",\"CapDonVi\":1,"
            + "\"MaDonViCha\":\"" + CENTRE + "\",\"HieuLucTu\":\"20150101\"}"));
    Ingests.write(input, "donvi_20240101.jsonl", Ingests.lines(agencies.toArray(String[]::new)));
    List<String> catalogue = new ArrayList<>();
    new LinkedHashMap<>(procedures).forEach((code, unit) -> catalogue.add(
        "{\"MaTTHC\":\"" + code + "\",\"TenTTHC\":\"Thủ tục\",\"MaLinhVuc\":\"LV1\","
            + "\"TenLinhVuc\":\"Lĩnh vực\",\"MaDonVi\":\"" + unit + "\",\"MucDo\":\"2\","
            + "\"NamTaiCho\":0,\"HieuLucTu\":\"20150101\",\"HieuLucDen\":\"\"}"));
    Ingests.write(input, "thutuc_20240101.jsonl",
        Ingests.lines(catalogue.toArray(String[]::new)));
  }
}
