package vn.bantin.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import vn.bantin.metrics.Figure;

/**
 * A published bulletin in the shape of {@code shared/spec/bulletins/thai-binh-2021-04.json}:
 * publisher, monthly period and the 31 figures (printed percentages are ignored; they follow
 * from the figures).
 */
public record Bulletin(String fileName, String publisher, String publisherCode, YearMonth period,
    Map<Figure, Long> figures) {

  public long get(Figure f) {
    return figures.get(f);
  }

  /** Reads a bulletin file, with a one-line {@link CalibrationException} for any defect. */
  public static Bulletin read(Path file) {
    String name = file.getFileName().toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CalibrationException("cannot read bulletin " + name + ": "
          + e.getMessage().lines().findFirst().orElse("unreadable"));
    }
    if (root == null || !root.isObject()) {
      throw new CalibrationException("bulletin " + name + " is not a JSON object");
    }
    String publisher = text(root, "publisher", name);
    String code = text(root, "publisher_code", name);
    String periodText = text(root, "period", name);
    YearMonth period;
    try {
      period = YearMonth.parse(periodText);
    } catch (DateTimeParseException e) {
      throw new CalibrationException("bulletin " + name + ": period '" + periodText
          + "' is not a month (yyyy-MM); only monthly bulletins can be calibrated");
    }
    JsonNode figs = root.get("figures");
    if (figs == null || !figs.isObject()) {
      throw new CalibrationException("bulletin " + name + " has no \"figures\" object");
    }
    Map<Figure, Long> values = new EnumMap<>(Figure.class);
    for (Figure f : Figure.values()) {
      JsonNode v = figs.get(f.key());
      if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
        throw new CalibrationException("bulletin " + name + ": figure " + f.key()
            + " is missing or not a non-negative whole number");
      }
      values.put(f, v.asLong());
    }
    return new Bulletin(name, publisher, code, period, Collections.unmodifiableMap(values));
  }

  private static String text(JsonNode root, String field, String name) {
    JsonNode v = root.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new CalibrationException("bulletin " + name + " has no \"" + field + "\"");
    }
    return v.asText();
  }
}
