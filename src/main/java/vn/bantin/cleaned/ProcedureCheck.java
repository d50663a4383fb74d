package vn.bantin.cleaned;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Checks one raw {@code thutuc} record (one version of a catalogue procedure) against the input
 * contract.
 *
 * <p>A record that passes gives a {@link ProcedureVersion} with MaTTHC present; MucDo null or
 * one of {@link #ONLINE_LEVELS} exactly; NamTaiCho null, or 0/1 as false/true; HieuLucTu and
 * HieuLucDen null (open: from the beginning, still valid) or real dates ({@code yyyyMMdd}, or
 * the date part of {@code yyyyMMddHHmmss}), HieuLucDen not before HieuLucTu. Text is trimmed,
 * empty text null; unknown fields are ignored. Otherwise it gives every problem found, in the
 * contract's field order, the interval last.
 */
public final class ProcedureCheck {
  /** MucDo codes: levels 2, 3, 4 before 2022, partly or fully online after. */
  public static final List<String> ONLINE_LEVELS = List.of("2", "3", "4", "MOT_PHAN", "TOAN_TRINH");

  private ProcedureCheck() {}

  public static Checked<ProcedureVersion> check(Map<String, String> fields) {
    FieldReader in = new FieldReader(fields);
    String procedureCode = in.key("MaTTHC");
    String procedureName = in.text("TenTTHC");
    String sectorCode = in.text("MaLinhVuc");
    String sectorName = in.text("TenLinhVuc");
    String departmentCode = in.text("MaDonVi");
    String onlineLevel = in.textCode("MucDo", ONLINE_LEVELS);
    Integer fiveOnSpot = in.code("NamTaiCho", 0, 1);
    LocalDate validFrom = in.validityDate("HieuLucTu");
    LocalDate validTo = in.validityDate("HieuLucDen");
    Validity.checkInterval(in, validFrom, validTo);
    return in.result(() -> new ProcedureVersion(
        procedureCode, procedureName, sectorCode, sectorName, departmentCode, onlineLevel,
        fiveOnSpot == null ? null : fiveOnSpot == 1, validFrom, validTo));
  }
}
