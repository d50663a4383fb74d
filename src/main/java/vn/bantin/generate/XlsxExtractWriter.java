package vn.bantin.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX: one sheet, header row, the same columns as CSV. Dates are text, except the columns named
 * in {@code dateCellColumns}, which are real Excel date cells (as some exports have them). Codes
 * are numeric cells. The workbook's timestamps are fixed and the zip is rewritten with fixed
 * entry times, so the bytes depend on the content only.
 */
final class XlsxExtractWriter implements ExtractWriter {
  /** The fixed time stamped on the workbook and its zip entries. */
  private static final LocalDateTime FIXED = LocalDateTime.of(2021, 1, 1, 0, 0);

  private final Set<String> dateCellColumns;

  XlsxExtractWriter(Set<String> dateCellColumns) {
    this.dateCellColumns = dateCellColumns;
  }

  @Override
  public void write(Path file, List<String> columns, List<ExtractRow> rows) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Date fixed = new Date(0L);
      wb.getProperties().getCoreProperties().setCreated(Optional.of(fixed));
      wb.getProperties().getCoreProperties().setModified(Optional.of(fixed));
      wb.getProperties().getCoreProperties().setCreator("bantin generate");
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat()
          .getFormat("dd/mm/yyyy hh:mm:ss"));
      Sheet sheet = wb.createSheet("Sheet1");
      Row header = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(columns.get(c));
      }
      for (int i = 0; i < rows.size(); i++) {
        ExtractRow row = rows.get(i);
        if (row.rawLine() != null) {
          throw new IllegalArgumentException("a raw line cannot go in an XLSX file");
        }
        Row r = sheet.createRow(i + 1);
        for (int c = 0; c < columns.size(); c++) {
          Object v = row.fields().get(columns.get(c));
          if (v == null) {
            continue;
          }
          Cell cell = r.createCell(c);
          if (v instanceof Integer n) {
            cell.setCellValue(n);
          } else if (v instanceof LocalDateTime t && dateCellColumns.contains(columns.get(c))) {
            cell.setCellValue(t);
            cell.setCellStyle(dateStyle);
          } else {
            cell.setCellValue(ExtractWriter.text(v));
          }
        }
      }
      wb.write(buffer);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(normalizeZip(buffer.toByteArray()));
    }
  }

  /** The same zip with every entry stamped with a fixed local time. */
  static byte[] normalizeZip(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(FIXED);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
