package vn.bantin.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of a procedure as a {@code thutuc} extract lists it, valid from {@code validFrom}
 * through {@code validTo} (both included; null = still valid).
 *
 * @param level MucDo: {@code 2}, {@code 3}, {@code 4}, {@code MOT_PHAN} or {@code TOAN_TRINH}
 */
public record CatalogueVersion(String procedureCode, String procedureName, String sectorCode,
    String sectorName, String departmentCode, String level, boolean fiveOnSpot,
    LocalDate validFrom, LocalDate validTo) {

  /** MucDo counts as "level 3, 4": {@code 3}, {@code 4}, {@code MOT_PHAN}, {@code TOAN_TRINH}. */
  public boolean isLevel34() {
    return level.equals("3") || level.equals("4") || level.equals("MOT_PHAN")
        || level.equals("TOAN_TRINH");
  }

  public boolean validOn(LocalDate d) {
    return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
  }

  /** The record's fields in the contract's order (dates as LocalDate, absent ones null). */
  public Map<String, Object> toFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaTTHC", procedureCode);
    m.put("TenTTHC", procedureName);
    m.put("MaLinhVuc", sectorCode);
    m.put("TenLinhVuc", sectorName);
    m.put("MaDonVi", departmentCode);
    m.put("MucDo", level);
    m.put("NamTaiCho", fiveOnSpot ? 1 : 0);
    m.put("HieuLucTu", validFrom);
    m.put("HieuLucDen", validTo);
    return m;
  }
}
