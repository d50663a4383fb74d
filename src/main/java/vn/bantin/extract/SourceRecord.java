package vn.bantin.extract;

import java.io.Serializable;
import java.util.Map;

/**
 * One record of an extract file exactly as read, before any check of the contract.
 *
 * @param line where the record starts: the 1-based line of a JSON Lines or CSV file (the CSV
 *     header is line 1), or the 1-based row of the sheet (the header is row 1)
 * @param fields field name to text as it came (JSON numbers as their text, nested lists and
 *     objects as compact JSON text, JSON null and blank cells absent); insertion-ordered
 * @param problem null when the record could be read; otherwise {@code malformed_record} or
 *     {@code undecodable_text} (see {@code QuarantineReason}), and {@code fields} holds what
 *     could be salvaged (possibly nothing)
 * @param detail a short human explanation of the problem, null when there is none
 */
public record SourceRecord(long line, Map<String, String> fields, String problem, String detail)
    implements Serializable {

  public static SourceRecord ok(long line, Map<String, String> fields) {
    return new SourceRecord(line, fields, null, null);
  }

  public static SourceRecord bad(long line, Map<String, String> fields, String problem,
      String detail) {
    return new SourceRecord(line, fields, problem, detail);
  }
}
