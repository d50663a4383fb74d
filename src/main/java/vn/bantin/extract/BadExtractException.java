package vn.bantin.extract;

/**
 * An extract file that cannot be read at all (a bad name, a truncated gzip, a workbook that is
 * not one, broken CSV quoting). Unlike a bad record, which is quarantined, the file as a whole
 * is unusable: a bad name stops the run before any table is written, and a file whose content
 * cannot be read is refused (not registered, none of its rows kept) while the other files are
 * ingested. Its message is one line naming the file.
 */
public class BadExtractException extends RuntimeException {
  private final String fileName;
  private final String reason;

  public BadExtractException(String fileName, String reason) {
    super("Cannot read " + fileName + ": " + reason);
    this.fileName = fileName;
    this.reason = reason;
  }

  /** As {@link #BadExtractException(String, String)}, keeping the low-level failure for logs. */
  public BadExtractException(String fileName, String reason, Throwable cause) {
    super("Cannot read " + fileName + ": " + reason, cause);
    this.fileName = fileName;
    this.reason = reason;
  }

  public String fileName() {
    return fileName;
  }

  /** What is wrong, without the file's name. */
  public String reason() {
    return reason;
  }
}
