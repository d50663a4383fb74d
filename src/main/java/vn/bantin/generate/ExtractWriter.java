package vn.bantin.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes one extract file in one format. Implementations are deterministic, byte for byte. */
interface ExtractWriter {

  DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  ObjectMapper JSON = new ObjectMapper();

  /** Writes the header (where the format has one) and the rows. */
  void write(Path file, List<String> columns, List<ExtractRow> rows) throws IOException;

  /** The writer for a planned extract. */
  static ExtractWriter forExtract(PlannedExtract e) {
    return switch (e.format()) {
      case "jsonl", "json" -> new JsonLinesExtractWriter(e.gzip());
      case "csv" -> new CsvExtractWriter(e.gzip(), e.bom());
      case "xlsx" -> new XlsxExtractWriter(e.kind() == vn.bantin.extract.ExtractKind.HOSO
          ? java.util.Set.of("NgayTiepNhan", "NgayNopHoSo") : java.util.Set.of());
      default -> throw new IllegalArgumentException(e.format());
    };
  }

  /** A value as text: dates in the contract's formats, lists as JSON, null stays null. */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(json(v));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    Object j = json(v);
    return j.toString();
  }

  /**
   * A value as JSON: dates as text, numbers as numbers, nested field maps with their empty
   * fields as empty strings (as the portal writes the supplement list).
   */
  static Object json(Object v) {
    if (v instanceof LocalDateTime t) {
      return TIMESTAMP.format(t);
    }
    if (v instanceof LocalDate d) {
      return DATE.format(d);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(json(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey().toString(), e.getValue() == null ? "" : json(e.getValue()));
      }
      return out;
    }
    return v;
  }
}
