package vn.bantin.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * UTF-8 text of a byte stream that survives bytes which are not UTF-8: each malformed sequence
 * becomes U+FFFD, as with a lenient decoder, but the reader also remembers the character
 * position of every such replacement. A reader of lines or CSV records can then mark exactly the
 * records that held undecodable bytes ({@code undecodable_text}), without mistaking a genuine
 * U+FFFD in the data for one, and read the rest of the file normally.
 *
 * <p>A leading UTF-8 byte-order mark is dropped, and so is U+FEFF (a byte-order mark, or the
 * deprecated zero-width no-break space) anywhere else: a second one comes from files joined with
 * {@code cat}, where it would make the next record unparseable, and inside a code it would make
 * a code that looks the same but is not. Positions count the characters handed out.
 */
final class Utf8TextReader extends Reader {
  private static final char REPLACEMENT = '\uFFFD';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final ArrayDeque<Long> replacements = new ArrayDeque<>();
  private boolean eof;
  private boolean started;
  /** Characters handed out so far. */
  private long position;
  /** The low half of a surrogate pair that did not fit a one-character read, or -1. */
  private int pending = -1;

  Utf8TextReader(InputStream in) {
    this.in = in;
  }

  /**
   * Forgets the replacements before {@code end} (a character position) and tells whether there
   * were any: the caller asks once per record, in file order, with the position where the
   * record ends.
   */
  boolean replacedBefore(long end) {
    boolean any = false;
    while (!replacements.isEmpty() && replacements.peekFirst() < end) {
      replacements.pollFirst();
      any = true;
    }
    return any;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      long before = position;
      int known = replacements.size();
      int n = decoded(cbuf, off, len);
      if (n <= 0) {
        return n;
      }
      int kept = withoutByteOrderMarks(cbuf, off, n, before, known);
      position = before + kept;
      if (kept > 0) {
        return kept;
      }
    }
  }

  /**
   * Removes U+FEFF from the {@code n} characters just decoded at {@code off} (which started at
   * {@code before}), moving the replacements recorded since ({@code known} were there before)
   * to the positions of the characters kept; returns how many are kept.
   */
  private int withoutByteOrderMarks(char[] cbuf, int off, int n, long before, int known) {
    int kept = 0;
    long[] recorded = null;
    for (int i = 0; i < n; i++) {
      char c = cbuf[off + i];
      if (c != BYTE_ORDER_MARK) {
        cbuf[off + kept++] = c;
        continue;
      }
      if (recorded == null) {
        recorded = new long[replacements.size() - known];
        for (int k = recorded.length - 1; k >= 0; k--) {
          recorded[k] = replacements.pollLast();
        }
      }
      // Every replacement after this character moves one place back. Positions recorded are
      // already moved for the marks before this one, so this mark sits at before + kept.
      for (int k = 0; k < recorded.length; k++) {
        if (recorded[k] > before + kept) {
          recorded[k]--;
        }
      }
    }
    if (recorded != null) {
      for (long r : recorded) {
        replacements.addLast(r);
      }
    }
    return kept;
  }

  /** Decodes up to {@code len} characters into {@code cbuf}, as the reader's contract says. */
  private int decoded(char[] cbuf, int off, int len) throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        if (!out.hasRemaining()) {
          break;
        }
        replacements.addLast(position + (out.position() - off));
        out.put(REPLACEMENT);
        bytes.position(bytes.position() + result.length());
      } else if (result.isOverflow()) {
        if (out.position() == off) {
          // Only one char of room and the next code point needs two: hand out half now.
          CharBuffer pair = CharBuffer.allocate(2);
          decoder.decode(bytes, pair, eof);
          pair.flip();
          out.put(pair.get());
          pending = pair.get();
        }
        break;
      } else if (out.position() > off || eof) {
        break; // hand out what there is rather than block for more input
      } else {
        fill();
      }
    }
    int n = out.position() - off;
    return n == 0 ? -1 : n;
  }

  private void fill() throws IOException {
    bytes.compact();
    try {
      int n;
      do {
        n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      } while (n == 0);
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } finally {
      bytes.flip();
    }
  }

  private void skipByteOrderMark() throws IOException {
    while (bytes.remaining() < 3 && !eof) {
      fill();
    }
    if (bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
        && (bytes.get(2) & 0xFF) == 0xBF) {
      bytes.position(3);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
