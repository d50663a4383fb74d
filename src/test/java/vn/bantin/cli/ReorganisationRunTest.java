package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * A reorganisation from the extracts to gold.trends, through the command line: the agency
 * extract closes D3 and D6 on 2025-02-28 and opens D16 on 2025-03-01; the catalogue moves D3's
 * procedure to D4 and D6's to D16. The run derives D3 → D4 and D6 → D16, and the March 2025
 * trend rows of D4 and D16 compare with their predecessors' March 2024. An operator's file adds
 * a succession, is kept by a later run without the option, and is cleared by a header-only file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReorganisationRunTest {
  @TempDir
  static Path tmp;

  private static final String CENTRE = "000.00.54.H54";
  private static final String D3 = "000.00.03.H54";
  private static final String D4 = "000.00.04.H54";
  private static final String D6 = "000.00.06.H54";
  private static final String D7 = "000.00.07.H54";
  private static final String D16 = "000.00.16.H54";

  private Path input;
  private Path wh;

  private static String agency(String code, String to) {
    return "{\"MaDonVi\":\"" + code + "\",\"TenDonVi\":\"Sở " + code + "\",\"CapDonVi\":1,"
        + "\"MaDonViCha\":\"000.00.00.H54\",\"HieuLucTu\":\"" + (code.equals(D16) ? "20250301"
            : "20150101") + "\"" + (to == null ? "" : ",\"HieuLucDen\":\"" + to + "\"") + "}";
  }

  private static String procedure(String code, String dept, String from, String to) {
    return "{\"MaTTHC\":\"" + code + "\",\"TenTTHC\":\"Thủ tục " + code + "\",\"MaLinhVuc\":"
        + "\"LV1\",\"TenLinhVuc\":\"Lĩnh vực\",\"MaDonVi\":\"" + dept + "\",\"MucDo\":\"2\","
        + "\"NamTaiCho\":0,\"HieuLucTu\":\"" + from + "\",\"HieuLucDen\":\"" + to + "\"}";
  }

  /** {@code n} dossiers of {@code dept} accepted on {@code day} (yyyyMMdd), still processing. */
  private static void dossiers(List<String> out, String dept, String procedure, String day,
      int n) {
    for (int i = 0; i < n; i++) {
      out.add("{\"MaHoSo\":\"" + dept + "-" + day + "-" + i + "\",\"MaTTHC\":\"" + procedure
          + "\",\"MaDonVi\":\"" + dept + "\",\"MaNoiTiepNhan\":\"" + CENTRE + "\","
          + "\"KenhThucHien\":1,\"NgayTiepNhan\":\"" + day + "080000\",\"NgayHenTra\":\""
          + day.substring(0, 6) + "28170000\",\"TrangThaiHoSo\":4}");
    }
  }

  @BeforeAll
  void extracts() {
    SparkTestSession.get();
    input = tmp.resolve("in");
    wh = tmp.resolve("wh");
    Ingests.write(input, "donvi_20250401.jsonl", Ingests.lines(
        "{\"MaDonVi\":\"000.00.00.H54\",\"TenDonVi\":\"UBND tỉnh\",\"CapDonVi\":1,"
            + "\"HieuLucTu\":\"20150101\"}",
        "{\"MaDonVi\":\"" + CENTRE + "\",\"TenDonVi\":\"Trung tâm\",\"CapDonVi\":1,"
            + "\"MaDonViCha\":\"000.00.00.H54\",\"HieuLucTu\":\"20150101\"}",
        agency(D3, "20250228"), agency(D4, null), agency(D6, "20250228"), agency(D7, null),
        agency(D16, null)));
    Ingests.write(input, "thutuc_20250401.jsonl", Ingests.lines(
        procedure("1.003", D3, "20150101", "20250228"), procedure("1.003", D4, "20250301", ""),
        procedure("1.004", D4, "20150101", ""),
        procedure("1.006", D6, "20150101", "20250228"), procedure("1.006", D16, "20250301", ""),
        procedure("1.007", D7, "20150101", "")));
    List<String> year1 = new ArrayList<>();
    dossiers(year1, D3, "1.003", "20240305", 3);
    dossiers(year1, D4, "1.004", "20240305", 5);
    dossiers(year1, D6, "1.006", "20240306", 4);
    dossiers(year1, D7, "1.007", "20240306", 2);
    Ingests.write(input, "hoso_20240401013000.jsonl", Ingests.lines(year1.toArray(String[]::new)));
    List<String> year2 = new ArrayList<>();
    dossiers(year2, D4, "1.003", "20250305", 7);
    dossiers(year2, D16, "1.006", "20250306", 6);
    dossiers(year2, D7, "1.007", "20250306", 2);
    Ingests.write(input, "hoso_20250401013000.jsonl", Ingests.lines(year2.toArray(String[]::new)));
  }

  private Cli.Run run(String... flags) {
    List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(),
        "--warehouse", wh.toString()));
    args.addAll(List.of(flags));
    Cli.Run run = Cli.bantin(args.toArray(String[]::new));
    assertEquals(0, run.code(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }

  private List<String> successions() {
    List<String> out = new ArrayList<>();
    for (Row r : Ingests.read(Ingests.warehouse(wh), Table.GOLD_UNIT_SUCCESSIONS)
        .orderBy("predecessor_code", "successor_code").collectAsList()) {
      out.add(r.getAs("predecessor_code") + ">" + r.getAs("successor_code") + "@"
          + r.getAs("effective_month") + "/" + r.getAs("kind") + "/" + r.getAs("source"));
    }
    return out;
  }

  /** (year_ago, predecessors) of a department's received_new in March 2025. */
  private String march2025(String dept) {
    Warehouse w = Ingests.warehouse(wh);
    List<Row> rows = Ingests.read(w, Table.GOLD_TRENDS).where("unit_kind = 'department' AND"
        + " unit_code = '" + dept + "' AND month = DATE'2025-03-01' AND measure ="
        + " 'received_new'").collectAsList();
    assertEquals(1, rows.size(), "one trend row of " + dept);
    BigDecimal ago = rows.get(0).getAs("year_ago");
    return (ago == null ? "null" : ago.stripTrailingZeros().toPlainString()) + " "
        + rows.get(0).getAs("predecessors");
  }

  @Test
  void successorsCompareWithTheirPredecessorsAndTheOperatorsLinesAreKept() throws Exception {
    run();
    assertEquals(List.of(D3 + ">" + D4 + "@2025-03-01/merge/extracts",
        D6 + ">" + D16 + "@2025-03-01/merge/extracts"), successions());
    assertEquals("8 " + D3, march2025(D4)); // D4's 5 and D3's 3 of March 2024
    assertEquals("4 " + D6, march2025(D16)); // D16 did not exist: D6's 4
    assertEquals("2 null", march2025(D7));

    // The operator says D7 was merged into D16 too (and the extracts do not show it).
    Path file = Ingests.write(tmp, "successions.csv", Ingests.lines(
        "# after the 2025 reorganisation", SuccessionsOption.HEADER, D7 + "," + D16 + ",2025-03"));
    Cli.Run withFile = run("--successions", file.toString());
    assertTrue(withFile.out().contains("every period (a build from scratch)"), withFile.out());
    assertEquals(List.of(D3 + ">" + D4 + "@2025-03-01/merge/extracts",
        D6 + ">" + D16 + "@2025-03-01/merge/extracts",
        D7 + ">" + D16 + "@2025-03-01/merge/operator"), successions());
    assertEquals("6 " + D6 + "," + D7, march2025(D16));

    // A run without the option keeps the operator's lines and has nothing to do.
    Cli.Run again = run();
    assertTrue(again.out().contains("up to date"), again.out());
    assertEquals("6 " + D6 + "," + D7, march2025(D16));

    // A header-only file clears them.
    Path none = Ingests.write(tmp, "none.csv", Ingests.lines(SuccessionsOption.HEADER));
    run("--successions", none.toString());
    assertEquals("4 " + D6, march2025(D16));

    // A gold table gone (deleted by hand, or a warehouse of a version before it): the next
    // run, with nothing new, builds gold from scratch rather than saying it is up to date.
    Warehouse w = Ingests.warehouse(wh);
    org.apache.commons.io.FileUtils.deleteDirectory(
        new java.io.File(w.location(Table.GOLD_UNIT_SUCCESSIONS)));
    Cli.Run rebuilt = run();
    assertTrue(rebuilt.out().contains("every period (a build from scratch)"), rebuilt.out());
    assertEquals(List.of(D3 + ">" + D4 + "@2025-03-01/merge/extracts",
        D6 + ">" + D16 + "@2025-03-01/merge/extracts"), successions());

    // A later agency extract renames D7: every period of D7 takes the new name.
    assertEquals(List.of("Sở " + D7), namesOf(D7));
    Ingests.write(input, "donvi_20250501.jsonl", Ingests.lines(agency(D7, null)
        .replace("Sở " + D7, "Sở Mới")));
    Cli.Run renamed = run();
    assertTrue(renamed.out().contains("every period (a build from scratch)"), renamed.out());
    assertEquals(List.of("Sở Mới"), namesOf(D7));
  }

  /** The distinct unit_name of a department's rows in gold.bulletin_by_department. */
  private List<String> namesOf(String dept) {
    List<String> out = new ArrayList<>();
    for (Row r : Ingests.read(Ingests.warehouse(wh), Table.GOLD_DEPARTMENT)
        .where("unit_code = '" + dept + "'").select("unit_name").distinct().collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  @Test
  void aBadSuccessionsFileIsAUserErrorBeforeAnythingRuns() {
    Path bad = Ingests.write(tmp, "bad.csv", Ingests.lines(SuccessionsOption.HEADER,
        D7 + "," + D16 + ",March 2025"));
    Cli.Run run = Cli.bantin("run", "--input", input.toString(), "--warehouse",
        tmp.resolve("never").toString(), "--successions", bad.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("Cannot read line 2 of the successions file")
        && run.err().contains("'March 2025' is not a date"), run.err());
    assertTrue(!java.nio.file.Files.exists(tmp.resolve("never")), "nothing written");
  }
}
