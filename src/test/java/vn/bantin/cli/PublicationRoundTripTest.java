package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;

/**
 * Published bulletins stay frozen: publish March, load an extract that corrects one of March's
 * dossiers (it was resolved, the first extract had it processing), and the bulletin as
 * published still prints what was published, character for character, while the current one
 * shows the correction, and the revisions list exactly the figures it moved, per department.
 */
class PublicationRoundTripTest {
  @TempDir
  Path tmp;

  private static final String CENTRE = TinyProvince.CENTRE;
  private static final String D1 = "000.00.01.H54";
  private static final String D2 = "000.00.02.H54";

  /** A March dossier of {@code unit}: processing, or resolved on {@code endedOn}. */
  private static String dossier(String unit, int n, String procedure, String endedOn) {
    return "{\"MaHoSo\":\"" + unit + "-240305-" + n + "\",\"MaTTHC\":\"" + procedure + "\","
        + "\"MaDonVi\":\"" + unit + "\",\"MaNoiTiepNhan\":\"" + CENTRE + "\","
        + "\"KenhThucHien\":1,\"NgayTiepNhan\":\"20240305080000\",\"NgayHenTra\":"
        + "\"20240328170000\",\"TrangThaiHoSo\":" + (endedOn == null ? "4" : "9")
        + (endedOn == null ? "" : ",\"NgayKetThucXuLy\":\"" + endedOn + "100000\"") + "}";
  }

  @Test
  void aCorrectionAfterPublishingLeavesThePublishedBulletinAsItWasAndListsWhatMoved()
      throws Exception {
    SparkTestSession.get();
    Path input = tmp.resolve("in");
    Path wh = tmp.resolve("wh");
    Map<String, String> departments = new java.util.LinkedHashMap<>();
    departments.put(D1, "Sở Một");
    departments.put(D2, "Sở Hai");
    TinyProvince.write(input, departments, Map.of("1.001", D1, "1.002", D2));
    List<String> march = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      march.add(dossier(D1, i, "1.001", null));
    }
    march.add(dossier(D2, 0, "1.002", "20240310"));
    march.add(dossier(D2, 1, "1.002", "20240311"));
    Ingests.write(input, "hoso_20240405120000.jsonl",
        Ingests.lines(march.toArray(String[]::new)));
    run(input, wh);

    Cli.Run never = bantin(wh, "--period", "2024-03", "--as-published");
    assertEquals(2, never.code(), never.out());
    assertTrue(never.err().contains("was never published"), never.err());

    Cli.Run published = ok(bantin(wh, "--period", "2024-03", "--format", "md", "--publish"));
    assertTrue(published.err().contains("published 2024-03 of " + CENTRE), published.err());
    String publishedJson = ok(bantin(wh, "--period", "2024-03", "--as-published")).out();
    String publishedByDepartment = ok(bantin(wh, "--period", "2024-03", "--format", "md",
        "--by", "department", "--as-published")).out();
    assertEquals(2, figure(publishedJson, "resolved"), publishedJson);

    // The first of D1's dossiers was in fact resolved on 20 March.
    Ingests.write(input, "hoso_20240415120000.jsonl",
        Ingests.lines(dossier(D1, 0, "1.001", "20240320")));
    run(input, wh);

    String now = ok(bantin(wh, "--period", "2024-03")).out();
    assertEquals(3, figure(now, "resolved"), now);
    assertEquals(published.out(), ok(bantin(wh, "--period", "2024-03", "--format", "md",
        "--as-published")).out(), "the published bulletin, as it was published");
    assertEquals(publishedJson, ok(bantin(wh, "--period", "2024-03", "--as-published")).out());
    assertEquals(publishedByDepartment, ok(bantin(wh, "--period", "2024-03", "--format", "md",
        "--by", "department", "--as-published")).out());
    assertNotEquals(published.out(), ok(bantin(wh, "--period", "2024-03", "--format", "md"))
        .out(), "the current bulletin shows the correction");

    JsonNode revisions = new ObjectMapper().readTree(
        ok(bantin(wh, "--period", "2024-03", "--revisions")).out());
    assertEquals("2024-03", revisions.get("period").asText());
    Map<String, String> changes = changes(revisions);
    // Resolved on the 20th, due on the 28th: early; no longer pending (it was overdue by the
    // end of March). D2 did not move.
    assertEquals(Map.of(
        "total resolved", "2 -> 3 (1)",
        "total resolved_early", "2 -> 3 (1)",
        "total pending", "3 -> 2 (-1)",
        "total pending_overdue", "3 -> 2 (-1)",
        D1 + " resolved", "0 -> 1 (1)",
        D1 + " resolved_early", "0 -> 1 (1)",
        D1 + " pending", "3 -> 2 (-1)",
        D1 + " pending_overdue", "3 -> 2 (-1)"), changes, revisions.toString());
    String table = ok(bantin(wh, "--period", "2024-03", "--revisions", "--format", "md")).out();
    assertTrue(table.contains("| " + D1 + " Sở Một | resolved | 0 | 1 | +1 |"), table);

    // Published again: the new publication is the one revisions compare with.
    ok(bantin(wh, "--period", "2024-03", "--publish"));
    assertEquals(0, new ObjectMapper().readTree(
        ok(bantin(wh, "--period", "2024-03", "--revisions")).out()).get("changes").size());
    assertEquals(now, ok(bantin(wh, "--period", "2024-03", "--as-published")).out());

    // The first publication is still there to print and compare with, by its id.
    String[] listed = ok(bantin(wh, "--period", "2024-03", "--publications")).out().strip()
        .split("\n");
    assertEquals(2, listed.length, String.join("\n", listed));
    String firstId = new ObjectMapper().readTree(listed[0]).get("publication_id").asText();
    assertTrue(published.err().contains("(publication " + firstId + ":"), published.err());
    assertEquals(publishedJson, ok(bantin(wh, "--period", "2024-03", "--as-published",
        "--publication", firstId.substring(0, 8))).out(), "the first publication, by its id");
    assertEquals(published.out(), ok(bantin(wh, "--period", "2024-03", "--format", "md",
        "--as-published", "--publication", firstId)).out());
    JsonNode sinceFirst = new ObjectMapper().readTree(ok(bantin(wh, "--period", "2024-03",
        "--revisions", "--publication", firstId)).out());
    assertEquals(changes, changes(sinceFirst), "the same changes as before the second one");
    assertEquals(firstId, sinceFirst.get("publication_id").asText());
    Cli.Run unknown = bantin(wh, "--period", "2024-03", "--as-published", "--publication",
        "zzzz");
    assertEquals(2, unknown.code(), unknown.out());
    assertTrue(unknown.err().contains("no publication of 2024-03 of " + CENTRE + " has the id"
        + " 'zzzz' (it was published 2 time(s);"), unknown.err());
    assertTrue(ok(bantin(wh, "--period", "2024-03", "--publications", "--format", "md")).out()
        .contains("| 1 | " + firstId + " | "));

    // A month later: vacuum deletes what no kept version needs, and keeps what the
    // publications and readers read, however old.
    Path bulletinTable = wh.resolve("gold").resolve("bulletin");
    Path trendsTable = wh.resolve("gold").resolve("trends");
    Path dossiersTable = wh.resolve("cleaned").resolve("dossiers");
    ageEveryDataFile(bulletinTable, 30);
    ageEveryDataFile(trendsTable, 30);
    Path trendsOrphan = orphan(trendsTable, 60);
    Path oldOrphan = orphan(dossiersTable, 8);
    Path newOrphan = orphan(dossiersTable, 1);
    Cli.Run vacuum = ok(Cli.bantin("vacuum", "--warehouse", wh.toString()));
    // The bulletin's files are kept ten years; the trends' published version holds files a
    // month old, beyond the table's seven days: left whole rather than lose them.
    assertTrue(vacuum.out().matches("(?s).*\ngold\\.bulletin: \\d+ files deleted, retention"
        + " 87600 h; its kept versions hold files 72\\d h old.*"), vacuum.out());
    assertTrue(vacuum.out().matches("(?s).*\ngold\\.trends: left whole: its kept versions hold"
        + " files 72\\d h old, beyond its retention of 168 h.*"), vacuum.out());
    assertTrue(vacuum.out().contains("\ncleaned.dossiers: 1 files deleted, retention 168 h"),
        vacuum.out());
    assertTrue(!java.nio.file.Files.exists(oldOrphan) && java.nio.file.Files.exists(newOrphan)
        && java.nio.file.Files.exists(trendsOrphan), vacuum.out());
    assertEquals(publishedJson, ok(bantin(wh, "--period", "2024-03", "--as-published",
        "--publication", firstId)).out(), "the first publication still reads back after vacuum");
    assertEquals(now, ok(bantin(wh, "--period", "2024-03", "--as-published")).out());
    assertEquals(now, ok(bantin(wh, "--period", "2024-03")).out());
  }

  /** Every data file of the table made {@code days} older, as if written then. */
  private static void ageEveryDataFile(Path table, int days) throws Exception {
    long then = System.currentTimeMillis() - days * 86_400_000L;
    try (var files = java.nio.file.Files.walk(table)) {
      for (Path f : files.filter(java.nio.file.Files::isRegularFile)
          .filter(f -> !f.toString().contains("_delta_log")).toList()) {
        java.nio.file.Files.setLastModifiedTime(f,
            java.nio.file.attribute.FileTime.fromMillis(then));
      }
    }
  }

  /** A data file no commit names (a killed write's), written {@code days} ago. */
  private static Path orphan(Path table, int days) throws Exception {
    Path f = table.resolve("part-00000-orphan-" + days + "d.snappy.parquet");
    java.nio.file.Files.write(f, new byte[] {1, 2, 3});
    java.nio.file.Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - days * 86_400_000L));
    return f;
  }

  @Test
  void onlyOnePeriodIsPublishedAtATimeAndThePublishedStyleStays() {
    Path wh = tmp.resolve("none");
    Cli.Run range = bantin(wh, "--period", "2024-01..2024-03", "--publish");
    assertEquals(2, range.code());
    assertTrue(range.err().contains("Cannot publish: --period must name one period"),
        range.err());
    Cli.Run rangeAsPublished = bantin(wh, "--period", "2024-01..2024-03", "--as-published");
    assertEquals(2, rangeAsPublished.code());
    assertTrue(rangeAsPublished.err().contains("Cannot print the bulletin as published: --period"
        + " must name one period"), rangeAsPublished.err());
    Cli.Run style = bantin(wh, "--period", "2024-03", "--as-published", "--percent-style",
        "half-up");
    assertEquals(2, style.code());
    assertTrue(style.err().contains("keeps the style it was published in"), style.err());
    Cli.Run both = bantin(wh, "--period", "2024-03", "--publish", "--revisions");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("one at a time"), both.err());
    Cli.Run alone = bantin(wh, "--period", "2024-03", "--publication", "abcd");
    assertEquals(2, alone.code());
    assertTrue(alone.err().contains("--publication chooses the publication that"
        + " --as-published prints or --revisions compares with"), alone.err());
  }

  /** "unit figure" → "published -> current (change)" of a --revisions object. */
  private static Map<String, String> changes(JsonNode revisions) {
    Map<String, String> changes = new TreeMap<>();
    for (JsonNode c : revisions.get("changes")) {
      changes.put((c.get("unit_code").isNull() ? "total" : c.get("unit_code").asText()) + " "
          + c.get("figure").asText(), c.get("published").asLong() + " -> "
          + c.get("current").asLong() + " (" + c.get("change").asLong() + ")");
    }
    return changes;
  }

  private static long figure(String json, String key) throws Exception {
    return new ObjectMapper().readTree(json).get("figures").get(key).asLong();
  }

  private static void run(Path input, Path wh) {
    ok(Cli.bantin("run", "--input", input.toString(), "--warehouse", wh.toString()));
  }

  private static Cli.Run bantin(Path wh, String... args) {
    List<String> all = new ArrayList<>(List.of("bulletin", "--warehouse", wh.toString(),
        "--publisher", CENTRE));
    all.addAll(List.of(args));
    return Cli.bantin(all.toArray(String[]::new));
  }

  private static Cli.Run ok(Cli.Run run) {
    assertEquals(0, run.code(), () -> "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }
}
