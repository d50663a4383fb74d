package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;

/**
 * The provisional flag through the command line, on the incremental path: an extract taken at
 * 01:30 on 1 April leaves March provisional; a later extract that brings only April's dossiers
 * (March's figures do not change) must still turn March final, so a build recomputes the
 * months published as provisional along with the changed ones.
 */
class ProvisionalRunTest {
  @TempDir
  Path tmp;

  private static final String CENTRE = TinyProvince.CENTRE;
  private static final String D1 = "000.00.01.H54";

  private static List<String> dossiers(String day, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("{\"MaHoSo\":\"" + D1 + "-" + day + "-" + i + "\",\"MaTTHC\":\"1.001\","
          + "\"MaDonVi\":\"" + D1 + "\",\"MaNoiTiepNhan\":\"" + CENTRE + "\","
          + "\"KenhThucHien\":1,\"NgayTiepNhan\":\"" + day + "080000\",\"NgayHenTra\":\""
          + day.substring(0, 6) + "28170000\",\"TrangThaiHoSo\":4}");
    }
    return out;
  }

  @Test
  void aLaterExtractTurnsAProvisionalMonthFinalEvenWhenItsFiguresStay() {
    SparkTestSession.get();
    Path input = tmp.resolve("in");
    Path wh = tmp.resolve("wh");
    TinyProvince.write(input, Map.of(D1, "Sở Một"), Map.of("1.001", D1));
    Ingests.write(input, "hoso_20240401013000.jsonl",
        Ingests.lines(dossiers("20240305", 3).toArray(String[]::new)));
    Cli.Run first = run(input, wh);
    assertEquals(Map.of("2024-03", "2024-04-01T01:30", "2024-Q1", "2024-04-01T01:30"),
        provisional(wh), first.out());
    assertTrue(bulletin(wh, "2024-03").contains("*Số liệu tạm tính đến 01:30 ngày 01/04/2024*"));

    // April's dossiers only: March's figures stay as they are.
    Ingests.write(input, "hoso_20240405120000.jsonl",
        Ingests.lines(dossiers("20240403", 2).toArray(String[]::new)));
    Cli.Run second = run(input, wh);
    assertTrue(second.out().contains("recomputed: the periods ending in or after 2024-03"),
        "incremental, from the month published provisional: " + second.out());
    assertEquals(Map.of("2024-04", "2024-04-05T12:00"), provisional(wh), second.out());
    assertFalse(bulletin(wh, "2024-03").contains("tạm tính"), bulletin(wh, "2024-03"));
    assertTrue(bulletin(wh, "2024-04").contains("*Số liệu tạm tính đến 12:00 ngày 05/04/2024*"));
  }

  private static Cli.Run run(Path input, Path wh) {
    Cli.Run run = Cli.bantin("run", "--input", input.toString(), "--warehouse", wh.toString());
    assertEquals(0, run.code(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }

  /** period → data_as_of of the publisher's periods flagged provisional. */
  private static Map<String, String> provisional(Path wh) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : Ingests.read(Ingests.warehouse(wh), Table.GOLD_BULLETIN)
        .where("provisional").collectAsList()) {
      out.put(r.getAs("period"), r.getAs("data_as_of").toString());
    }
    return out;
  }

  private static String bulletin(Path wh, String period) {
    Cli.Run run = Cli.bantin("bulletin", "--warehouse", wh.toString(), "--publisher", CENTRE,
        "--period", period, "--format", "md");
    assertEquals(0, run.code(), () -> run.out() + run.err());
    return run.out();
  }
}
