package vn.bantin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishersTest {
  @TempDir Path dir;

  @Test
  void defaultSettingsPrintThaiBinhTruncateRemainder() {
    assertEquals(
        new PublisherSettings("000.00.54.H54", "Trung tâm Phục vụ hành chính công tỉnh Thái Bình",
            "Thai Binh Provincial Public Administrative Service Centre", PercentStyle.TRUNCATE_REMAINDER,
            2, java.util.Optional.of("article/thai-binh.ftl")),
        Publishers.fromClasspath().settingsFor("000.00.54.H54"));
  }

  @Test
  void anArticleTemplateMustBeOneBuiltIn() throws IOException {
    Path good = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percent_style\":"
        + " \"half-up\", \"article_template\": \"article/thai-binh.ftl\"}}}");
    assertEquals(java.util.Optional.of("article/thai-binh.ftl"),
        Publishers.load(good).settingsFor("A").articleTemplate());
    assertEquals(java.util.Optional.empty(),
        Publishers.load(good).settingsFor("unconfigured").articleTemplate());
    for (String bad : new String[] {"article/nowhere.ftl", "../publishers.json", "/etc/passwd"}) {
      Path file = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percent_style\":"
          + " \"half-up\", \"article_template\": \"" + bad + "\"}}}");
      assertFails("Cannot read publisher settings " + file + ": publisher A: article_template '"
          + bad + "' is not a template built in (under templates/, e.g. article/thai-binh.ftl)",
          file);
    }
  }

  @Test
  void absentPublisherGetsHalfUpAndItsCodeAsName() {
    assertEquals(new PublisherSettings("000.00.31.H31", "000.00.31.H31", "000.00.31.H31", PercentStyle.HALF_UP),
        Publishers.fromClasspath().settingsFor("000.00.31.H31"));
  }

  @Test
  void userFileReplacesTheDefaultsAndEnglishNameDefaultsToName() throws IOException {
    Path file = write("{\"publishers\": {\"000.00.31.H31\": {\"name\": \"Trung tâm Hải Phòng\","
        + " \"percent_style\": \"half-up\"}}}");

    Publishers publishers = Publishers.load(file);

    assertEquals(new PublisherSettings("000.00.31.H31", "Trung tâm Hải Phòng", "Trung tâm Hải Phòng",
        PercentStyle.HALF_UP), publishers.settingsFor("000.00.31.H31"));
    assertEquals(PercentStyle.HALF_UP, publishers.settingsFor("000.00.54.H54").percentStyle());
  }

  @Test
  void missingFileFailsInOneLine() {
    Path file = dir.resolve("nope.json");
    assertFails("Cannot read publisher settings " + file + ": no such file", file);
  }

  @Test
  void invalidJsonFailsWithItsLine() throws IOException {
    Path file = write("{\"publishers\": {\n  \"x\": }\n}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Publishers.load(file));
    assertEquals("Cannot read publisher settings " + file + ": line 2, column 8: Unexpected character ('}' (code 125)):"
        + " expected a value", e.getMessage());
  }

  @Test
  void badPercentStyleListsTheValidOnes() throws IOException {
    Path file = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percent_style\": \"round\"}}}");
    assertFails("Cannot read publisher settings " + file
        + ": publisher A: percent_style 'round' is not one of truncate-remainder, half-up", file);
  }

  @Test
  void surveyDecimalsAreReadAndDefaultToTwo() throws IOException {
    Path file = write("{\"publishers\": {\"L\": {\"name\": \"Trung tâm Lạng Sơn\","
        + " \"percent_style\": \"half-up\", \"survey_decimals\": 1},"
        + " \"T\": {\"name\": \"t\", \"percent_style\": \"half-up\"}}}");

    Publishers publishers = Publishers.load(file);

    assertEquals(1, publishers.settingsFor("L").surveyDecimals());
    assertEquals(2, publishers.settingsFor("T").surveyDecimals());
    assertEquals(2, publishers.settingsFor("unconfigured").surveyDecimals());
  }

  @Test
  void surveyDecimalsOutOfRangeFail() throws IOException {
    for (String bad : new String[] {"-1", "5", "1.5", "\"1\""}) {
      Path file = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percent_style\":"
          + " \"half-up\", \"survey_decimals\": " + bad + "}}}");
      assertFails("Cannot read publisher settings " + file + ": publisher A: survey_decimals must"
          + " be a whole number from 0 to 4 (got " + bad + ")", file);
    }
  }

  @Test
  void missingNameFails() throws IOException {
    Path file = write("{\"publishers\": {\"A\": {\"percent_style\": \"half-up\"}}}");
    assertFails("Cannot read publisher settings " + file + ": publisher A: name is missing", file);
  }

  @Test
  void misspelledKeyFailsRatherThanFallingBackToADefault() throws IOException {
    Path file = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percentStyle\": \"half-up\"}}}");
    assertFails("Cannot read publisher settings " + file
        + ": publisher A: unknown key \"percentStyle\" (expected name, english_name, percent_style,"
        + " survey_decimals, article_template)", file);
  }

  @Test
  void duplicateCodeFails() throws IOException {
    Path file = write("{\"publishers\": {\"A\": {\"name\": \"a\", \"percent_style\": \"half-up\"},"
        + " \"A\": {\"name\": \"b\", \"percent_style\": \"half-up\"}}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Publishers.load(file));
    assertEquals("Cannot read publisher settings " + file + ": line 1, column 68: Duplicate field 'A'",
        e.getMessage());
  }

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("publishers.json"), json, StandardCharsets.UTF_8);
  }

  private static void assertFails(String message, Path file) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Publishers.load(file));
    assertEquals(message, e.getMessage());
  }
}
