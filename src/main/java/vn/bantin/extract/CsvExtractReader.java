package vn.bantin.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.bantin.cleaned.QuarantineReason;

/**
 * Records of a CSV extract: UTF-8, a header row, commas, RFC 4180 quoting (a quoted field may
 * hold commas, doubled quotes and line breaks), an optional leading byte-order mark. Streamed
 * record by record with commons-csv.
 *
 * <p>An empty cell is left out of the record, like a missing field: CSV cannot tell "" from
 * "nothing", and the contract reads both as "none". A record's line is the physical line it
 * starts on (the header is line 1), so a quoted line break moves the lines of what follows.
 * Blank lines are not records.
 *
 * <p>A row whose cell count differs from the header's is a {@code malformed_record}, with no
 * fields: cells cannot be matched to columns. Bytes that are not UTF-8 make their record (only
 * that one) {@code undecodable_text}, with its fields as decoded with U+FFFD; the decoder marks
 * the exact positions, so a genuine U+FFFD in the data is not mistaken for one. Broken quoting
 * (text after a closing quote, a quote never closed) leaves the rest of the file unparseable and
 * fails the whole file.
 */
final class CsvExtractReader {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(false) // blank lines come through as records so line numbers add up
      .get();
  private static final String MALFORMED = QuarantineReason.MALFORMED_RECORD.code();
  private static final String UNDECODABLE = QuarantineReason.UNDECODABLE_TEXT.code();

  private CsvExtractReader() {}

  static void read(ExtractFile file, InputStream content, Consumer<SourceRecord> sink)
      throws IOException {
    Utf8TextReader text = new Utf8TextReader(content);
    CSVParser parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
    Rows rows = new Rows(file, parser);
    Row headerRow = rows.next();
    if (headerRow == null) {
      return;
    }
    if (blank(headerRow.cells)) {
      // Blank lines only make an empty extract; anything after a blank first line would be
      // data without a header.
      for (Row r = rows.next(); r != null; r = rows.next()) {
        if (!blank(r.cells)) {
          throw new BadExtractException(file.fileName(),
              "line 1 is blank; the first line must be the header row");
        }
      }
      return;
    }
    Row first = rows.next();
    if (text.replacedBefore(first == null ? Long.MAX_VALUE : first.start)) {
      throw new BadExtractException(file.fileName(), "the header row is not valid UTF-8");
    }
    ExtractHeader header = ExtractHeader.of(file, headerRow.cells.toList(), i -> "" + (i + 1));
    // A record's undecodable bytes are known once the next record starts (the parser reads
    // ahead), so each record goes out one step behind.
    Row row = first;
    while (row != null) {
      Row next = rows.next();
      boolean undecodable = text.replacedBefore(next == null ? Long.MAX_VALUE : next.start);
      if (undecodable || !blank(row.cells)) {
        sink.accept(toRecord(header, row, undecodable));
      }
      row = next;
    }
  }

  private static SourceRecord toRecord(ExtractHeader header, Row row, boolean undecodable) {
    if (row.cells.size() != header.width()) {
      return undecodable
          ? SourceRecord.bad(row.line, Map.of(), UNDECODABLE, undecodableDetail())
          : SourceRecord.bad(row.line, Map.of(), MALFORMED,
              "expected " + header.width() + " columns, found " + row.cells.size());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < row.cells.size(); i++) {
      String value = row.cells.get(i);
      if (value.isEmpty()) {
        continue;
      }
      String name = header.name(i);
      if (name == null) {
        return undecodable
            ? SourceRecord.bad(row.line, Map.of(), UNDECODABLE, undecodableDetail())
            : SourceRecord.bad(row.line, Map.of(), MALFORMED, header.unnamedColumnProblem(i));
      }
      fields.put(name, value);
    }
    Map<String, String> read = Collections.unmodifiableMap(fields);
    return undecodable
        ? SourceRecord.bad(row.line, read, UNDECODABLE, undecodableDetail())
        : SourceRecord.ok(row.line, read);
  }

  private static String undecodableDetail() {
    return "the record holds bytes that are not valid UTF-8 (shown as U+FFFD)";
  }

  /** A line with nothing on it (commons-csv reads it as one empty cell). */
  private static boolean blank(CSVRecord cells) {
    return cells.size() == 1 && cells.get(0).isBlank();
  }

  /** A parsed record with the line it starts on and its character position. */
  private record Row(CSVRecord cells, long line, long start) {}

  /** The parser's records with their start lines; broken quoting fails the file. */
  private static final class Rows {
    private final ExtractFile file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long nextLine = 1;

    Rows(ExtractFile file, CSVParser parser) {
      this.file = file;
      this.parser = parser;
      this.records = parser.iterator();
    }

    Row next() {
      long line = nextLine;
      try {
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord r = records.next();
        // The parser has just consumed the record's line break, so its count is the number of
        // lines the records so far span.
        nextLine = parser.getCurrentLineNumber() + 1;
        return new Row(r, line, r.getCharacterPosition());
      } catch (UncheckedIOException e) {
        ExtractReader.rethrowIfStreamFailure(file, e);
        if (e.getCause() instanceof CSVException) {
          throw new BadExtractException(file.fileName(), "broken CSV quoting in the record that"
              + " starts on line " + line + " (text after a closing quote, or a quote never"
              + " closed)", e.getCause());
        }
        throw e;
      }
    }
  }
}
