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
}
