package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.extract.Reading.ok;
import static vn.bantin.extract.Reading.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader streams big sheets, written by POI's own streaming writer. */
class XlsxExtractReaderStreamingTest {
  private static final int ROWS = 200_000;
  private static final LocalDateTime START = LocalDateTime.of(2021, 1, 1, 7, 0, 0);

  @TempDir
  Path dir;

  @Test
  void streamsABigSheetWithSharedStrings() throws IOException {
    // (no template, a window of 100 rows, uncompressed temp files, a shared strings table)
    Path xlsx = bigSheet(new SXSSFWorkbook(null, 100, false, true));
    assertTrue(firstSheetXml(xlsx).contains("t=\"s\""), "the sheet uses shared strings");
    checkBigSheet(xlsx);
  }

  @Test
  void streamsABigSheetWithInlineStrings() throws IOException {
    Path xlsx = bigSheet(new SXSSFWorkbook(100)); // SXSSF's default: inline strings
    assertTrue(firstSheetXml(xlsx).contains("t=\"inlineStr\""), "the sheet uses inline strings");
    checkBigSheet(xlsx);
  }

  /** Header MaHoSo, SoThuTu, NgayTiepNhan, Phi; row r (from 2) holds values of i = r - 2. */
  private Path bigSheet(SXSSFWorkbook wb) throws IOException {
    Path xlsx = dir.resolve("hoso_20210501.xlsx");
    try (wb; OutputStream out = Files.newOutputStream(xlsx)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      Sheet sheet = wb.createSheet("HoSo");
      Row header = sheet.createRow(0);
      String[] names = {"MaHoSo", "SoThuTu", "NgayTiepNhan", "Phi"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int i = 0; i < ROWS; i++) {
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue("H-" + i);
        row.createCell(1).setCellValue(900_000_000_000.0 + i);
        row.createCell(2).setCellValue(START.plusSeconds(37L * i));
        row.getCell(2).setCellStyle(date);
        row.createCell(3).setCellValue(i + 0.25);
      }
      wb.createSheet("Second").createRow(0).createCell(0).setCellValue("ignored");
      wb.write(out);
    }
    return xlsx;
  }

  private static void checkBigSheet(Path xlsx) throws IOException {
    long[] count = {0};
    SourceRecord[] firstAndLast = new SourceRecord[2];
    try (InputStream in = Files.newInputStream(xlsx)) {
      ReadSummary summary = ExtractReader.read(
          ExtractFile.of(xlsx.toString(), "hoso_20210501.xlsx"), in, r -> {
            if (count[0]++ == 0) {
              firstAndLast[0] = r;
            }
            firstAndLast[1] = r;
          });
      assertEquals(ROWS, summary.records());
      assertEquals(0, summary.badRecords());
      assertEquals(Files.size(xlsx), summary.bytes());
    }
    assertEquals(ROWS, count[0]);
    assertEquals(ok(2, "MaHoSo", "H-0", "SoThuTu", "900000000000", "NgayTiepNhan",
        "20210101070000", "Phi", "0.25"), firstAndLast[0]);
    int last = ROWS - 1;
    assertEquals(ok(ROWS + 1, "MaHoSo", "H-" + last, "SoThuTu", "900000199999",
        "NgayTiepNhan", "20210327223243", "Phi", "199999.25"), firstAndLast[1]);
    assertEquals(START.plusSeconds(37L * last), LocalDateTime.of(2021, 3, 27, 22, 32, 43));
  }

  /** The start of the first sheet's XML, to see how the writer stored the strings. */
  private static String firstSheetXml(Path xlsx) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsDatesOfThe1904DateSystem() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var ct = wb.getCTWorkbook();
      (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Sheet sheet = wb.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("MaHoSo");
      sheet.getRow(0).createCell(1).setCellValue("NgayTiepNhan");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("H-1");
      row.createCell(1).setCellValue(LocalDateTime.of(2021, 4, 5, 8, 30, 15));
      row.getCell(1).setCellStyle(date);
      // 1904 serial 42463.5 is 2020-04-04 12:00 (it would be 2016-04-03 in the 1900 system)
      Row raw = sheet.createRow(2);
      raw.createCell(0).setCellValue("H-2");
      raw.createCell(1).setCellValue(42463.5);
      raw.getCell(1).setCellStyle(date);
      assertTrue(wb.isDate1904());
      assertEquals(List.of(
          ok(2, "MaHoSo", "H-1", "NgayTiepNhan", "20210405083015"),
          ok(3, "MaHoSo", "H-2", "NgayTiepNhan", "20200404120000")),
          read("hoso_20210501.xlsx", bytes(wb)).records());
    }
  }

  @Test
  void readsErrorValuesAndCachedFormulaResultsOfEveryType() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet();
      Row header = sheet.createRow(0);
      String[] names = {"MaPhieu", "Loi", "CongThucLoi", "CongThucDung", "CongThucSo"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("P1");
      row.createCell(1).setCellErrorValue(FormulaError.NA.getCode());
      row.createCell(2).setCellFormula("1/0");
      row.createCell(3).setCellFormula("1=1");
      row.createCell(4).setCellFormula("123456789012*10");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      assertEquals(List.of(ok(2, "MaPhieu", "P1", "Loi", "#N/A", "CongThucLoi", "#DIV/0!",
          "CongThucDung", "true", "CongThucSo", "1234567890120")),
          read("danhgia_20210501.xlsx", bytes(wb)).records());
    }
  }

  @Test
  void letsTheSinksOwnFailureThroughUnchanged() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("MaPhieu");
      sheet.createRow(1).createCell(0).setCellValue("P1");
      sheet.createRow(2).createCell(0).setCellValue("P2");
      byte[] xlsx = bytes(wb);
      IllegalStateException boom = new IllegalStateException("sink full");
      int[] seen = {0};
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.xlsx"),
              new ByteArrayInputStream(xlsx), r -> {
                seen[0]++;
                throw boom;
              }));
      assertSame(boom, thrown);
      assertEquals(1, seen[0]);
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
