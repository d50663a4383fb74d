package vn.bantin.generate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of an agency as a {@code donvi} extract lists it.
 *
 * @param level CapDonVi: 1 province, 2 district, 3 commune
 * @param validTo HieuLucDen, null while still valid
 */
public record Agency(String code, String name, int level, String parentCode, LocalDate validFrom,
    LocalDate validTo) {

  /** The record's fields in the contract's order (dates as LocalDate, absent ones null). */
  public Map<String, Object> toFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaDonVi", code);
    m.put("TenDonVi", name);
    m.put("CapDonVi", level);
    m.put("MaDonViCha", parentCode);
    m.put("HieuLucTu", validFrom);
    m.put("HieuLucDen", validTo);
    return m;
  }
}
