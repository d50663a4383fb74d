package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.bantin.extract.Reading.ok;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExtractReaderTest {

  /** Cells of one row: a String, Double, Boolean, LocalDateTime (a date cell) or null. */
  private static byte[] workbook(Object[]... rows) {
    return workbook(new XSSFWorkbook(), 0, rows);
  }

  private static byte[] workbook(Workbook wb, int firstRow, Object[]... rows) {
    try (wb) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      Sheet sheet = wb.createSheet("HoSo");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(firstRow + r);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof String s) {
            row.createCell(c).setCellValue(s);
          } else if (v instanceof Double d) {
            row.createCell(c).setCellValue(d);
          } else if (v instanceof Boolean b) {
            row.createCell(c).setCellValue(b);
          } else if (v instanceof LocalDateTime t) {
            row.createCell(c).setCellValue(t);
            row.getCell(c).setCellStyle(date);
          }
        }
      }
      wb.createSheet("Second").createRow(0).createCell(0).setCellValue("ignored");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsTheFirstSheetConvertingCells() {
    byte[] xlsx = workbook(
        new Object[] {"MaHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "SoThuTu", "Phi",
            "Co"},
        new Object[] {"000.00.54.H54-210405-0012", LocalDateTime.of(2021, 4, 5, 8, 30, 15),
            "20210420170000", 2.0, 12000000.0, 1.5, true},
        new Object[] {"H-2", LocalDateTime.of(2021, 4, 6, 0, 0), null, 10.0, 123456789012.0,
            0.1, false});
    Reading.Result r = read("hoso_20210501.xlsx", xlsx);
    assertEquals(List.of(
        ok(2, "MaHoSo", "000.00.54.H54-210405-0012", "NgayTiepNhan", "20210405083015",
            "NgayHenTra", "20210420170000", "TrangThaiHoSo", "2", "SoThuTu", "12000000",
            "Phi", "1.5", "Co", "true"),
        ok(3, "MaHoSo", "H-2", "NgayTiepNhan", "20210406000000", "TrangThaiHoSo", "10",
            "SoThuTu", "123456789012", "Phi", "0.1", "Co", "false")),
        r.records());
  }

  @Test
  void skipsEmptyRowsAndNumbersRecordsByRow() {
    byte[] xlsx = workbook(
        new Object[] {"MaPhieu", "HaiLong"},
        new Object[] {},
        new Object[] {null, ""},
        new Object[] {"P1", 1.0},
        new Object[] {"P2", null});
    assertEquals(List.of(ok(4, "MaPhieu", "P1", "HaiLong", "1"), ok(5, "MaPhieu", "P2")),
        read("danhgia_20210501.xlsx", xlsx).records());
  }

  @Test
  void marksAValueInAColumnTheHeaderDoesNotName() {
    byte[] xlsx = workbook(
        new Object[] {"MaPhieu", null, "HaiLong"},
        new Object[] {"P1", null, 1.0},
        new Object[] {"P2", "x", 1.0},
        new Object[] {"P3", null, 1.0, null, 5.0});
    assertEquals(List.of(
        ok(2, "MaPhieu", "P1", "HaiLong", "1"),
        SourceRecord.bad(3, Map.of(), "malformed_record",
            "a value in column B, which has no name in the header row"),
        SourceRecord.bad(4, Map.of(), "malformed_record",
            "a value in column E, which has no name in the header row")),
        read("danhgia_20210501.xlsx", xlsx).records());
  }

  @Test
  void readsCachedFormulaValues() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Row header = wb.createSheet().createRow(0);
      header.createCell(0).setCellValue("MaPhieu");
      header.createCell(1).setCellValue("ThaiDo");
      header.createCell(2).setCellValue("HaiLong");
      Row row = wb.getSheetAt(0).createRow(1);
      row.createCell(0).setCellFormula("\"P\"&\"1\"");
      row.createCell(1).setCellFormula("1+1");
      row.createCell(2).setCellFormula("1+2"); // never evaluated: no cached value
      wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(0));
      wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      assertEquals(List.of(ok(2, "MaPhieu", "P1", "ThaiDo", "2")),
          read("danhgia_20210501.xlsx", out.toByteArray()).records());
    }
  }

  @Test
  void readsAHeaderOnlySheetAsNoRecords() {
    assertEquals(List.of(), read("hoso_20210501.xlsx",
        workbook(new Object[] {"MaHoSo", "MaTTHC"})).records());
  }

  @Test
  void readsAnEmptyFileAsNoRecords() {
    assertEquals(List.of(), read("hoso_20210501.xlsx", new byte[0]).records());
  }

  @Test
  void failsWhenRowOneIsEmpty() {
    byte[] xlsx = workbook(new XSSFWorkbook(), 1, new Object[] {"MaHoSo"}, new Object[] {"H-1"});
    assertEquals("Cannot read hoso_20210501.xlsx: row 1 of the first sheet is empty; it must be"
        + " the header row", failure("hoso_20210501.xlsx", xlsx));
  }

  @Test
  void failsWhenTheHeaderLacksTheKeyField() {
    byte[] xlsx = workbook(new Object[] {"MaTTHC", "TenTTHC"}, new Object[] {"1.1", "x"});
    assertEquals("Cannot read donvi_20210501.xlsx: the header row has no MaDonVi column (a donvi"
        + " extract must have one)", failure("donvi_20210501.xlsx", xlsx));
  }

  @Test
  void failsOnTextThatIsNotAWorkbook() {
    assertEquals("Cannot read hoso_20210501.xlsx: it is not an Excel .xlsx workbook",
        failure("hoso_20210501.xlsx", utf8("MaHoSo\nH-1\n")));
  }

  @Test
  void failsOnAZipThatIsNotAWorkbook() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
      zip.write(utf8("hello"));
    }
    assertEquals("Cannot read hoso_20210501.xlsx: it is a zip archive but not a readable Excel"
        + " .xlsx workbook",
        failure("hoso_20210501.xlsx", out.toByteArray()));
  }

  @Test
  void failsOnAnOldXlsWorkbook() {
    byte[] xls = workbook(new HSSFWorkbook(), 0, new Object[] {"MaHoSo"});
    assertEquals("Cannot read hoso_20210501.xlsx: it is an OLE2 file (an old-format .xls"
        + " workbook or a password-protected one), not a readable .xlsx workbook",
        failure("hoso_20210501.xlsx", xls));
  }

  @Test
  void formatsNumbersWithoutExponentOrSpuriousFraction() {
    assertEquals("2", XlsxExtractReader.number(2.0));
    assertEquals("12000000", XlsxExtractReader.number(1.2e7));
    assertEquals("0", XlsxExtractReader.number(-0.0));
    assertEquals("-3.25", XlsxExtractReader.number(-3.25));
    assertEquals("0.000001", XlsxExtractReader.number(1e-6));
    assertEquals("123456789012345", XlsxExtractReader.number(123456789012345.0));
  }

  private static String failure(String name, byte[] bytes) {
    return assertThrows(BadExtractException.class, () -> read(name, bytes)).getMessage();
  }
}
