package vn.bantin.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.bantin.cleaned.QuarantineReason;

/**
 * Records of an Excel extract: the first sheet, row 1 the header, one record per non-empty row
 * ({@code line} is the 1-based row number). Cell values become the text the contract expects:
 * <ul>
 *   <li>text as is;
 *   <li>a number formatted as a date: its local date-time as {@code yyyyMMddHHmmss}, rounded to
 *       the second (Excel stores times as fractions of a day);
 *   <li>another number: an integral one as an integer ({@code 2}, a long sequence number as all
 *       its digits), else plain decimal text, never an exponent;
 *   <li>a boolean as {@code true}/{@code false}; an error value as its text ({@code #N/A});
 *   <li>a formula: its cached value by the same rules (none cached: blank);
 *   <li>blank: left out.
 * </ul>
 * A value in a column the header does not name makes its record a {@code malformed_record}.
 *
 * <p>This reads the workbook with POI's usermodel, which holds the whole sheet in memory (a few
 * hundred bytes a cell): fine for the tens of thousands of rows a spreadsheet export holds. For
 * bigger sheets the streaming way is POI's {@code XSSFReader} with {@code XSSFSheetXMLHandler}
 * (SAX over the sheet XML, shared strings and styles), which would keep these same rules.
 */
final class XlsxExtractReader {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
  private static final String MALFORMED = QuarantineReason.MALFORMED_RECORD.code();

  private XlsxExtractReader() {}

  static void read(ExtractFile file, InputStream content, Consumer<SourceRecord> sink)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(content);
    in.mark(1);
    if (in.read() < 0) {
      return; // a 0-byte file is an empty extract
    }
    in.reset();
    FileMagic magic = FileMagic.valueOf(in);
    if (magic == FileMagic.OLE2) {
      throw new BadExtractException(file.fileName(), "it is an OLE2 file (an old-format .xls"
          + " workbook or a password-protected one), not a readable .xlsx workbook");
    }
    if (magic != FileMagic.OOXML) {
      throw new BadExtractException(file.fileName(), "it is not an Excel .xlsx workbook");
    }
    XSSFWorkbook workbook;
    try {
      workbook = new XSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      ExtractReader.rethrowIfStreamFailure(file, e);
      throw new BadExtractException(file.fileName(),
          "it is a zip archive but not a readable Excel .xlsx workbook", e);
    }
    try {
      if (workbook.getNumberOfSheets() > 0) {
        readSheet(file, workbook.getSheetAt(0), workbook.isDate1904(), sink);
      }
    } finally {
      // Opened from a stream: nothing to save, so revert rather than close.
      workbook.getPackage().revert();
    }
  }

  private static void readSheet(ExtractFile file, Sheet sheet, boolean date1904,
      Consumer<SourceRecord> sink) {
    ExtractHeader header = null;
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
        cells.add(text(row.getCell(c), date1904));
      }
      if (cells.stream().allMatch(v -> v == null)) {
        continue; // a fully empty row is not a record (nor a header)
      }
      if (header == null) {
        if (row.getRowNum() != 0) {
          throw new BadExtractException(file.fileName(), "row 1 of the first sheet is empty;"
              + " it must be the header row");
        }
        header = ExtractHeader.of(file, cells, CellReference::convertNumToColString);
        continue;
      }
      sink.accept(toRecord(header, row.getRowNum() + 1L, cells));
    }
  }

  private static SourceRecord toRecord(ExtractHeader header, long line, List<String> cells) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      String value = cells.get(c);
      if (value == null) {
        continue;
      }
      String name = header.name(c);
      if (name == null) {
        return SourceRecord.bad(line, Map.of(), MALFORMED, header.unnamedColumnProblem(c));
      }
      fields.put(name, value);
    }
    return SourceRecord.ok(line, Collections.unmodifiableMap(fields));
  }

  /** A cell's value as contract text, or null for a blank one. */
  static String text(Cell cell, boolean date1904) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
        return null; // never calculated: no value to read
      }
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> {
        String s = cell.getStringCellValue();
        yield s.isEmpty() ? null : s;
      }
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? DATE_TIME.format(DateUtil.getLocalDateTime(cell.getNumericCellValue(), date1904, true))
          : number(cell.getNumericCellValue());
      case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
      case ERROR -> errorText(cell.getErrorCellValue());
      default -> null;
    };
  }

  private static String errorText(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException e) {
      return "#ERROR"; // a code POI does not know; the raw layer still sees there was an error
    }
  }

  /** {@code 2.0} as {@code 2}, {@code 1.2E7} as {@code 12000000}, {@code 1.5} as is. */
  static String number(double value) {
    // valueOf takes the shortest decimal that is this double, i.e. what was typed.
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
