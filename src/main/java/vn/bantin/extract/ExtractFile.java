package vn.bantin.extract;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One extract file, as its name describes it: {@code <kind>_<yyyyMMdd>[HHmmss].<ext>[.gz]}.
 * The timestamp is the moment the export was taken, in Vietnam local time; it orders extracts
 * (the newest one holding a record wins).
 *
 * @param path the file's location, as a URI or path string the Hadoop file system can open
 * @param fileName the file's name, which is also its identity in the lineage columns
 * @param extractTime the extract time from the name (local time; midnight when only a date)
 */
public record ExtractFile(
    String path,
    String fileName,
    ExtractKind kind,
    ExtractFormat format,
    boolean gzip,
    LocalDateTime extractTime) implements Serializable {

  private static final Pattern NAME = Pattern.compile(
      "^(hoso|danhgia|thutuc|donvi)_(\\d{8})(\\d{6})?\\.(jsonl|json|csv|xlsx)(\\.gz)?$");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  /**
   * Reads an extract's name.
   *
   * @throws BadExtractException when the name is not {@code <kind>_<timestamp>.<ext>}
   */
  public static ExtractFile of(String path, String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new BadExtractException(fileName,
          "the name is not <kind>_<yyyyMMdd[HHmmss]>.<jsonl|json|csv|xlsx>[.gz] with kind one of"
              + " hoso, danhgia, thutuc, donvi");
    }
    String stamp = m.group(2) + (m.group(3) == null ? "000000" : m.group(3));
    LocalDateTime time;
    try {
      time = LocalDateTime.parse(stamp, STAMP);
    } catch (DateTimeParseException e) {
      throw new BadExtractException(fileName,
          "the timestamp '" + m.group(2) + (m.group(3) == null ? "" : m.group(3))
              + "' in the name is not a real date and time");
    }
    ExtractFormat format = switch (m.group(4)) {
      case "jsonl", "json" -> ExtractFormat.JSONL;
      case "csv" -> ExtractFormat.CSV;
      default -> ExtractFormat.XLSX;
    };
    return new ExtractFile(path, fileName, ExtractKind.ofPrefix(m.group(1)), format,
        m.group(5) != null, time);
  }
}
