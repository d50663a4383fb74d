package vn.bantin.generate;

import java.util.Map;

/**
 * One record to write: its fields (in column order; values as {@link DossierState#toFields}
 * gives them, or any text for a deliberately bad value), or, for a deliberately broken line of a
 * JSON Lines file, the raw bytes of the line.
 */
record ExtractRow(Map<String, Object> fields, byte[] rawLine) {
  static ExtractRow of(Map<String, Object> fields) {
    return new ExtractRow(fields, null);
  }

  static ExtractRow raw(byte[] line) {
    return new ExtractRow(null, line);
  }
}
