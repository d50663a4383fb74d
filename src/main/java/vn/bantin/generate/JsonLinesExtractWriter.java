package vn.bantin.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * JSON Lines ({@code .jsonl}, {@code .json}), optionally gzip: one object per line, the
 * supplement list nested, empty fields left out. Java's gzip header carries no time or name, so
 * the bytes depend on the content only.
 */
final class JsonLinesExtractWriter implements ExtractWriter {
  private final boolean gzip;

  JsonLinesExtractWriter(boolean gzip) {
    this.gzip = gzip;
  }

  @Override
  public void write(Path file, List<String> columns, List<ExtractRow> rows) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
      for (ExtractRow row : rows) {
        if (row.rawLine() != null) {
          out.write(row.rawLine());
        } else {
          Map<String, Object> obj = new LinkedHashMap<>();
          for (Map.Entry<String, Object> e : row.fields().entrySet()) {
            if (e.getValue() != null) {
              obj.put(e.getKey(), ExtractWriter.json(e.getValue()));
            }
          }
          out.write(ExtractWriter.JSON.writeValueAsBytes(obj));
        }
        out.write('\n');
      }
    }
  }

  /** One record's line, as this writer would write it (without the newline). */
  static byte[] line(Map<String, Object> fields) throws IOException {
    Map<String, Object> obj = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() != null) {
        obj.put(e.getKey(), ExtractWriter.json(e.getValue()));
      }
    }
    return ExtractWriter.JSON.writeValueAsBytes(obj);
  }
}
