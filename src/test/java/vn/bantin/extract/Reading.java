package vn.bantin.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Test helpers: read inline bytes as a named extract, build the bytes. */
final class Reading {
  private Reading() {}

  /** What one read produced. */
  record Result(List<SourceRecord> records, ReadSummary summary) {}

  static Result read(String fileName, byte[] bytes) {
    List<SourceRecord> records = new ArrayList<>();
    ReadSummary summary = ExtractReader.read(ExtractFile.of("/in/" + fileName, fileName),
        new ByteArrayInputStream(bytes), records::add);
    return new Result(records, summary);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An insertion-ordered map from alternating names and values. */
  static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  static SourceRecord ok(long line, String... namesAndValues) {
    return SourceRecord.ok(line, fields(namesAndValues));
  }
}
