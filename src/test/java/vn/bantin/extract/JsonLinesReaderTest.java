package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.bantin.extract.Reading.concat;
import static vn.bantin.extract.Reading.fields;
import static vn.bantin.extract.Reading.ok;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  @Test
  void readsOneObjectPerLineWithValuesAsText() {
    String text = """
        {"MaHoSo":"000.00.54.H54-210405-0012","TrangThaiHoSo":2,"KenhThucHien":1,"X":1.5}
        {"MaHoSo":" 000.00.54.H54-210405-0013 ","TenTTHC":"Cấp giấy phép xây dựng",\
        "Le":false,"Co":true}
        """;
    Reading.Result r = read("hoso_20210501.jsonl", utf8(text));
    assertEquals(List.of(
        ok(1, "MaHoSo", "000.00.54.H54-210405-0012", "TrangThaiHoSo", "2", "KenhThucHien", "1",
            "X", "1.5"),
        ok(2, "MaHoSo", " 000.00.54.H54-210405-0013 ", "TenTTHC", "Cấp giấy phép xây dựng",
            "Le", "false", "Co", "true")),
        r.records());
    assertEquals(2, r.summary().records());
    assertEquals(0, r.summary().badRecords());
  }

  @Test
  void keepsNumbersAsTheirLiteralTextAndDropsNull() {
    Reading.Result r = read("hoso_20210501.json",
        utf8("{\"a\":2,\"b\":1.50,\"c\":-0,\"d\":12000000,\"e\":1e3,\"f\":null,\"g\":\"\"}\n"));
    assertEquals(List.of(ok(1, "a", "2", "b", "1.50", "c", "-0", "d", "12000000", "e", "1e3",
        "g", "")), r.records());
  }

  @Test
  void turnsNestedListsAndObjectsIntoCompactJson() {
    String line = "{\"MaHoSo\":\"H-1\", \"DanhSachHoSoBoSung\": [ {\"NgayBoSung\":"
        + " \"20210410080000\","
        + " \"NgayTiepNhanBoSung\": \"\", \"So\": 1.50} ], \"O\": {\"k\": [1, 2], \"n\": null},"
        + " \"E\": []}";
    Reading.Result r = read("hoso_20210501.jsonl", utf8(line));
    assertEquals(List.of(ok(1, "MaHoSo", "H-1",
        "DanhSachHoSoBoSung",
        "[{\"NgayBoSung\":\"20210410080000\",\"NgayTiepNhanBoSung\":\"\",\"So\":1.50}]",
        "O", "{\"k\":[1,2],\"n\":null}",
        "E", "[]")), r.records());
  }

  @Test
  void skipsBlankLinesAndCountsPhysicalLines() {
    String text = "\n{\"MaPhieu\":\"P1\"}\r\n   \n\r\n{\"MaPhieu\":\"P2\"}\n\n";
    Reading.Result r = read("danhgia_20210501.jsonl", utf8(text));
    assertEquals(List.of(ok(2, "MaPhieu", "P1"), ok(5, "MaPhieu", "P2")), r.records());
  }

  @Test
  void readsALastLineWithoutLineBreakAndDropsAByteOrderMark() {
    Reading.Result r = read("danhgia_20210501.jsonl",
        utf8("\uFEFF{\"MaPhieu\":\"P1\"}\n{\"MaPhieu\":\"P2\"}"));
    assertEquals(List.of(ok(1, "MaPhieu", "P1"), ok(2, "MaPhieu", "P2")), r.records());
  }

  @Test
  void marksMalformedLinesAndReadsTheOthers() {
    String text = """
        {"MaPhieu":"P1"}
        {"MaPhieu":"P2",
        [1,2]
        "P4"
        {"MaPhieu":"P5"} {"MaPhieu":"P6"}
        {"MaPhieu":"P7","MaPhieu":"P8"}
        {"MaPhieu":"P9"}
        """;
    Reading.Result r = read("danhgia_20210501.jsonl", utf8(text));
    assertEquals(List.of(
        ok(1, "MaPhieu", "P1"),
        SourceRecord.bad(2, Map.of(), "malformed_record",
            "invalid JSON: Unexpected end-of-input within/between Object entries"),
        SourceRecord.bad(3, Map.of(), "malformed_record",
            "the line is a JSON array, not a JSON object"),
        SourceRecord.bad(4, Map.of(), "malformed_record",
            "the line is a JSON string, not a JSON object"),
        SourceRecord.bad(5, Map.of(), "malformed_record",
            "the line holds more than one JSON value"),
        SourceRecord.bad(6, Map.of(), "malformed_record",
            "invalid JSON: Duplicate field 'MaPhieu'"),
        ok(7, "MaPhieu", "P9")),
        r.records());
    assertEquals(7, r.summary().records());
    assertEquals(5, r.summary().badRecords());
  }

  @Test
  void marksOnlyTheLineWithBytesThatAreNotUtf8() {
    byte[] text = concat(
        utf8("{\"MaPhieu\":\"P1\",\"T\":\"Hà Nội\"}\n"),
        utf8("{\"MaPhieu\":\"P2\",\"T\":\"H"), new byte[] {(byte) 0xE0, 'x'}, utf8("\"}\n"),
        utf8("{\"MaPhieu\":\"P3\",\"T\":\"\uFFFD is fine\"}\n"),
        utf8("{\"MaPhieu\":\"P4\",\"T\":"), new byte[] {(byte) 0xFF}, utf8("}\n"),
        utf8("{\"MaPhieu\":\"P5\"}"));
    Reading.Result r = read("danhgia_20210501.jsonl", text);
    String detail = "the line holds bytes that are not valid UTF-8 (shown as U+FFFD)";
    assertEquals(List.of(
        ok(1, "MaPhieu", "P1", "T", "Hà Nội"),
        SourceRecord.bad(2, fields("MaPhieu", "P2", "T", "H\uFFFDx"), "undecodable_text", detail),
        ok(3, "MaPhieu", "P3", "T", "\uFFFD is fine"),
        SourceRecord.bad(4, Map.of(), "undecodable_text", detail),
        ok(5, "MaPhieu", "P5")),
        r.records());
  }

  @Test
  void readsAnEmptyFileAsNoRecords() {
    Reading.Result r = read("hoso_20210501.jsonl", new byte[0]);
    assertEquals(List.of(), r.records());
    assertEquals(0, r.summary().records());
  }
}
