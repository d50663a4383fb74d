package vn.bantin.generate.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bantin.cleaned.AgencyCheck;
import vn.bantin.cleaned.BallotCheck;
import vn.bantin.cleaned.Checked;
import vn.bantin.cleaned.DossierCheck;
import vn.bantin.cleaned.ProcedureCheck;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractReader;
import vn.bantin.extract.SourceRecord;
import vn.bantin.generate.GenerateCommand;

class ScaleGeneratorTest {

  private static int run(StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static Path gen(Path dir, long seed, String... extra) {
    List<String> a = new ArrayList<>(List.of("--scale", "--dossiers", "3000", "--from",
        "2020-11", "--to", "2021-03", "--seed", Long.toString(seed), "--out", dir.toString()));
    a.addAll(List.of(extra));
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, a.toArray(String[]::new)), err.toString());
    return dir;
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> h = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        h.put(p.getFileName().toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
      }
    }
    return h;
  }

  private static List<Path> extracts(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static List<SourceRecord> read(Path p) throws Exception {
    List<SourceRecord> out = new ArrayList<>();
    ExtractFile f = ExtractFile.of(p.toString(), p.getFileName().toString());
    try (InputStream in = Files.newInputStream(p)) {
      ExtractReader.read(f, in, out::add);
    }
    return out;
  }

  @Test
  void sameSeedSameBytesOtherSeedDiffers(@TempDir Path tmp) throws Exception {
    Map<String, String> a = hashes(gen(tmp.resolve("a"), 7));
    Map<String, String> b = hashes(gen(tmp.resolve("b"), 7));
    Map<String, String> c = hashes(gen(tmp.resolve("c"), 8));
    assertEquals(a, b);
    assertEquals(a.keySet(), c.keySet());
    assertNotEquals(a.get("hoso_20210101013000.jsonl"), c.get("hoso_20210101013000.jsonl"));
    Map<String, String> g1 = hashes(gen(tmp.resolve("g1"), 7, "--gzip"));
    Map<String, String> g2 = hashes(gen(tmp.resolve("g2"), 7, "--gzip"));
    assertEquals(g1, g2);
    assertTrue(g1.containsKey("hoso_20210101013000.jsonl.gz"));
  }

  /** Quarantine reason counts over every file; conflicting duplicates by pairing ids. */
  private static Map<String, Integer> badCounts(Path dir, Map<String, Map<String, String>> newest)
      throws Exception {
    Map<String, Integer> bad = new TreeMap<>();
    for (Path p : extracts(dir)) {
      String name = p.getFileName().toString();
      ExtractFile f = ExtractFile.of(p.toString(), name);
      java.time.LocalDate day = f.extractTime().toLocalDate();
      Map<String, List<Map<String, String>>> byId = new LinkedHashMap<>();
      for (SourceRecord r : read(p)) {
        if (r.problem() != null) {
          bad.merge(r.problem(), 1, Integer::sum);
          continue;
        }
        Checked<?> c = switch (f.kind()) {
          case HOSO -> DossierCheck.check(r.fields(), day);
          case DANHGIA -> BallotCheck.check(r.fields(), day);
          case THUTUC -> ProcedureCheck.check(r.fields());
          default -> AgencyCheck.check(r.fields());
        };
        if (!c.isOk()) {
          bad.merge(c.problems().get(0).reason().code(), 1, Integer::sum);
          continue;
        }
        if (name.startsWith("hoso")) {
          byId.computeIfAbsent(r.fields().get("MaHoSo"), k -> new ArrayList<>()).add(r.fields());
        }
      }
      for (Map.Entry<String, List<Map<String, String>>> e : byId.entrySet()) {
        if (e.getValue().size() > 1) {
          assertEquals(2, e.getValue().size(), e.getKey());
          assertNotEquals(e.getValue().get(0), e.getValue().get(1));
          bad.merge("conflicting_duplicate", 2, Integer::sum);
        } else if (newest != null) {
          newest.put(e.getKey(), e.getValue().get(0));
        }
      }
    }
    return bad;
  }

  private static Map<String, Integer> manifest(Path dir) throws Exception {
    String m = Files.readString(dir.resolve(".generate.json"));
    String planted = m.substring(m.indexOf("\"planted\""));
    Map<String, Integer> out = new TreeMap<>();
    for (String k : ScaleGenerator.PLANTED) {
      int i = planted.indexOf("\"" + k + "\": ") + k.length() + 4;
      int j = i;
      while (Character.isDigit(planted.charAt(j))) {
        j++;
      }
      int n = Integer.parseInt(planted.substring(i, j));
      if (n > 0) {
        out.put(k, n);
      }
    }
    return out;
  }

  @Test
  void everyRecordPassesExceptThePlantedOnes(@TempDir Path tmp) throws Exception {
    Path dir = gen(tmp.resolve("m"), 11);
    Map<String, Integer> expected = manifest(dir);
    assertEquals(6, expected.size(), expected.toString());
    assertEquals(expected, badCounts(dir, null));
  }

  @Test
  void dumpHoldsEachDossierOnceAsTheNewestMonthlyState(@TempDir Path tmp) throws Exception {
    Map<String, Map<String, String>> monthly = new TreeMap<>();
    Path m = gen(tmp.resolve("m"), 5);
    badCounts(m, monthly);
    Path d = gen(tmp.resolve("d"), 5, "--dump");
    assertEquals(manifest(d), badCounts(d, null));
    Map<String, Map<String, String>> dumped = new TreeMap<>();
    int hosoFiles = 0;
    for (Path p : extracts(d)) {
      if (p.getFileName().toString().startsWith("hoso")) {
        hosoFiles++;
        for (SourceRecord r : read(p)) {
          String id = r.fields().get("MaHoSo");
          if (r.problem() != null || id == null || id.isEmpty() || id.contains("-X")) {
            continue; // planted
          }
          assertFalse(dumped.containsKey(id), id);
          dumped.put(id, r.fields());
        }
      }
    }
    assertEquals(1, hosoFiles);
    monthly.keySet().removeIf(id -> id.contains("-X"));
    List<String> differ = new ArrayList<>();
    for (String id : monthly.keySet()) {
      if (!monthly.get(id).equals(dumped.get(id))) {
        differ.add(id + ": " + monthly.get(id) + " vs " + dumped.get(id));
      }
    }
    assertEquals(List.of(), differ.subList(0, Math.min(3, differ.size())));
    assertEquals(monthly.size(), dumped.size());
  }

  @Test
  void optionErrorsExit2WithOneLine(@TempDir Path tmp) {
    String out = tmp.resolve("o").toString();
    String[][] bad = {
        {"--scale", "--from", "2020-01", "--to", "2020-02", "--out", out},
        {"--scale", "--dossiers", "x", "--from", "2020-01", "--to", "2020-02", "--out", out},
        {"--scale", "--dossiers", "10", "--from", "2015-01", "--to", "2020-02", "--out", out},
        {"--scale", "--dossiers", "10", "--from", "2020-05", "--to", "2020-02", "--out", out},
        {"--scale", "--dossiers", "10", "--from", "2020-13", "--to", "2021-02", "--out", out},
        {"--scale", "--dossiers", "10", "--from", "2020-01", "--to", "2020-02"},
        {"--dump", "--out", out}};
    for (String[] a : bad) {
      StringWriter err = new StringWriter();
      assertEquals(2, run(err, a), String.join(" ", a));
      String msg = err.toString().strip();
      assertEquals(1, msg.lines().count(), msg);
      assertFalse(msg.contains("Exception"), msg);
    }
  }
}
