package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.cleaned.Raw.reasons;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyCheckTest {
  static final Raw BASE = Raw.of(
      "MaDonVi", "000.00.54.H54",
      "TenDonVi", "Sở Xây dựng",
      "CapDonVi", "1",
      "MaDonViCha", "000.00.00.H54",
      "HieuLucTu", "20240229",
      "HieuLucDen", "",
      "DiaChiTruSo", "unknown field");

  private static Checked<AgencyVersion> check(Raw raw) {
    return AgencyCheck.check(raw.map());
  }

  @Test
  void validVersionGivesTheFullTypedRecord() {
    Checked<AgencyVersion> checked = check(BASE);
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(new AgencyVersion("000.00.54.H54", "Sở Xây dựng", 1, "000.00.00.H54",
        LocalDate.of(2024, 2, 29), null), checked.value());
  }

  @Test
  void onlyTheCodeIsRequired() {
    assertEquals(new AgencyVersion("H54", null, null, null, null, null),
        check(Raw.of("MaDonVi", "H54")).value());
  }

  @Test
  void missingAgencyCodeIsMissingKey() {
    assertEquals(List.of("MaDonVi MISSING_KEY"), reasons(check(BASE.with("MaDonVi", " \t"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "4", "tỉnh"})
  void levelOutsideOneToThreeIsUnknownCode(String level) {
    assertEquals(List.of("CapDonVi UNKNOWN_CODE"), reasons(check(BASE.with("CapDonVi", level))));
  }

  @Test
  void validityEndingBeforeItStartsIsBadInterval() {
    assertEquals(List.of("HieuLucDen BAD_INTERVAL"),
        reasons(check(BASE.with("HieuLucDen", "20240228235959"))));
  }

  @Test
  void february29OfAYearThatHasNone() {
    assertEquals(List.of("HieuLucTu BAD_DATE"), reasons(check(BASE.with("HieuLucTu", "20230229"))));
  }
}
