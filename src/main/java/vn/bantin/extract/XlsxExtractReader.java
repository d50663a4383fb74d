package vn.bantin.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.SAXException;
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
 * <p>This streams the sheet: the workbook is spooled to a temporary file (a zip must be read
 * from its central directory at the end), opened read-only with POI's {@code XSSFReader}, and
 * the first sheet's XML is pulled with StAX, one row at a time, each record handed on before
 * the next row is read. What stays in memory is the shared strings table (every distinct text
 * of the workbook, as POI's read-only table) and the styles, not the rows. Cells are read the
 * way POI's usermodel reads them: the cell type {@code t}, the style's number format for
 * dates, the {@code 1904} date system of the workbook, a row or cell without a reference
 * taking the next one. A cell without a value is blank whatever its type, and a sheet whose
 * XML cannot be read fails the file with the same message as a workbook that cannot be opened,
 * possibly after some records were handed on (as a CSV file can fail mid-way).
 */
final class XlsxExtractReader {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
  private static final String MALFORMED = QuarantineReason.MALFORMED_RECORD.code();
  private static final String NOT_A_WORKBOOK =
      "it is a zip archive but not a readable Excel .xlsx workbook";
  /** The last column of a sheet, XFD. */
  private static final int MAX_COLUMN = 16_383;

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
    Path spool = Files.createTempFile("bantin-extract-", ".xlsx");
    try {
      // A failure of the storage or of the gzip stream surfaces here, as the IOException the
      // caller knows how to report.
      try (OutputStream out = Files.newOutputStream(spool)) {
        in.transferTo(out);
      }
      readSpooled(file, spool, sink);
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException e) {
        spool.toFile().deleteOnExit(); // a leftover temporary file is no failure of the read
      }
    }
  }

  private static void readSpooled(ExtractFile file, Path spool, Consumer<SourceRecord> sink) {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(spool.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | RuntimeException e) {
      throw notAWorkbook(file, e);
    }
    try {
      SheetRows rows;
      try {
        rows = firstSheet(file, pkg);
      } catch (IOException | OpenXML4JException | SAXException | XMLStreamException
          | RuntimeException e) {
        throw notAWorkbook(file, e);
      }
      if (rows != null) {
        try {
          readSheet(file, rows, sink);
        } finally {
          rows.close();
        }
      }
    } finally {
      // Opened read-only: nothing to save, so revert (which closes the zip) rather than close.
      pkg.revert();
    }
  }

  /** The rows of the workbook's first sheet, null when it has no sheet. */
  private static SheetRows firstSheet(ExtractFile file, OPCPackage pkg)
      throws IOException, OpenXML4JException, SAXException, XMLStreamException {
    XSSFReader reader = new XSSFReader(pkg);
    boolean date1904;
    try (InputStream workbook = reader.getWorkbookData()) {
      date1904 = isDate1904(workbook);
    }
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      return null;
    }
    // Without phonetic runs, as usermodel's XSSFRichTextString.getString() reads a string.
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
    StylesTable styles = reader.getStylesTable();
    InputStream sheet = sheets.next();
    try {
      return new SheetRows(file, sheet, strings, styles, date1904);
    } catch (XMLStreamException | RuntimeException e) {
      sheet.close();
      throw e;
    }
  }

  private static boolean isDate1904(InputStream workbook) throws XMLStreamException {
    XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("workbookPr")) {
            String v = xml.getAttributeValue(null, "date1904");
            return v != null && (v.strip().equals("1") || v.strip().equals("true"));
          }
          if (name.equals("sheets")) {
            return false; // workbookPr comes before the sheets, when there is one
          }
        }
      }
      return false;
    } finally {
      xml.close();
    }
  }

  private static void readSheet(ExtractFile file, SheetRows rows, Consumer<SourceRecord> sink) {
    ExtractHeader header = null;
    for (SheetRows.Row row = rows.next(); row != null; row = rows.next()) {
      if (row.cells().stream().allMatch(v -> v == null)) {
        continue; // a fully empty row is not a record (nor a header)
      }
      if (header == null) {
        if (row.number() != 1) {
          throw new BadExtractException(file.fileName(), "row 1 of the first sheet is empty;"
              + " it must be the header row");
        }
        header = ExtractHeader.of(file, row.cells(), CellReference::convertNumToColString);
        continue;
      }
      sink.accept(toRecord(header, row.number(), row.cells()));
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

  private static BadExtractException notAWorkbook(ExtractFile file, Exception e) {
    ExtractReader.rethrowIfStreamFailure(file, e);
    return new BadExtractException(file.fileName(), NOT_A_WORKBOOK, e);
  }

  /**
   * The rows of one sheet's XML, pulled one at a time. A failure to read the XML (or the zip
   * entry under it) is reported as a {@link BadExtractException}; records are made by the
   * caller, so the sink's own failures never pass through here.
   */
  private static final class SheetRows {
    private final ExtractFile file;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    /** The cells of the current row by 0-based column, null for a blank one. */
    private final List<String> cells = new ArrayList<>();
    private boolean inSheetData;
    private boolean done;
    private long lastRow;
    private long row;

    /** One row: its 1-based number and cell texts; valid until the next call of next(). */
    record Row(long number, List<String> cells) {}

    SheetRows(ExtractFile file, InputStream in, ReadOnlySharedStringsTable strings,
        StylesTable styles, boolean date1904) throws XMLStreamException {
      XMLInputFactory factory = XMLHelper.newXMLInputFactory();
      this.file = file;
      this.in = in;
      this.xml = factory.createXMLStreamReader(in);
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
    }

    /** The next row of the sheet, or null after the last. */
    Row next() {
      try {
        return nextRow();
      } catch (BadExtractException e) {
        throw e;
      } catch (IOException | XMLStreamException | RuntimeException e) {
        throw notAWorkbook(file, e);
      }
    }

    void close() {
      try {
        xml.close();
        in.close();
      } catch (IOException | XMLStreamException e) {
        // Read-only, and the package is reverted next: nothing is lost.
      }
    }

    private Row nextRow() throws IOException, XMLStreamException {
      while (!done && xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (!inSheetData) {
            inSheetData = name.equals("sheetData");
          } else if (name.equals("row")) {
            return row();
          } else {
            skipElement();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && inSheetData) {
          done = true; // the end of sheetData: nothing after it is read
        }
      }
      done = true;
      return null;
    }

    /** Reads a row element, positioned at its start, up to its end. */
    private Row row() throws XMLStreamException {
      String r = xml.getAttributeValue(null, "r");
      // Like usermodel, a row without a number is the one after the last.
      long number = r == null ? lastRow + 1 : Long.parseLong(r.strip());
      if (number < 1) {
        throw new IllegalArgumentException("row number " + r);
      }
      lastRow = Math.max(lastRow, number);
      row = number;
      cells.clear();
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (xml.getLocalName().equals("c")) {
          cell();
        } else {
          skipElement();
        }
      }
      return new Row(number, cells);
    }

    /** Reads a c element, positioned at its start, up to its end, into {@link #cells}. */
    private void cell() throws XMLStreamException {
      String ref = xml.getAttributeValue(null, "r");
      String type = xml.getAttributeValue(null, "t");
      String style = xml.getAttributeValue(null, "s");
      // Like usermodel, a cell without a reference is the one after the last of its row.
      int column = ref == null ? cells.size() : column(ref);
      boolean formula = false;
      String value = null;
      String inline = null;
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "v" -> value = xml.getElementText();
          case "f" -> {
            // A data table's cells hold plain values, not formulas (as usermodel has it).
            formula |= !"dataTable".equals(xml.getAttributeValue(null, "t"));
            skipElement();
          }
          case "is" -> inline = richText();
          default -> skipElement();
        }
      }
      while (cells.size() <= column) {
        cells.add(null);
      }
      cells.set(column, text(type == null ? "n" : type, style, formula, value, inline, column));
    }

    /** A cell's value as contract text, or null for a blank one. */
    private String text(String type, String style, boolean formula, String value,
        String inline, int column) {
      if (value == null && !(type.equals("inlineStr") && inline != null && !formula)) {
        return null; // no value (a formula never calculated: none cached)
      }
      String text = switch (type) {
        case "n" -> {
          double d = value.isEmpty() ? 0.0 : Double.parseDouble(value);
          yield isDate(style, d)
              ? DATE_TIME.format(DateUtil.getLocalDateTime(d, date1904, true))
              : number(d);
        }
        case "s" -> strings.getItemAt(Integer.parseInt(value.strip())).getString();
        case "inlineStr" -> inline != null && !formula ? inline : decode(value);
        case "str" -> decode(value);
        case "b" -> value.equals("1") ? "true" : "false";
        case "e" -> errorText(value);
        default -> throw new BadExtractException(file.fileName(), "cell "
            + CellReference.convertNumToColString(column) + row
            + " of the first sheet has the cell type '" + type + "', which this reader does"
            + " not read");
      };
      return text.isEmpty() ? null : text;
    }

    /** The text of a rich text element (an inline string), positioned at its start. */
    private String richText() throws XMLStreamException {
      StringBuilder plain = new StringBuilder();
      StringBuilder runs = new StringBuilder();
      boolean hasRuns = false;
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "t" -> plain.append(xml.getElementText());
          case "r" -> {
            hasRuns = true;
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
              if (xml.getLocalName().equals("t")) {
                runs.append(xml.getElementText());
              } else {
                skipElement();
              }
            }
          }
          default -> skipElement(); // phonetic runs and properties are not the text
        }
      }
      // As XSSFRichTextString.getString(): the runs when there are any, else the plain text.
      return decode((hasRuns ? runs : plain).toString());
    }

    private boolean isDate(String style, double value) {
      if (styles == null || !DateUtil.isValidExcelDate(value)) {
        return false;
      }
      int index;
      try {
        index = style == null ? 0 : Integer.parseInt(style.strip());
      } catch (NumberFormatException e) {
        return false;
      }
      return dateStyles.computeIfAbsent(index, i -> {
        XSSFCellStyle s = styles.getStyleAt(i);
        return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
      });
    }

    private int column(String ref) {
      int column = 0;
      int letters = 0;
      for (int i = 0; i < ref.length(); i++) {
        char ch = ref.charAt(i);
        if (ch == '$' && letters == 0) {
          continue;
        }
        int digit = ch >= 'A' && ch <= 'Z' ? ch - 'A' + 1
            : ch >= 'a' && ch <= 'z' ? ch - 'a' + 1
            : 0;
        if (digit == 0) {
          break;
        }
        column = column * 26 + digit;
        letters++;
        if (column > MAX_COLUMN + 1) {
          break;
        }
      }
      if (letters == 0 || column > MAX_COLUMN + 1) {
        throw new IllegalArgumentException("cell reference " + ref);
      }
      return column - 1;
    }

    /** Skips the element the reader is positioned at the start of, up to its end. */
    private void skipElement() throws XMLStreamException {
      for (int depth = 1; depth > 0; ) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    }
  }

  /** Excel's {@code _xHHHH_} escapes decoded, as XSSFRichTextString does. */
  private static String decode(String s) {
    return s.contains("_x") ? new XSSFRichTextString(s).getString() : s;
  }

  private static String errorText(String code) {
    try {
      return FormulaError.forString(code).getString();
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
