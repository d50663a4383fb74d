package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.bantin.extract.Reading.concat;
import static vn.bantin.extract.Reading.gzip;
import static vn.bantin.extract.Reading.ok;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExtractReaderTest {

  private static final String BALLOTS_CSV = "MaPhieu,HaiLong\nP1,1\nP2,\"2\"\n";
  private static final List<SourceRecord> BALLOTS = List.of(
      ok(2, "MaPhieu", "P1", "HaiLong", "1"), ok(3, "MaPhieu", "P2", "HaiLong", "2"));

  @Test
  void measuresTheFileAsStored() {
    // Expected values from coreutils: printf '{"MaHoSo":"H-1"}\n' | sha256sum
    Reading.Result r = read("hoso_20210501.jsonl", utf8("{\"MaHoSo\":\"H-1\"}\n"));
    assertEquals(new ReadSummary(1, 0, 17,
        "2ba1d09e11d18645b61ad689911c69fa36d2b6d3915d4b796e282f600b4c92bd"), r.summary());
  }

  @Test
  void readsGzipJsonLinesAndMeasuresTheCompressedBytes() {
    byte[] stored = gzip(utf8("{\"MaPhieu\":\"P1\",\"HaiLong\":1}\n\n{\"MaPhieu\":\"P2\"}\n"));
    Reading.Result r = read("danhgia_20210501.jsonl.gz", stored);
    assertEquals(List.of(ok(1, "MaPhieu", "P1", "HaiLong", "1"), ok(3, "MaPhieu", "P2")),
        r.records());
    assertEquals(new ReadSummary(2, 0, stored.length, sha256(stored)), r.summary());
  }

  @Test
  void readsGzipCsv() {
    byte[] stored = gzip(utf8(BALLOTS_CSV));
    Reading.Result r = read("danhgia_20210501.csv.gz", stored);
    assertEquals(BALLOTS, r.records());
    assertEquals(new ReadSummary(2, 0, stored.length, sha256(stored)), r.summary());
  }

  @Test
  void digestsBytesAfterTheGzipStreamToo() {
    byte[] stored = concat(gzip(utf8(BALLOTS_CSV)), new byte[] {1, 2, 3});
    Reading.Result r = read("danhgia_20210501.csv.gz", stored);
    assertEquals(BALLOTS, r.records());
    assertEquals(new ReadSummary(2, 0, stored.length, sha256(stored)), r.summary());
  }

  @Test
  void digestsALongTailTheGzipReaderNeverReads() {
    // GZIPInputStream stops at the end of the member; the tail is still part of the file.
    byte[] tail = new byte[300_000];
    Arrays.fill(tail, (byte) 7);
    byte[] stored = concat(gzip(utf8(BALLOTS_CSV)), tail);
    Reading.Result r = read("danhgia_20210501.csv.gz", stored);
    assertEquals(BALLOTS, r.records());
    assertEquals(new ReadSummary(2, 0, stored.length, sha256(stored)), r.summary());
  }

  @Test
  void digestsTheWholeWorkbook() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("MaPhieu");
      sheet.createRow(1).createCell(0).setCellValue("P1");
      wb.write(out);
    }
    byte[] stored = out.toByteArray();
    Reading.Result r = read("danhgia_20210501.xlsx", stored);
    assertEquals(List.of(ok(2, "MaPhieu", "P1")), r.records());
    assertEquals(new ReadSummary(1, 0, stored.length, sha256(stored)), r.summary());
  }

  @Test
  void readsAnEmptyGzipFileAsNoRecords() {
    Reading.Result r = read("danhgia_20210501.csv.gz", new byte[0]);
    assertEquals(List.of(), r.records());
    assertEquals(0, r.summary().bytes());
  }

  @Test
  void failsOnATruncatedGzipJsonLinesFile() {
    byte[] whole = gzip(utf8("{\"MaPhieu\":\"P1\"}\n".repeat(200)));
    assertEquals("Cannot read danhgia_20210501.jsonl.gz: the gzip stream is truncated or corrupt",
        failure("danhgia_20210501.jsonl.gz", Arrays.copyOf(whole, whole.length / 2)));
  }

  @Test
  void failsOnATruncatedGzipCsvFile() {
    byte[] whole = gzip(utf8(BALLOTS_CSV.repeat(100)));
    assertEquals("Cannot read danhgia_20210501.csv.gz: the gzip stream is truncated or corrupt",
        failure("danhgia_20210501.csv.gz", Arrays.copyOf(whole, whole.length - 5)));
  }

  @Test
  void failsOnACorruptGzipFile() {
    byte[] bytes = gzip(utf8(BALLOTS_CSV));
    bytes[bytes.length - 6] ^= 0x55; // inside the CRC-32 of the trailer
    assertEquals("Cannot read danhgia_20210501.csv.gz: the gzip stream is truncated or corrupt",
        failure("danhgia_20210501.csv.gz", bytes));
  }

  @Test
  void failsOnAGzipNameOverBytesThatAreNotGzip() {
    assertEquals("Cannot read danhgia_20210501.csv.gz: the file is not gzip-compressed although"
        + " its name ends in .gz", failure("danhgia_20210501.csv.gz", utf8(BALLOTS_CSV)));
  }

  @Test
  void blamesAFailingStorageNotTheGzipStream() {
    byte[] stored = gzip(utf8(BALLOTS_CSV.repeat(100)));
    BadExtractException e = assertThrows(BadExtractException.class,
        () -> ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.csv.gz"),
            failingAfter(stored, 30), r -> { }));
    assertEquals("Cannot read danhgia_20210501.csv.gz: reading the file failed (connection reset)",
        e.getMessage());
  }

  @Test
  void reportsAFailingStorageUnderPlainText() {
    byte[] stored = utf8(BALLOTS_CSV.repeat(100));
    BadExtractException e = assertThrows(BadExtractException.class,
        () -> ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.jsonl"),
            failingAfter(stored, 30), r -> { }));
    assertEquals("Cannot read danhgia_20210501.jsonl: reading the file failed (connection reset)",
        e.getMessage());
  }

  @Test
  void letsTheSinksOwnFailureThroughUnchanged() {
    IllegalStateException boom = new IllegalStateException("sink full");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.csv"),
            new ByteArrayInputStream(utf8(BALLOTS_CSV)), r -> {
              throw boom;
            }));
    assertSame(boom, thrown);
  }

  @Test
  void letsTheSinksOwnIoFailureThroughUnchanged() {
    java.io.UncheckedIOException boom =
        new java.io.UncheckedIOException(new IOException("disk full"));
    java.io.UncheckedIOException thrown = assertThrows(java.io.UncheckedIOException.class,
        () -> ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.jsonl"),
            new ByteArrayInputStream(utf8("{\"MaPhieu\":\"P1\"}")), r -> {
              throw boom;
            }));
    assertSame(boom, thrown);
  }

  @Test
  void leavesTheCallersStreamOpen() {
    boolean[] closed = {false};
    InputStream in = new FilterInputStream(new ByteArrayInputStream(gzip(utf8(BALLOTS_CSV)))) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    ExtractReader.read(ExtractFile.of("p", "danhgia_20210501.csv.gz"), in, r -> { });
    assertFalse(closed[0]);
  }

  /** A stream that hands out {@code limit} bytes, then fails like a dropped connection. */
  private static InputStream failingAfter(byte[] bytes, int limit) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos >= limit) {
          throw new IOException("connection reset");
        }
        return bytes[pos++] & 0xFF;
      }
    };
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String failure(String name, byte[] bytes) {
    return assertThrows(BadExtractException.class, () -> read(name, bytes)).getMessage();
  }
}
