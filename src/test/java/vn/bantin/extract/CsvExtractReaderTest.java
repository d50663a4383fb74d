package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.bantin.extract.Reading.concat;
import static vn.bantin.extract.Reading.fields;
import static vn.bantin.extract.Reading.ok;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvExtractReaderTest {

  private static final String BALLOTS = """
      MaPhieu,NgayDanhGia,MaNoiTiepNhan,ThaiDo,HaiLong
      P1,20210405080000,000.00.54.H54,1,2
      P2,20210405090000,,3,
      """;

  private static final List<SourceRecord> BALLOT_RECORDS = List.of(
      ok(2, "MaPhieu", "P1", "NgayDanhGia", "20210405080000", "MaNoiTiepNhan", "000.00.54.H54",
          "ThaiDo", "1", "HaiLong", "2"),
      ok(3, "MaPhieu", "P2", "NgayDanhGia", "20210405090000", "ThaiDo", "3"));

  @Test
  void readsRowsUnderTheHeaderLeavingEmptyCellsOut() {
    Reading.Result r = read("danhgia_20210501.csv", utf8(BALLOTS));
    assertEquals(BALLOT_RECORDS, r.records());
    assertEquals(2, r.summary().records());
  }

  @Test
  void dropsALeadingByteOrderMark() {
    Reading.Result r = read("danhgia_20210501.csv", concat(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(BALLOTS)));
    assertEquals(BALLOT_RECORDS, r.records());
  }

  @Test
  void readsCrLfLineBreaks() {
    Reading.Result r = read("danhgia_20210501.csv", utf8(BALLOTS.replace("\n", "\r\n")));
    assertEquals(BALLOT_RECORDS, r.records());
  }

  @Test
  void keepsValuesAsTheyCame() {
    Reading.Result r = read("hoso_20210501.csv",
        utf8("MaHoSo,TenTTHC,Extra\n H-1 ,Đăng ký kết hôn,x\n"));
    assertEquals(List.of(ok(2, "MaHoSo", " H-1 ", "TenTTHC", "Đăng ký kết hôn", "Extra", "x")),
        r.records());
  }

  @Test
  void readsQuotedCommasQuotesAndLineBreaksCountingLinesFromWhereRecordsStart() {
    String text = "MaHoSo,TrichYeuHoSo,DanhSachHoSoBoSung\r\n"
        + "H-1,\"a, b\",\"[{\"\"NgayBoSung\"\":\"\"20210410080000\"\"}]\"\r\n"
        + "H-2,\"line one\nline two\r\nline three\",\r\n"
        + "H-3,\"\",\"\"\"\"\r\n";
    Reading.Result r = read("hoso_20210501.csv", utf8(text));
    assertEquals(List.of(
        ok(2, "MaHoSo", "H-1", "TrichYeuHoSo", "a, b",
            "DanhSachHoSoBoSung", "[{\"NgayBoSung\":\"20210410080000\"}]"),
        ok(3, "MaHoSo", "H-2", "TrichYeuHoSo", "line one\nline two\r\nline three"),
        ok(6, "MaHoSo", "H-3", "DanhSachHoSoBoSung", "\"")),
        r.records());
  }

  @Test
  void skipsBlankLinesButCountsThem() {
    String text = "MaPhieu,HaiLong\n\nP1,1\n\n\nP2,2\n\n\n";
    Reading.Result r = read("danhgia_20210501.csv", utf8(text));
    assertEquals(List.of(ok(3, "MaPhieu", "P1", "HaiLong", "1"),
        ok(6, "MaPhieu", "P2", "HaiLong", "2")), r.records());
  }

  @Test
  void marksRowsWithTheWrongNumberOfCells() {
    String text = "MaPhieu,ThaiDo,HaiLong\nP1,1\nP2,1,2\nP3,1,2,3\nP4,,\n";
    Reading.Result r = read("danhgia_20210501.csv", utf8(text));
    assertEquals(List.of(
        SourceRecord.bad(2, Map.of(), "malformed_record", "expected 3 columns, found 2"),
        ok(3, "MaPhieu", "P2", "ThaiDo", "1", "HaiLong", "2"),
        SourceRecord.bad(4, Map.of(), "malformed_record", "expected 3 columns, found 4"),
        ok(5, "MaPhieu", "P4")),
        r.records());
    assertEquals(2, r.summary().badRecords());
  }

  @Test
  void toleratesAnUnnamedColumnButNotAValueInIt() {
    String text = "MaPhieu,HaiLong,\nP1,1,\nP2,2,x\n";
    Reading.Result r = read("danhgia_20210501.csv", utf8(text));
    assertEquals(List.of(
        ok(2, "MaPhieu", "P1", "HaiLong", "1"),
        SourceRecord.bad(3, Map.of(), "malformed_record",
            "a value in column 3, which has no name in the header row")),
        r.records());
  }

  @Test
  void marksOnlyTheRecordWithBytesThatAreNotUtf8() {
    byte[] text = concat(
        utf8("MaPhieu,MaNoiTiepNhan\n"),
        utf8("P1,Hà Nội\n"),
        utf8("P2,\"H"), new byte[] {(byte) 0xC3, '\n'}, utf8("x\"\n"),
        utf8("P3,\uFFFD\n"),
        utf8("P4,"), new byte[] {(byte) 0xFF},
        utf8(",extra\n"),
        utf8("P5,y"), new byte[] {(byte) 0x80});
    Reading.Result r = read("danhgia_20210501.csv", text);
    String detail = "the record holds bytes that are not valid UTF-8 (shown as U+FFFD)";
    assertEquals(List.of(
        ok(2, "MaPhieu", "P1", "MaNoiTiepNhan", "Hà Nội"),
        SourceRecord.bad(3, fields("MaPhieu", "P2", "MaNoiTiepNhan", "H\uFFFD\nx"),
            "undecodable_text", detail),
        ok(5, "MaPhieu", "P3", "MaNoiTiepNhan", "\uFFFD"),
        SourceRecord.bad(6, Map.of(), "undecodable_text", detail),
        SourceRecord.bad(7, fields("MaPhieu", "P5", "MaNoiTiepNhan", "y\uFFFD"),
            "undecodable_text", detail)),
        r.records());
  }

  @Test
  void readsAnEmptyFileOrAHeaderOnlyAsNoRecords() {
    assertEquals(List.of(), read("hoso_20210501.csv", new byte[0]).records());
    assertEquals(List.of(), read("hoso_20210501.csv", utf8("MaHoSo,MaTTHC\n")).records());
    assertEquals(List.of(), read("hoso_20210501.csv", utf8("MaHoSo,MaTTHC")).records());
    assertEquals(List.of(), read("hoso_20210501.csv", utf8("\n\n")).records());
  }

  @Test
  void failsWithoutAHeaderRow() {
    assertEquals("Cannot read hoso_20210501.csv: line 1 is blank; the first line must be the"
        + " header row", failure("hoso_20210501.csv", "\nMaHoSo\nH-1\n"));
  }

  @Test
  void failsWhenTheHeaderLacksTheKeyField() {
    assertEquals("Cannot read hoso_20210501.csv: the header row has no MaHoSo column (a hoso"
        + " extract must have one)", failure("hoso_20210501.csv", "mahoso,MaTTHC\nH-1,1.1\n"));
  }

  @Test
  void failsWhenTheHeaderNamesAFieldTwice() {
    assertEquals("Cannot read thutuc_20210501.csv: the header names the field 'MucDo' twice"
        + " (columns 2 and 4)",
        failure("thutuc_20210501.csv", "MaTTHC,MucDo,HieuLucTu,MucDo\n1.1,3,20200101,4\n"));
  }

  @Test
  void failsOnTextAfterAClosingQuote() {
    assertEquals("Cannot read hoso_20210501.csv: broken CSV quoting in the record that starts on"
        + " line 3 (text after a closing quote, or a quote never closed)",
        failure("hoso_20210501.csv", "MaHoSo,X\nH-1,a\nH-2,\"b\"c\nH-3,d\n"));
  }

  @Test
  void failsOnAQuoteNeverClosed() {
    assertEquals("Cannot read hoso_20210501.csv: broken CSV quoting in the record that starts on"
        + " line 3 (text after a closing quote, or a quote never closed)",
        failure("hoso_20210501.csv", "MaHoSo,X\nH-1,a\nH-2,\"b\nH-3,d\n"));
  }

  private static String failure(String name, String text) {
    return assertThrows(BadExtractException.class, () -> read(name, utf8(text))).getMessage();
  }
}
