package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detail of a malformed JSON line goes to the quarantine table, which holds no personal
 * data: a value that lost its quotes is not echoed.
 */
class MalformedLineDetailTest {
  @Test
  void aBareWordIsNotShown() {
    String text = """
        {"MaHoSo":"H-1","ChuHoSo":Nguyễn Văn An}
        {"MaHoSo":"H-2","Email":an@example.vn}
        {"MaHoSo":"H-3","DiaChi":"Số 5 "Lê Lợi""}
        """;
    String expecting = "was expecting (JSON String, Number, Array, Object or token 'null',"
        + " 'true' or 'false')";
    assertEquals(List.of(
        SourceRecord.bad(1, Map.of(), "malformed_record",
            "invalid JSON: Unrecognized token (a bare word, not shown): " + expecting),
        SourceRecord.bad(2, Map.of(), "malformed_record",
            "invalid JSON: Unrecognized token (a bare word, not shown): " + expecting),
        SourceRecord.bad(3, Map.of(), "malformed_record",
            "invalid JSON: Unexpected character ('L' (code 76)): was expecting comma to separate"
                + " Object entries")),
        read("hoso_20210501.jsonl", utf8(text)).records());
  }

  @Test
  void otherMessagesAreKept() {
    assertEquals("Duplicate field 'MaPhieu'",
        JsonLinesReader.withoutBareWord("Duplicate field 'MaPhieu'"));
    assertEquals("Unrecognized token (a bare word, not shown): was expecting ('true', 'false'"
        + " or 'null')", JsonLinesReader.withoutBareWord("Unrecognized token 'tr'u': was"
        + " expecting ('true', 'false' or 'null')"));
  }
}
