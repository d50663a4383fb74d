package vn.bantin.bulletin;

import vn.bantin.metrics.Figure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's founding example, {@code shared/spec/bulletins/thai-binh-2021-04.json}, read for
 * tests. The spec folder is {@code -Dbantin.sharedSpec=<dir>} when given, otherwise the first
 * {@code shared/spec} found walking up from the working directory (the worktrees sit beside
 * {@code shared/}).
 */
public final class ReferenceBulletin {
  static final String FILE = "bulletins/thai-binh-2021-04.json";
  /** The centre's own article of the same month, beside the JSON. */
  static final String ARTICLE = "thai-binh-2021-04.article.txt";

  private ReferenceBulletin() {}

  public static Path path() {
    String given = System.getProperty("bantin.sharedSpec");
    if (given != null) {
      Path file = Paths.get(given).resolve(FILE);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "Cannot find the reference bulletin: " + file + " (from -Dbantin.sharedSpec) does not exist");
      }
      return file;
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("shared").resolve("spec").resolve(FILE);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IllegalStateException(
        "Cannot find the reference bulletin: no shared/spec/" + FILE + " above " + start
            + "; pass -Dbantin.sharedSpec=<path to shared/spec>");
  }

  public static String text() {
    try {
      return Files.readString(path(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The published article of April 2021, {@code bulletins/thai-binh-2021-04.article.txt}. */
  public static String article() {
    try {
      return Files.readString(path().resolveSibling(ARTICLE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json() {
    return parse(text());
  }

  static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code figures} object of a bulletin JSON, by Figure (unknown keys fail). */
  static Map<Figure, Long> figures(JsonNode bulletin) {
    Map<Figure, Long> figures = new EnumMap<>(Figure.class);
    bulletin.get("figures").fields().forEachRemaining(
        e -> figures.put(Figure.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), e.getValue().longValue()));
    return figures;
  }

  /** An object of a bulletin JSON as an ordered map of its text values. */
  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
    }
    return map;
  }
}
