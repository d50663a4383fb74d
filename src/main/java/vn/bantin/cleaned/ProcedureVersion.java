package vn.bantin.cleaned;

import java.time.LocalDate;

/**
 * One version of a procedure of the catalogue, valid from {@code validFrom} through
 * {@code validTo}, both days included; a null bound is open.
 *
 * @param onlineLevel MucDo: {@code 2}, {@code 3}, {@code 4}, {@code MOT_PHAN}, {@code TOAN_TRINH} or null
 * @param fiveOnSpot NamTaiCho: true for 1, false for 0, null when absent
 */
public record ProcedureVersion(
    String procedureCode,
    String procedureName,
    String sectorCode,
    String sectorName,
    String departmentCode,
    String onlineLevel,
    Boolean fiveOnSpot,
    LocalDate validFrom,
    LocalDate validTo) {}
