package vn.bantin.extract;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells a text extract that is not UTF-8 at all from one with a few bad bytes, and names the
 * encoding it most likely is in. UTF-16 is seen at once, from the first bytes (a byte-order mark,
 * or many NUL bytes: ASCII in UTF-16 is every other byte NUL), and the file is then not parsed.
 * A single-byte code page is seen only after the whole file is read, when more than half of its
 * records hold bytes that are not UTF-8; the encoding is then guessed from the first 64 KiB of
 * the text:
 *
 * <ul>
 *   <li>TCVN3 (ABC), when many high bytes are in 0xA1–0xBF, where TCVN3 puts ă â ê ô ơ ư đ and
 *       the toned a's (in windows-125x these are rare symbols);
 *   <li>windows-1258, when tone marks (0xCC, 0xEC, 0xDE, 0xD2, 0xF2, the combining marks of
 *       windows-1258) follow vowels;
 *   <li>VNI (VNI-Windows), when most high bytes follow a vowel: VNI writes a letter as its base
 *       vowel and a second byte for the marks (ø ù û õ ï for the tones, â ê and their toned
 *       forms for the circumflex and the breve), and đ as ñ;
 *   <li>otherwise "a single-byte code page such as windows-1252".
 * </ul>
 */
final class EncodingGuess {
  static final int HEAD = 4096;
  static final int SAMPLE = 64 * 1024;

  private EncodingGuess() {}

  /** The UTF-16 variant of a text whose first bytes these are, or null when it is not UTF-16. */
  static String utf16(byte[] head, int n) {
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return "UTF-16LE (it starts with the byte-order mark FF FE)";
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return "UTF-16BE (it starts with the byte-order mark FE FF)";
    }
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          evenNuls++;
        } else {
          oddNuls++;
        }
      }
    }
    if (n >= 4 && (evenNuls + oddNuls) * 4 >= n) {
      return (oddNuls >= evenNuls ? "UTF-16LE" : "UTF-16BE")
          + " (no byte-order mark, but every other byte is NUL)";
    }
    return null;
  }

  private static final String TONE_MARKS_1258 = "\u00CC\u00EC\u00DE\u00D2\u00F2";
  private static final String VOWELS_1258 = "aeiouyAEIOUY\u00E2\u00E3\u00EA\u00F4\u00F5\u00FD"
      + "\u00C2\u00C3\u00CA\u00D4\u00D5\u00DD";

  /** The letters VNI puts marks after: the vowels, and its ơ ư (ô ö in windows-1252). */
  private static final String ASCII_VOWELS = "aeiouyAEIOUY\u00F4\u00F6\u00D4\u00D6";
  /** The second bytes VNI puts after a vowel, lower and upper case (as windows-1252 shows them). */
  private static final String VNI_MARKS = "\u00F9\u00F8\u00FB\u00F5\u00EF\u00E1\u00E0"
      + "\u00E5\u00E3\u00E4\u00E2\u00E9\u00E8\u00FA\u00FC\u00EB\u00EA"
      + "\u00D9\u00D8\u00DB\u00D5\u00CF\u00C1\u00C0\u00C5\u00C3\u00C4\u00C2\u00C9"
      + "\u00C8\u00DA\u00DC\u00CB\u00CA";

  /** The likely single-byte code page of a text that is not UTF-8. */
  static String singleByte(byte[] sample, int n) {
    int high = 0;
    int tcvn3Letters = 0;
    int tonesAfterVowels = 0;
    int vniMarks = 0;
    for (int i = 0; i < n; i++) {
      int b = sample[i] & 0xFF;
      if (b < 0x80) {
        continue;
      }
      high++;
      if (b >= 0xA1 && b <= 0xBF) {
        tcvn3Letters++;
      }
      if (i > 0 && TONE_MARKS_1258.indexOf((char) b) >= 0
          && VOWELS_1258.indexOf((char) (sample[i - 1] & 0xFF)) >= 0) {
        tonesAfterVowels++;
      }
      if ((i > 0 && VNI_MARKS.indexOf((char) b) >= 0
          && ASCII_VOWELS.indexOf((char) (sample[i - 1] & 0xFF)) >= 0)
          || b == 0xF1 || b == 0xD1) {
        vniMarks++;
      }
    }
    if (high > 0 && tcvn3Letters * 4 >= high) {
      return "TCVN3 (ABC), a legacy Vietnamese encoding";
    }
    if (high > 0 && tonesAfterVowels * 10 >= high) {
      return "windows-1258 (Vietnamese)";
    }
    if (high > 0 && vniMarks * 2 >= high) {
      return "VNI (VNI-Windows), a legacy Vietnamese encoding";
    }
    return "a single-byte code page such as windows-1252";
  }

  /**
   * The content of a text file, buffered so that its first bytes can be looked at before it is
   * parsed, keeping a copy of its first {@link #SAMPLE} bytes.
   */
  static final class Sniffed extends FilterInputStream {
    private final byte[] sample = new byte[SAMPLE];
    private int sampled;
    private final String utf16;

    Sniffed(InputStream content) throws IOException {
      super(new BufferedInputStream(content, HEAD * 2));
      in.mark(HEAD);
      byte[] head = in.readNBytes(HEAD);
      in.reset();
      utf16 = EncodingGuess.utf16(head, head.length);
    }

    /** The UTF-16 variant the file is in, or null. */
    String utf16() {
      return utf16;
    }

    /** The likely encoding of the text read so far (it is not UTF-8). */
    String singleByteGuess() {
      return singleByte(sample, sampled);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && sampled < SAMPLE) {
        sample[sampled++] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && sampled < SAMPLE) {
        int k = Math.min(n, SAMPLE - sampled);
        System.arraycopy(b, off, sample, sampled, k);
        sampled += k;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark/reset not supported");
    }
  }
}
