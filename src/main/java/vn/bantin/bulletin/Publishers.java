package vn.bantin.bulletin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of every configured publisher, read from a JSON file:
 *
 * <pre>{@code
 * { "publishers": {
 *     "000.00.54.H54": {
 *       "name": "Trung tâm Phục vụ hành chính công tỉnh Thái Bình",
 *       "english_name": "Thai Binh Provincial Public Administrative Service Centre",
 *       "percent_style": "truncate-remainder",
 *       "article_template": "article/thai-binh.ftl" } } }
 * }</pre>
 *
 * <p>{@code name} and {@code percent_style} are required; {@code english_name} defaults to
 * {@code name}; {@code article_template} names the template of the publisher's own article
 * ({@code --format article}), one of the templates built in under {@code templates/}, checked
 * to exist when the file is read. Unknown keys and duplicate codes are errors, so a typo cannot silently fall back
 * to a default. The default file is {@code publishers.json} on the classpath; a user replaces it
 * with their own file ({@link #load(Path)}). A publisher absent from the file gets
 * {@link PublisherSettings#defaultFor(String)}: half-up, its code as its name.
 */
public final class Publishers {
  /** The classpath resource holding the default settings. */
  public static final String DEFAULT_RESOURCE = "publishers.json";

  private static final Set<String> PUBLISHER_KEYS = Set.of("name", "english_name", "percent_style",
      "survey_decimals", "article_template");

  private final Map<String, PublisherSettings> byCode;

  private Publishers(Map<String, PublisherSettings> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** The default settings shipped on the classpath ({@value #DEFAULT_RESOURCE}). */
  public static Publishers fromClasspath() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    try (InputStream in = Publishers.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw cannotRead(source, "not on the classpath");
      }
      return parse(source, in.readAllBytes());
    } catch (IOException e) {
      throw cannotRead(source, e.toString());
    }
  }

  /** The settings in {@code file}, replacing the default ones entirely. */
  public static Publishers load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw cannotRead(file.toString(), "no such file");
    } catch (IOException e) {
      throw cannotRead(file.toString(), e.toString());
    }
    return parse(file.toString(), bytes);
  }

  /** Settings holding one publisher (what a published bulletin was printed with). */
  public static Publishers of(PublisherSettings settings) {
    return new Publishers(Map.of(settings.code(), settings));
  }

  /** The settings as a publishers file holding them alone ({@link #parse(String, String)}). */
  public static String json(PublisherSettings settings) {
    ObjectMapper mapper = new ObjectMapper();
    var publisher = mapper.createObjectNode()
        .put("name", settings.name())
        .put("english_name", settings.englishName())
        .put("percent_style", settings.percentStyle().id())
        .put("survey_decimals", settings.surveyDecimals());
    settings.articleTemplate().ifPresent(t -> publisher.put("article_template", t));
    var root = mapper.createObjectNode();
    root.putObject("publishers").set(settings.code(), publisher);
    return root.toString();
  }

  /** The settings in a publishers file's text; {@code source} names it in messages. */
  public static Publishers parse(String source, String json) {
    return parse(source, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The configured settings of {@code code}, or its documented default when it is absent. */
  public PublisherSettings settingsFor(String code) {
    PublisherSettings settings = byCode.get(code);
    return settings != null ? settings : PublisherSettings.defaultFor(code);
  }

  /** The configured publishers by code, in file order. */
  public Map<String, PublisherSettings> configured() {
    return byCode;
  }

  private static Publishers parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw cannotRead(source, where + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw cannotRead(source, e.toString());
    }
    if (root == null || !root.isObject()) {
      throw cannotRead(source, "expected a JSON object with a \"publishers\" object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("publishers")) {
        throw cannotRead(source, "unknown key \"" + key + "\" (expected \"publishers\")");
      }
    }
    JsonNode publishers = root.get("publishers");
    if (publishers == null || !publishers.isObject()) {
      throw cannotRead(source, "expected a JSON object with a \"publishers\" object");
    }
    Map<String, PublisherSettings> byCode = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = publishers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byCode.put(entry.getKey(), publisher(source, entry.getKey(), entry.getValue()));
    }
    return new Publishers(byCode);
  }

  private static PublisherSettings publisher(String source, String code, JsonNode node) {
    if (code.isBlank()) {
      throw cannotRead(source, "a publisher code is empty");
    }
    if (!node.isObject()) {
      throw cannotRead(source, "publisher " + code + ": expected an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!PUBLISHER_KEYS.contains(key)) {
        throw cannotRead(source, "publisher " + code + ": unknown key \"" + key
            + "\" (expected name, english_name, percent_style, survey_decimals,"
            + " article_template)");
      }
    }
    String name = text(source, code, node, "name", true);
    String englishName = text(source, code, node, "english_name", false);
    String style = text(source, code, node, "percent_style", true);
    PercentStyle percentStyle;
    try {
      percentStyle = PercentStyle.parse(style);
    } catch (IllegalArgumentException e) {
      throw cannotRead(source, "publisher " + code + ": percent_style '" + style
          + "' is not one of " + PercentStyle.validIds());
    }
    int surveyDecimals = PublisherSettings.DEFAULT_SURVEY_DECIMALS;
    JsonNode decimals = node.get("survey_decimals");
    if (decimals != null && !decimals.isNull()) {
      if (!decimals.isInt() || decimals.intValue() < 0
          || decimals.intValue() > PublisherSettings.MAX_SURVEY_DECIMALS) {
        throw cannotRead(source, "publisher " + code + ": survey_decimals must be a whole number"
            + " from 0 to " + PublisherSettings.MAX_SURVEY_DECIMALS + " (got " + decimals + ")");
      }
      surveyDecimals = decimals.intValue();
    }
    String article = text(source, code, node, "article_template", false);
    if (article != null && !BulletinRenderer.hasTemplate(article)) {
      throw cannotRead(source, "publisher " + code + ": article_template '" + article
          + "' is not a template built in (under templates/, e.g. article/thai-binh.ftl)");
    }
    return new PublisherSettings(code, name, englishName == null ? name : englishName, percentStyle,
        surveyDecimals, java.util.Optional.ofNullable(article));
  }

  private static String text(String source, String code, JsonNode node, String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw cannotRead(source, "publisher " + code + ": " + key + " is missing");
      }
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw cannotRead(source, "publisher " + code + ": " + key + " must be a non-empty string");
    }
    return value.textValue();
  }

  private static String oneLine(String message) {
    return message == null ? "invalid JSON" : message.replaceAll("\\s*\\R\\s*", " ");
  }

  private static IllegalArgumentException cannotRead(String source, String reason) {
    return new IllegalArgumentException("Cannot read publisher settings " + source + ": " + reason);
  }
}
