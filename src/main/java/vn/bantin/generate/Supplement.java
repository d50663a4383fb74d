package vn.bantin.generate;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One supplement request (an item of DanhSachHoSoBoSung): the clock stops on
 * {@code requestedAt}; when the supplement arrives the due date moves from {@code dueBefore} to
 * {@code dueAfter}. In a dossier's true lifecycle {@code receivedAt} is null only for a
 * supplement never received; in a state as of an extract time it is also null while awaited.
 */
public record Supplement(LocalDateTime requestedAt, LocalDateTime receivedAt,
    LocalDateTime dueBefore, LocalDateTime dueAfter) {

  /** The item as an extract taken at {@code t} shows it (null when not yet requested). */
  public Supplement asOf(LocalDateTime t) {
    if (requestedAt.isAfter(t)) {
      return null;
    }
    boolean received = receivedAt != null && !receivedAt.isAfter(t);
    return received ? this : new Supplement(requestedAt, null, dueBefore, null);
  }

  /** The item's fields, as nested in JSON (dates as LocalDateTime; empty while awaited). */
  public Map<String, Object> toFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("NgayBoSung", requestedAt);
    m.put("NgayTiepNhanBoSung", receivedAt);
    m.put("NgayHenTraTruoc", dueBefore);
    m.put("NgayHenTraMoi", dueAfter);
    return m;
  }
}
