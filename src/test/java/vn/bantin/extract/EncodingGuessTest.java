package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.extract.Reading.concat;
import static vn.bantin.extract.Reading.gzip;
import static vn.bantin.extract.Reading.read;
import static vn.bantin.extract.Reading.utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text extract that is not UTF-8 as a whole is told apart from one with a few bad bytes, and
 * its likely encoding is named: UTF-16 from its first bytes (then it is not parsed at all), a
 * single-byte code page (windows-1258, TCVN3, VNI, windows-1252) when most records are undecodable.
 */
class EncodingGuessTest {
  private static final String CSV = "MaHoSo,ChuHoSo,TenTTHC\n"
      + "H-1,Nguyễn Văn An,Cấp giấy phép xây dựng\n"
      + "H-2,Trần Thị Bình,Đăng ký hộ kinh doanh\n"
      + "H-3,Lê Thái Hà,Cấp phiếu lý lịch tư pháp\n";

  /** "Nguyễn Văn An" and other Vietnamese in windows-1258 (base letters, then tone marks). */
  static byte[] windows1258(String text) {
    // windows-1258 has the letters ă â ê ô ơ ư đ but puts the five tones after them as
    // combining marks: decompose, then recompose only the letters.
    String nfd = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if ((c == '\u0302' || c == '\u0306' || c == '\u031B') && out.length() > 0) {
        char base = out.charAt(out.length() - 1);
        out.setLength(out.length() - 1);
        out.append(java.text.Normalizer.normalize("" + base + c,
            java.text.Normalizer.Form.NFC));
      } else {
        out.append(c);
      }
    }
    // Tone marks come after the letter modifiers in NFD order except for the horn: fine here.
    return out.toString().getBytes(Charset.forName("windows-1258"));
  }

  /** TCVN3 (ABC) bytes of a few letters: enough for the test lines. */
  static byte[] tcvn3(String text) {
    String from = "ăâêôơưđàảãáạấầễíìéóồ";
    int[] to = {0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xCA,
        0xC7, 0xD4, 0xDD, 0xD7, 0xD0, 0xE3, 0xE5};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : text.toCharArray()) {
      int i = from.indexOf(Character.toLowerCase(c));
      if (c < 0x80) {
        out.write(c);
      } else if (c == 'Đ') {
        out.write(0xA7);
      } else if (i >= 0) {
        out.write(to[i]);
      } else {
        out.write('?');
      }
    }
    return out.toByteArray();
  }

  @Test
  void aUtf8FileWithAFewBadBytesIsUtf8() {
    byte[] file = concat(utf8(CSV), utf8("H-4,Ph"), new byte[] {(byte) 0xFF}, utf8("m,x\n"));
    ReadSummary s = read("hoso_20210501.csv", file).summary();
    assertEquals(4, s.records());
    assertEquals(1, s.undecodable());
    assertNull(s.notUtf8());
  }

  @Test
  void windows1258IsNamed() {
    assertTrue(windows1258("Nguyễn").length == 7, "N g u y ê ~ n");
    ReadSummary s = read("hoso_20210501.csv", windows1258(CSV)).summary();
    assertEquals(3, s.records());
    assertEquals(3, s.undecodable());
    assertEquals("windows-1258 (Vietnamese)", s.notUtf8());
    // The same as JSON Lines, gzip-compressed.
    ReadSummary j = read("hoso_20210501.jsonl.gz", gzip(windows1258(
        "{\"MaHoSo\":\"H-1\",\"ChuHoSo\":\"Nguyễn Văn An\"}\n"
            + "{\"MaHoSo\":\"H-2\",\"ChuHoSo\":\"Trần Thị Bình\"}\n"))).summary();
    assertEquals("windows-1258 (Vietnamese)", j.notUtf8());
  }

  @Test
  void tcvn3IsNamed() {
    ReadSummary s = read("hoso_20210501.csv", tcvn3(CSV)).summary();
    assertEquals(3, s.undecodable());
    assertEquals("TCVN3 (ABC), a legacy Vietnamese encoding", s.notUtf8());
  }

  @Test
  void vniIsNamed() {
    // VNI writes a base letter, then the marks as a second byte (â = "aâ", ấ = "aá", ư = "ö").
    String vni = "MaHoSo,ChuHoSo,TenTTHC\n"
        + "H-1,Nguyeãn Vaên An,Caáp giaáy pheùp xaây döïng\n"
        + "H-2,Traàn Thò Bình,Ñaêng kyù hoä kinh doanh\n"
        + "H-3,Leâ Thaùi Haø,Caáp phieáu lyù lòch tö phaùp\n";
    ReadSummary s = read("hoso_20210501.csv", vni.getBytes(Charset.forName("windows-1252")))
        .summary();
    assertEquals(3, s.undecodable());
    assertEquals("VNI (VNI-Windows), a legacy Vietnamese encoding", s.notUtf8());
  }

  @Test
  void windows1252IsASingleByteCodePage() {
    ReadSummary s = read("danhgia_20210501.jsonl", "{\"MaPhieu\":\"P1\",\"Note\":\"café\"}\n{\"MaPhieu\":\"P2\",\"Note\":\"crème brûlée\"}\n"
        .getBytes(Charset.forName("windows-1252"))).summary();
    assertEquals("a single-byte code page such as windows-1252", s.notUtf8());
  }

  @Test
  void utf16IsSeenFromItsFirstBytesAndNotParsed() {
    Reading.Result le = read("hoso_20210501.csv", CSV.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(List.of(), le.records());
    assertEquals("UTF-16LE (no byte-order mark, but every other byte is NUL)",
        le.summary().notUtf8());
    byte[] withBom = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        CSV.getBytes(StandardCharsets.UTF_16LE));
    Reading.Result bom = read("hoso_20210501.csv", withBom);
    assertEquals(List.of(), bom.records());
    assertEquals("UTF-16LE (it starts with the byte-order mark FF FE)", bom.summary().notUtf8());
    assertEquals(withBom.length, bom.summary().bytes(), "the whole file is still measured");
    // Java's "UTF-16" writes big-endian with a byte-order mark.
    assertEquals("UTF-16BE (it starts with the byte-order mark FE FF)",
        read("hoso_20210501.jsonl", "{\"MaHoSo\":\"H-1\"}\n".getBytes(StandardCharsets.UTF_16))
            .summary().notUtf8());
  }
}
