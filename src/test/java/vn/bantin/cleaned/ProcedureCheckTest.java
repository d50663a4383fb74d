package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.cleaned.Raw.reasons;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcedureCheckTest {
  static final Raw BASE = Raw.of(
      "MaTTHC", "1.001234",
      "TenTTHC", "Cấp giấy phép xây dựng",
      "MaLinhVuc", "G05",
      "TenLinhVuc", "Xây dựng",
      "MaDonVi", "000.00.54.H54",
      "MucDo", "MOT_PHAN",
      "NamTaiCho", "1",
      "HieuLucTu", "20220101",
      "HieuLucDen", "20231231235959",
      "CoQuanBanHanh", "unknown field");

  private static Checked<ProcedureVersion> check(Raw raw) {
    return ProcedureCheck.check(raw.map());
  }

  @Test
  void validVersionGivesTheFullTypedRecord() {
    Checked<ProcedureVersion> checked = check(BASE);
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(new ProcedureVersion("1.001234", "Cấp giấy phép xây dựng", "G05", "Xây dựng",
        "000.00.54.H54", "MOT_PHAN", true, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31)),
        checked.value());
  }

  @Test
  void emptyBoundsAreOpenAndEmptyCodesNone() {
    assertEquals(new ProcedureVersion("1.001234", null, null, null, null, null, null, null, null),
        check(Raw.of("MaTTHC", " 1.001234 ", "MucDo", "", "NamTaiCho", " ",
            "HieuLucTu", "", "HieuLucDen", "  ")).value());
  }

  @Test
  void missingProcedureCodeIsMissingKey() {
    assertEquals(
        List.of(new Problem("MaTTHC", QuarantineReason.MISSING_KEY, "MaTTHC is missing or empty")),
        check(BASE.without("MaTTHC")).problems());
  }

  @Test
  void validityEndingBeforeItStartsIsBadInterval() {
    assertEquals(
        List.of(new Problem("HieuLucDen", QuarantineReason.BAD_INTERVAL,
            "'20201231' is before HieuLucTu '20210101'")),
        check(BASE.with("HieuLucTu", "20210101").with("HieuLucDen", "20201231")).problems());
  }

  @Test
  void aOneDayVersionIsFine() {
    ProcedureVersion value = check(BASE.with("HieuLucTu", "20210101120000")
        .with("HieuLucDen", "20210101")).value();
    assertEquals(LocalDate.of(2021, 1, 1), value.validFrom());
    assertEquals(LocalDate.of(2021, 1, 1), value.validTo());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-01-01", "20210229", "2021010", "20210101240000"})
  void validityDateThatIsNotOneIsBadDate(String date) {
    assertEquals(
        List.of(new Problem("HieuLucTu", QuarantineReason.BAD_DATE,
            "'" + date + "' is not a date yyyyMMdd or yyyyMMddHHmmss")),
        check(BASE.with("HieuLucTu", date)).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "3", "4", "MOT_PHAN", "TOAN_TRINH"})
  void onlineLevelsOfTheList(String level) {
    assertEquals(level, check(BASE.with("MucDo", " " + level)).value().onlineLevel());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "5", "3.0", "mot_phan", "Toan_Trinh"})
  void onlineLevelOutsideTheListIsUnknownCode(String level) {
    assertEquals(List.of("MucDo UNKNOWN_CODE"), reasons(check(BASE.with("MucDo", level))));
  }

  @Test
  void fiveOnSpotIsZeroOrOne() {
    assertEquals(false, check(BASE.with("NamTaiCho", "0")).value().fiveOnSpot());
    assertNull(check(BASE.without("NamTaiCho")).value().fiveOnSpot());
    assertEquals(
        List.of(new Problem("NamTaiCho", QuarantineReason.UNKNOWN_CODE, "'2' is not one of 0, 1")),
        check(BASE.with("NamTaiCho", "2")).problems());
  }

  @Test
  void badBoundIsNotAlsoABadInterval() {
    assertEquals(List.of("HieuLucDen BAD_DATE"),
        reasons(check(BASE.with("HieuLucDen", "20001332"))));
  }
}
