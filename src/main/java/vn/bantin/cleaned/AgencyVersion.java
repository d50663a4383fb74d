package vn.bantin.cleaned;

import java.time.LocalDate;

/**
 * One version of an agency, valid from {@code validFrom} through {@code validTo}, both days
 * included; a null bound is open.
 *
 * @param level CapDonVi: 1 province, 2 district, 3 commune; null when absent
 */
public record AgencyVersion(
    String agencyCode,
    String agencyName,
    Integer level,
    String parentCode,
    LocalDate validFrom,
    LocalDate validTo) {}
