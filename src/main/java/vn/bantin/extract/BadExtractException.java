package vn.bantin.extract;

/**
 * An extract file that cannot be read at all (a bad name, a truncated gzip, a workbook that is
 * not one). Unlike a bad record, which is quarantined, this stops the run before any table is
 * written; its message is one line naming the file.
 */
public class BadExtractException extends RuntimeException {
  private final String fileName;

  public BadExtractException(String fileName, String reason) {
    super("Cannot read " + fileName + ": " + reason);
    this.fileName = fileName;
  }

  /** As {@link #BadExtractException(String, String)}, keeping the low-level failure for logs. */
  public BadExtractException(String fileName, String reason, Throwable cause) {
    super("Cannot read " + fileName + ": " + reason, cause);
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
