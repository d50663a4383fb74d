package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.cleaned.Raw.reasons;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BallotCheckTest {
  static final Raw BASE = Raw.of(
      "MaPhieu", "DG-2021-000123",
      "NgayDanhGia", "20210430235959",
      "MaNoiTiepNhan", "000.00.00.H54",
      "MaHoSo", "000.00.54.H54-210405-0012",
      "ThaiDo", "1",
      "HaiLong", "2",
      "GhiChu", "unknown field");

  private static Checked<BallotRecord> check(Raw raw) {
    return BallotCheck.check(raw.map());
  }

  @Test
  void validBallotGivesTheFullTypedRecord() {
    Checked<BallotRecord> checked = check(BASE);
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(new BallotRecord("DG-2021-000123", LocalDateTime.of(2021, 4, 30, 23, 59, 59),
        "000.00.00.H54", "000.00.54.H54-210405-0012", 1, 2), checked.value());
  }

  @Test
  void dossierAndCentreAreOptional() {
    assertEquals(new BallotRecord("DG-2021-000123", LocalDateTime.of(2021, 5, 1, 0, 0, 0),
            null, null, 4, 4),
        check(BASE.with("NgayDanhGia", " 20210501000000 ").without("MaNoiTiepNhan")
            .with("MaHoSo", " ").with("ThaiDo", "4").with("HaiLong", "4")).value());
  }

  @Test
  void missingBallotIdIsMissingKey() {
    assertEquals(List.of("MaPhieu MISSING_KEY"), reasons(check(BASE.with("MaPhieu", ""))));
  }

  @Test
  void ballotWithoutDateCannotBePlaced() {
    assertEquals(
        List.of(new Problem("NgayDanhGia", QuarantineReason.MISSING_FIELD,
            "NgayDanhGia is missing or empty")),
        check(BASE.without("NgayDanhGia")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"20210430", "20210431120000"})
  void ballotDateIsFourteenDigitsAndReal(String date) {
    assertEquals(List.of("NgayDanhGia BAD_DATE"), reasons(check(BASE.with("NgayDanhGia", date))));
  }

  @Test
  void attitudeFiveIsUnknownCode() {
    assertEquals(
        List.of(new Problem("ThaiDo", QuarantineReason.UNKNOWN_CODE, "'5' is not one of 1..4")),
        check(BASE.with("ThaiDo", "5")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "rất hài lòng", "1.0"})
  void overallOutsideOneToFourIsUnknownCode(String answer) {
    assertEquals(List.of("HaiLong UNKNOWN_CODE"), reasons(check(BASE.with("HaiLong", answer))));
  }

  @Test
  void bothAnswersAreRequired() {
    assertEquals(List.of("ThaiDo MISSING_FIELD", "HaiLong MISSING_FIELD"),
        reasons(check(BASE.without("ThaiDo").with("HaiLong", "  "))));
  }

  @Test
  void allProblemsInContractOrder() {
    assertEquals(List.of("MaPhieu MISSING_KEY", "NgayDanhGia BAD_DATE", "ThaiDo UNKNOWN_CODE",
            "HaiLong MISSING_FIELD"),
        reasons(check(BASE.without("MaPhieu").with("NgayDanhGia", "x").with("ThaiDo", "9")
            .without("HaiLong"))));
  }
}
