package vn.bantin.extract;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one extract file into {@link SourceRecord}s, whatever its format, and measures the file
 * as stored (size and SHA-256) for lineage. Pure Java: the Spark job calls it once per file.
 *
 * <p>A record that cannot be read is not dropped but handed on with its problem, so it can be
 * quarantined; a file that cannot be read at all throws {@link BadExtractException} with a
 * one-line message, never a raw I/O or parser exception.
 */
public final class ExtractReader {
  private static final int BUFFER = 64 * 1024;

  private ExtractReader() {}

  /**
   * Reads every record of one extract file, streaming, and hands each to the sink in file order.
   *
   * @param file what the file's name says it is (kind, format, whether gzip)
   * @param in the file's bytes as stored; read to its end but not closed (the caller opened it)
   * @param sink receives each record; an exception it throws ends the read and propagates as is
   * @throws BadExtractException when the file as a whole cannot be read
   */
  public static ReadSummary read(ExtractFile file, InputStream in, Consumer<SourceRecord> sink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    MessageDigest sha256 = sha256();
    StoredBytesInputStream stored =
        new StoredBytesInputStream(new DigestInputStream(new StorageInputStream(in), sha256));
    CountingSink counted = new CountingSink(sink);
    // Closing the content frees the inflater at once; the caller's stream stays open.
    String notUtf8 = null;
    try (InputStream content = file.gzip() ? gunzip(file, stored) : stored) {
      if (file.format() == ExtractFormat.XLSX) {
        XlsxExtractReader.read(file, content, counted);
      } else {
        EncodingGuess.Sniffed text = new EncodingGuess.Sniffed(content);
        if (text.utf16() != null) {
          // Not parsed: every record would be garbage. The file is refused, naming the encoding.
          notUtf8 = text.utf16();
        } else {
          switch (file.format()) {
            case JSONL -> JsonLinesReader.read(text, counted);
            case CSV -> CsvExtractReader.read(file, text, counted);
            default -> throw new IllegalStateException("unknown format " + file.format());
          }
          if (counted.undecodable() * 2 > counted.records()) {
            notUtf8 = text.singleByteGuess();
          }
        }
      }
      // The digest and size are of the whole file, even where a format stops short of its end
      // (bytes after the gzip member).
      stored.transferTo(OutputStream.nullOutputStream());
    } catch (CountingSink.SinkFailure e) {
      throw e.getCause(); // the caller's own failure, not the file's
    } catch (IOException | UncheckedIOException e) {
      throw streamFailure(file, e);
    } catch (RuntimeException e) {
      rethrowIfStreamFailure(file, e);
      throw e;
    }
    return new ReadSummary(counted.records(), counted.badRecords(), stored.count(),
        HexFormat.of().formatHex(sha256.digest()), counted.undecodable(), notUtf8);
  }

  /**
   * The decompressed content of a {@code .gz} file; an empty stream for a 0-byte file (an empty
   * extract, not a broken one).
   */
  private static InputStream gunzip(ExtractFile file, InputStream stored) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(stored, BUFFER);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 < 0) {
      return InputStream.nullInputStream();
    }
    if (b1 != 0x1f || b2 != 0x8b) {
      throw new BadExtractException(file.fileName(),
          "the file is not gzip-compressed although its name ends in .gz");
    }
    try {
      return new GzipContentInputStream(new GZIPInputStream(buffered, BUFFER));
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new CorruptGzipException(e);
    }
  }

  /**
   * Throws the {@link BadExtractException} for a failure of the storage or of the gzip stream
   * found anywhere in the cause chain of {@code failure} (parsers wrap them), if there is one.
   */
  static void rethrowIfStreamFailure(ExtractFile file, Throwable failure) {
    BadExtractException bad = streamFailureIn(file, failure);
    if (bad != null) {
      throw bad;
    }
  }

  private static BadExtractException streamFailure(ExtractFile file, Exception failure) {
    BadExtractException bad = streamFailureIn(file, failure);
    return bad != null ? bad : new BadExtractException(file.fileName(),
        "reading the file failed (" + oneLine(failure.getMessage()) + ")", failure);
  }

  private static BadExtractException streamFailureIn(ExtractFile file, Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof BadExtractException bad) {
        return bad;
      }
      if (t instanceof CorruptGzipException) {
        return new BadExtractException(file.fileName(), "the gzip stream is truncated or corrupt",
            t.getCause());
      }
      if (t instanceof StorageException) {
        return new BadExtractException(file.fileName(),
            "reading the file failed (" + oneLine(t.getCause().getMessage()) + ")", t.getCause());
      }
    }
    return null;
  }

  /** A library's message made fit for a one-line report. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String s = message.strip().replaceAll("\\s+", " ");
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** An I/O failure of the storage under the file (not of its content). */
  static final class StorageException extends IOException {
    StorageException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The gzip layer found the compressed bytes truncated or corrupt. */
  static final class CorruptGzipException extends IOException {
    CorruptGzipException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Tags failures of the caller's stream, so they are not blamed on the file's content. */
  private static final class StorageInputStream extends FilterInputStream {
    StorageInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new StorageException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new StorageException(e);
      }
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // The caller opened the stream and closes it.
    }
  }

  /**
   * Counts the bytes of the file as stored. Skipping reads through (a plain skip would bypass
   * the digest), and mark/reset is refused so no byte is digested twice.
   */
  private static final class StoredBytesInputStream extends FilterInputStream {
    private long count;

    StoredBytesInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
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

  /** Decompressed bytes; a failure of the decompression is tagged as a corrupt gzip stream. */
  private static final class GzipContentInputStream extends FilterInputStream {
    GzipContentInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (StorageException e) {
        throw e;
      } catch (IOException e) {
        throw new CorruptGzipException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (StorageException e) {
        throw e;
      } catch (IOException e) {
        throw new CorruptGzipException(e);
      }
    }
  }
}
