package vn.bantin.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV: UTF-8, header row, RFC 4180 (comma, double quotes, CRLF), optionally led by a byte-order
 * mark and optionally gzip; a list field holds its JSON text, an empty field is empty.
 */
final class CsvExtractWriter implements ExtractWriter {
  private final boolean gzip;
  private final boolean bom;

  CsvExtractWriter(boolean gzip, boolean bom) {
    this.gzip = gzip;
    this.bom = bom;
  }

  @Override
  public void write(Path file, List<String> columns, List<ExtractRow> rows) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        Writer w = new BufferedWriter(new OutputStreamWriter(
            gzip ? new GZIPOutputStream(raw) : raw, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
      if (bom) {
        w.write('\uFEFF');
      }
      csv.printRecord(columns);
      for (ExtractRow row : rows) {
        if (row.rawLine() != null) {
          throw new IllegalArgumentException("a raw line cannot go in a CSV file");
        }
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
          String t = ExtractWriter.text(row.fields().get(c));
          cells.add(t == null ? "" : t);
        }
        csv.printRecord(cells);
      }
    }
  }
}
