package vn.bantin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: a changed output shows up as a diff to
 * review. Run with {@code -Dbantin.regenerateGolden=true} to rewrite them instead of comparing.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("bantin.regenerateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError("No golden file " + file + "; run the test with"
          + " -Dbantin.regenerateGolden=true to write it, then review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
  }
}
