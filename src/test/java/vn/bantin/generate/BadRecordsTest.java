package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliberately bad records are where the sample says, each a different breach, under codes
 * that appear nowhere else (so quarantining them changes no figure).
 */
class BadRecordsTest {

  @TempDir
  static Path dir;
  static GeneratedSample sample;
  /** File name → its lines (JSON Lines, CSV) or rows (XLSX, cells joined by tabs), 1-based. */
  static Map<String, List<String>> lines = new TreeMap<>();

  @BeforeAll
  static void generate() throws IOException {
    sample = SampleGenerator.generate(GeneratorOptions.defaults(dir).withScale(0.2));
    for (WrittenFile f : sample.files()) {
      lines.put(f.fileName(), read(dir.resolve(f.fileName())));
    }
  }

  static List<String> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> out = new ArrayList<>();
    if (name.endsWith(".xlsx")) {
      DataFormatter fmt = new DataFormatter();
      try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
        for (Row r : wb.getSheetAt(0)) {
          List<String> cells = new ArrayList<>();
          for (Cell c : r) {
            cells.add(fmt.formatCellValue(c));
          }
          out.add(String.join("\t", cells));
        }
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IOException(e);
      }
      return out;
    }
    byte[] bytes;
    try (InputStream in = name.endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      bytes = in.readAllBytes();
    }
    // split on \n; decode leniently (one line is not UTF-8 on purpose)
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (byte b : bytes) {
      if (b == '\n') {
        out.add(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
        line.reset();
      } else {
        line.write(b);
      }
    }
    if (line.size() > 0) {
      out.add(line.toString(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void tenDifferentBreaches() {
    List<BadRecord> bad = sample.badRecords();
    assertEquals(11, bad.size(), bad.toString()); // the conflicting duplicate is two records
    Set<String> reasons = bad.stream().map(b -> b.reason() + "/" + b.description())
        .collect(Collectors.toSet());
    assertEquals(10, reasons.size(), reasons.toString());
    Set<String> files = bad.stream().map(BadRecord::fileName).collect(Collectors.toSet());
    assertTrue(files.size() >= 6, "spread over the files: " + files);
  }

  @Test
  void eachIsWhereTheSampleSays() {
    for (BadRecord b : sample.badRecords()) {
      List<String> file = lines.get(b.fileName());
      String line = file.get((int) b.line() - 1);
      String mark = b.key() != null ? b.key() : "Hồ sơ thiếu mã";
      assertTrue(line.contains(mark), b + " → " + line);
      if (b.reason().equals("undecodable_text")) {
        assertTrue(line.contains("\uFFFD"), "invalid UTF-8 decodes to U+FFFD: " + line);
      }
      if (b.reason().equals("malformed_record")) {
        assertFalse(line.endsWith("}"), line);
      }
    }
  }

  @Test
  void theirCodesAppearNowhereElse() {
    Set<String> ids = sample.finalStates().stream().map(DossierState::dossierId)
        .collect(Collectors.toSet());
    sample.ballots().forEach(b -> ids.add(b.id()));
    for (BadRecord b : sample.badRecords()) {
      String key = b.key() != null ? b.key() : null;
      if (key == null) {
        continue;
      }
      assertFalse(ids.contains(key), key);
      long expected = sample.badRecords().stream().filter(x -> key.equals(x.key())).count();
      long found = 0;
      for (List<String> file : lines.values()) {
        for (String l : file) {
          if (l.contains(key)) {
            found++;
          }
        }
      }
      assertEquals(expected, found, key);
    }
  }

  @Test
  void everyFileHoldsWhatTheSampleCounts() {
    for (WrittenFile f : sample.files()) {
      int header = f.fileName().contains(".json") ? 0 : 1;
      assertEquals(f.records() + header, lines.get(f.fileName()).size(), f.fileName());
    }
  }
}
