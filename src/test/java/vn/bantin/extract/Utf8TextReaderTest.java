package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.extract.Reading.concat;
import static vn.bantin.extract.Reading.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class Utf8TextReaderTest {

  @Test
  void decodesOneCharAtATimeIncludingSurrogatePairs() throws IOException {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        utf8("a😀ư"), new byte[] {(byte) 0xC0}, utf8("b"));
    Utf8TextReader reader = new Utf8TextReader(new ByteArrayInputStream(bytes));
    StringBuilder s = new StringBuilder();
    char[] one = new char[1];
    while (reader.read(one, 0, 1) > 0) {
      s.append(one[0]);
    }
    assertEquals("a😀ư\uFFFDb", s.toString());
    // The replacement is the 5th char (position 4): a, two halves of the emoji, ư.
    assertFalse(reader.replacedBefore(4));
    assertTrue(reader.replacedBefore(5));
    assertFalse(reader.replacedBefore(Long.MAX_VALUE));
  }

  @Test
  void replacesATruncatedSequenceAtTheEnd() throws IOException {
    Utf8TextReader reader = new Utf8TextReader(
        new ByteArrayInputStream(concat(utf8("ab"), new byte[] {(byte) 0xE1, (byte) 0xBB})));
    char[] buf = new char[10];
    int n = reader.read(buf, 0, 10);
    StringBuilder s = new StringBuilder().append(buf, 0, n);
    for (int m; (m = reader.read(buf, 0, 10)) > 0; ) {
      s.append(buf, 0, m);
    }
    assertEquals("ab\uFFFD", s.toString());
    assertFalse(reader.replacedBefore(2));
    assertTrue(reader.replacedBefore(3));
  }

  @Test
  void dropsByteOrderMarksAnywhereAndKeepsReplacementPositions() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    // "a", a BOM, a bad byte, "b", two BOMs (files joined with cat), "\nc", a bad byte.
    byte[] bytes = concat(utf8("a"), bom, new byte[] {(byte) 0xC0}, utf8("b"), bom, bom,
        utf8("\nc"), new byte[] {(byte) 0xFF});
    for (int size : new int[] {1, 2, 64}) {
      Utf8TextReader reader = new Utf8TextReader(new ByteArrayInputStream(bytes));
      StringBuilder s = new StringBuilder();
      char[] buf = new char[size];
      for (int m; (m = reader.read(buf, 0, size)) > 0; ) {
        s.append(buf, 0, m);
      }
      assertEquals("a\uFFFDb\nc\uFFFD", s.toString(), "reads of " + size);
      // The replacements are at positions 1 and 5 of what was handed out.
      assertFalse(reader.replacedBefore(1), "reads of " + size);
      assertTrue(reader.replacedBefore(2), "reads of " + size);
      assertFalse(reader.replacedBefore(5), "reads of " + size);
      assertTrue(reader.replacedBefore(6), "reads of " + size);
    }
  }
}
