package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;

/**
 * Data-quality results through the command line: every build records its checks in
 * {@code gold.checks}, and a failing error check stops publication: a cleaned table written
 * behind bantin's back with a duplicate key makes every run exit 6 with the check's line,
 * and readers keep the last published build.
 */
class QualityChecksRunTest {
  @TempDir
  Path tmp;

  private static final String CENTRE = TinyProvince.CENTRE;
  private static final String D1 = "000.00.01.H54";

  @Test
  void anErrorCheckStopsPublicationOnEveryRunUntilMended() {
    var spark = SparkTestSession.get();
    Path input = tmp.resolve("in");
    Path wh = tmp.resolve("wh");
    tinyProvince(input);
    Ingests.write(input, "hoso_20240405120000.jsonl",
        Ingests.lines(dossier(0), dossier(1), dossier(2)));
    Cli.Run first = run(input, wh);
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().contains("data-quality checks: "), first.out());
    var warehouse = Ingests.warehouse(wh);
    long checked = Ingests.read(warehouse, Table.GOLD_CHECKS).count();
    assertTrue(checked >= 10 && Ingests.read(warehouse, Table.GOLD_CHECKS).where("passed")
        .count() == checked, "every check recorded, all passed");
    String bulletin = bulletin(wh);

    // A foreign write: one dossier's row twice.
    Ingests.read(warehouse, Table.CLEANED_DOSSIERS).limit(1).write().format("delta")
        .mode("append").save(warehouse.location(Table.CLEANED_DOSSIERS));
    long monthFacts = Ingests.version(warehouse, Table.GOLD_MONTH_FACTS);
    for (int attempt = 0; attempt < 2; attempt++) {
      Cli.Run stopped = run(input, wh);
      assertEquals(monthFacts, Ingests.version(warehouse, Table.GOLD_MONTH_FACTS),
          "stopped before any gold table is written");
      assertEquals(6, stopped.code(), stopped.out() + stopped.err());
      assertTrue(stopped.err().contains("bantin: Cannot publish a gold build: a check fails —"
          + " cleaned.dossiers keys_unique_not_null: 1 row"), stopped.err());
      assertEquals(1, Ingests.read(warehouse, Table.GOLD_BUILDS).count(), "not published");
      assertEquals(bulletin, bulletin(wh), "readers keep the last build");
    }
    assertEquals(2, Ingests.read(warehouse, Table.GOLD_CHECKS)
        .where("NOT passed AND severity = 'error' AND table_name = 'cleaned.dossiers'")
        .count(), "both runs recorded the failing check");
    spark.catalog().clearCache();
  }

  @Test
  void aRawRowWrittenBehindBantinsBackStopsTheCleanedStepOnEveryRun() {
    var spark = SparkTestSession.get();
    Path input = tmp.resolve("in");
    Path wh = tmp.resolve("wh");
    tinyProvince(input);
    Ingests.write(input, "hoso_20240405120000.jsonl", Ingests.lines(dossier(0)));
    Cli.Run first = run(input, wh);
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().contains("data-quality checks of the new files' raw rows: 13 run,"
        + " 13 passed, 0 warning(s)"), first.out());
    var warehouse = Ingests.warehouse(wh);
    assertEquals(List.of("raw.donvi", "raw.hoso", "raw.ingested_files",
        "raw.thutuc"), Ingests.read(warehouse, Table.GOLD_CHECKS)
            .where("table_name LIKE 'raw.%' AND passed").select("table_name").distinct()
            .orderBy("table_name").collectAsList().stream().map(r -> r.getString(0)).toList(),
        "the raw checks recorded beside the gold build's");

    // The next month's extract read into the raw layer, then one of its rows written again
    // behind bantin's back, before the cleaned step took the file in.
    Ingests.write(input, "hoso_20240505120000.jsonl", Ingests.lines(dossier(1), dossier(2)));
    vn.bantin.raw.RawIngest.ingest(new vn.bantin.registry.TableStore(spark, warehouse),
        input.toString(), "raw-only");
    Ingests.read(warehouse, Table.RAW_HOSO).where("_source_file = 'hoso_20240505120000.jsonl'")
        .limit(1).write().format("delta").mode("append")
        .save(warehouse.location(Table.RAW_HOSO));
    long dossiers = Ingests.version(warehouse, Table.CLEANED_DOSSIERS);
    for (int attempt = 0; attempt < 2; attempt++) {
      Cli.Run stopped = run(input, wh);
      assertEquals(6, stopped.code(), stopped.out() + stopped.err());
      assertTrue(stopped.err().contains("bantin: Cannot publish the cleaned rows of the new"
          + " extracts: a check fails — raw.hoso keys_unique_not_null: 1 row"), stopped.err());
      assertEquals(dossiers, Ingests.version(warehouse, Table.CLEANED_DOSSIERS),
          "nothing of the file cleaned");
      assertEquals(0, Ingests.read(warehouse, Table.CLEANED_LOADED_FILES)
          .where("file_name = 'hoso_20240505120000.jsonl'").count(), "the file stays pending");
    }
    assertEquals(2, Ingests.read(warehouse, Table.GOLD_CHECKS)
        .where("NOT passed AND table_name = 'raw.hoso' AND check_name = 'keys_unique_not_null'")
        .count(), "both runs recorded the failing check");
    spark.catalog().clearCache();
  }

  private static void tinyProvince(Path input) {
    TinyProvince.write(input, java.util.Map.of(D1, "Sở Một"), java.util.Map.of("1.001", D1));
  }

  /** A dossier of March 2024 at the one department, still being processed. */
  private static String dossier(int i) {
    return "{\"MaHoSo\":\"" + D1 + "-240305-" + i + "\",\"MaTTHC\":\"1.001\","
        + "\"MaDonVi\":\"" + D1 + "\",\"MaNoiTiepNhan\":\"" + CENTRE + "\","
        + "\"KenhThucHien\":1,\"NgayTiepNhan\":\"20240305080000\",\"NgayHenTra\":"
        + "\"20240328170000\",\"TrangThaiHoSo\":4}";
  }

  private static Cli.Run run(Path input, Path wh) {
    return Cli.bantin("run", "--input", input.toString(), "--warehouse", wh.toString());
  }

  private static String bulletin(Path wh) {
    Cli.Run run = Cli.bantin("bulletin", "--warehouse", wh.toString(), "--publisher", CENTRE,
        "--period", "2024-03");
    assertEquals(0, run.code(), () -> run.out() + run.err());
    return run.out();
  }
}
