package vn.bantin.cleaned;

import java.time.LocalDate;
import java.util.Map;

/**
 * Checks one raw {@code donvi} record (one version of an agency) against the input contract.
 *
 * <p>A record that passes gives an {@link AgencyVersion} with MaDonVi present; CapDonVi null or
 * 1..3; HieuLucTu and HieuLucDen null (open: from the beginning, still valid) or real dates
 * ({@code yyyyMMdd}, or the date part of {@code yyyyMMddHHmmss}), HieuLucDen not before
 * HieuLucTu. Text is trimmed, empty text null; unknown fields are ignored. Otherwise it gives
 * every problem found, in the contract's field order, the interval last.
 */
public final class AgencyCheck {
  private AgencyCheck() {}

  public static Checked<AgencyVersion> check(Map<String, String> fields) {
    FieldReader in = new FieldReader(fields);
    String agencyCode = in.key("MaDonVi");
    String agencyName = in.text("TenDonVi");
    Integer level = in.code("CapDonVi", 1, 3);
    String parentCode = in.text("MaDonViCha");
    LocalDate validFrom = in.validityDate("HieuLucTu");
    LocalDate validTo = in.validityDate("HieuLucDen");
    Validity.checkInterval(in, validFrom, validTo);
    return in.result(() -> new AgencyVersion(
        agencyCode, agencyName, level, parentCode, validFrom, validTo));
  }
}
