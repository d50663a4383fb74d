package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.cleaned.Raw.reasons;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DossierCheckTest {
  /** A dossier resolved and handed over, with personal data and a field the checks do not know. */
  static final Raw BASE = Raw.of(
      "MaHoSo", "000.00.54.H54-210405-0012",
      "MaTTHC", "1.001234",
      "TenTTHC", "Cấp giấy phép xây dựng",
      "MaLinhVuc", "G05",
      "TenLinhVuc", "Xây dựng",
      "MaDonVi", "000.00.54.H54",
      "MaNoiTiepNhan", "000.00.00.H54",
      "KenhThucHien", "2",
      "NgayNopHoSo", "20210405073000",
      "NgayTiepNhan", "20210405080000",
      "NgayHenTra", "20210419170000",
      "NgayKetThucXuLy", "20210416100000",
      "NgayTra", "20210417090000",
      "NgayTuChoi", "",
      "TrangThaiHoSo", "10",
      "LoaiKetQua", "",
      "HinhThuc", "0",
      "DanhSachHoSoBoSung", "",
      "ChuHoSo", "Nguyễn Văn A",
      "SoGiayToChuHoSo", "034090001234",
      "SoDienThoai", "0912345678",
      "Email", "a@example.vn",
      "DiaChi", "Thái Bình",
      "DinhDanhCHS", "034090001234",
      "TrichYeuHoSo", "Xin cấp phép xây nhà",
      "TaiLieuNop", "[{\"TepDinhKem\":\"ban-ve.pdf\"}]");

  static final DossierRecord BASE_RECORD = new DossierRecord(
      "000.00.54.H54-210405-0012", "1.001234", "Cấp giấy phép xây dựng", "G05", "Xây dựng",
      "000.00.54.H54", "000.00.00.H54", 2,
      LocalDateTime.of(2021, 4, 5, 7, 30), LocalDateTime.of(2021, 4, 5, 8, 0),
      LocalDateTime.of(2021, 4, 19, 17, 0), LocalDateTime.of(2021, 4, 16, 10, 0),
      LocalDateTime.of(2021, 4, 17, 9, 0), null,
      10, null, 0, List.of());

  private static Checked<DossierRecord> check(Raw raw) {
    return DossierCheck.check(raw.map());
  }

  @Test
  void validDossierGivesTheFullTypedRecordWithoutPersonalData() {
    Checked<DossierRecord> checked = check(BASE);
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(BASE_RECORD, checked.value());
    String shown = checked.value().toString();
    assertFalse(shown.contains("Nguyễn Văn A") || shown.contains("0912345678"), shown);
  }

  @Test
  void textIsTrimmedAndBlankIsNone() {
    DossierRecord value = check(BASE
        .with("TenTTHC", "  Cấp giấy phép xây dựng \t")
        .with("MaDonVi", "   ")
        .with("KenhThucHien", " 2 ")
        .with("NgayTra", " \t ")
        .with("TrangThaiHoSo", " 9 ")
        .with("HinhThuc", "")).value();
    assertEquals("Cấp giấy phép xây dựng", value.procedureName());
    assertNull(value.departmentCode());
    assertEquals(2, value.channel());
    assertNull(value.handedOverAt());
    assertEquals(9, value.status());
    assertNull(value.delivery());
  }

  @Test
  void absentAndNullValuedFieldsAreNone() {
    DossierRecord value = check(BASE.without("MaTTHC").with("NgayNopHoSo", null)).value();
    assertNull(value.procedureCode());
    assertNull(value.submittedAt());
  }

  @Test
  void missingDossierCodeIsMissingKey() {
    assertEquals(
        List.of(new Problem("MaHoSo", QuarantineReason.MISSING_KEY, "MaHoSo is missing or empty")),
        check(BASE.without("MaHoSo")).problems());
    assertEquals(List.of("MaHoSo MISSING_KEY"), reasons(check(BASE.with("MaHoSo", "  "))));
  }

  @Test
  void impossibleDateIsBadDateNamingTheValue() {
    assertEquals(
        List.of(new Problem("NgayTiepNhan", QuarantineReason.BAD_DATE,
            "'20210231120000' is not a date yyyyMMddHHmmss")),
        check(BASE.with("NgayTiepNhan", "20210231120000")).problems());
  }

  @Test
  void anExcelDateSerialIsABadDateWithAHint() {
    assertEquals(
        List.of(new Problem("NgayTiepNhan", QuarantineReason.BAD_DATE,
            "'44291.333333333336' is not a date yyyyMMddHHmmss (it looks like an Excel date"
                + " serial, 2021-04-05 08:00, in a cell not formatted as a date: format the"
                + " column as dates and export again)")),
        check(BASE.with("NgayTiepNhan", "44291.333333333336")).problems());
    // 32874 is 1990-01-01, the first plausible day; a smaller number gets no hint.
    assertEquals(List.of(new Problem("NgayTiepNhan", QuarantineReason.BAD_DATE,
            "'32873' is not a date yyyyMMddHHmmss")),
        check(BASE.with("NgayTiepNhan", "32873")).problems());
    assertEquals(List.of(new Problem("NgayTiepNhan", QuarantineReason.BAD_DATE,
            "'32874' is not a date yyyyMMddHHmmss (it looks like an Excel date serial,"
                + " 1990-01-01 00:00, in a cell not formatted as a date: format the column as"
                + " dates and export again)")),
        check(BASE.with("NgayTiepNhan", "32874")).problems());
  }

  @Test
  void firstAndLastSecondOfADayAreDates() {
    DossierRecord value = check(BASE
        .with("NgayTiepNhan", "20210405000000")
        .with("NgayHenTra", "20210419235959")).value();
    assertEquals(LocalDateTime.of(2021, 4, 5, 0, 0, 0), value.acceptedAt());
    assertEquals(LocalDateTime.of(2021, 4, 19, 23, 59, 59), value.dueAt());
  }

  @Test
  void february29OnlyInALeapYear() {
    assertEquals(LocalDateTime.of(2024, 2, 29, 17, 0),
        check(BASE.with("NgayHenTra", "20240229170000")).value().dueAt());
    assertEquals(List.of("NgayHenTra BAD_DATE"),
        reasons(check(BASE.with("NgayHenTra", "20230229170000"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20210405", "20210405240000", "2021-04-05 08:00:00", "x"})
  void dossierDatesAreFourteenDigitsOnly(String date) {
    assertEquals(List.of("NgayNopHoSo BAD_DATE"), reasons(check(BASE.with("NgayNopHoSo", date))));
  }

  @Test
  void everyDateFieldIsChecked() {
    Raw raw = BASE;
    for (String f : List.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy",
        "NgayTra", "NgayTuChoi")) {
      raw = raw.with(f, "bad");
    }
    assertEquals(List.of("NgayNopHoSo BAD_DATE", "NgayTiepNhan BAD_DATE", "NgayHenTra BAD_DATE",
        "NgayKetThucXuLy BAD_DATE", "NgayTra BAD_DATE", "NgayTuChoi BAD_DATE"), reasons(check(raw)));
  }

  @Test
  void statusIsRequired() {
    assertEquals(
        List.of(new Problem("TrangThaiHoSo", QuarantineReason.MISSING_FIELD,
            "TrangThaiHoSo is missing or empty")),
        check(BASE.with("TrangThaiHoSo", " ")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "11", "abc", "2.0", "-4"})
  void statusOutsideOneToTenIsUnknownCode(String status) {
    assertEquals(
        List.of(new Problem("TrangThaiHoSo", QuarantineReason.UNKNOWN_CODE,
            "'" + status + "' is not one of 1..10")),
        check(BASE.with("TrangThaiHoSo", status).with("NgayKetThucXuLy", "")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "3"})
  void notAcceptedOrRefusedDossiersAreValidRecords(String status) {
    Checked<DossierRecord> checked = check(BASE.with("TrangThaiHoSo", status)
        .with("NgayTiepNhan", "").with("NgayKetThucXuLy", "").with("NgayTra", ""));
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(Integer.parseInt(status), checked.value().status());
  }

  @Test
  void channelOutsideItsListIsUnknownCode() {
    assertEquals(
        List.of(new Problem("KenhThucHien", QuarantineReason.UNKNOWN_CODE,
            "'4' is not one of 1, 2, 3")),
        check(BASE.with("KenhThucHien", "4")).problems());
  }

  @Test
  void deliveryOutsideItsListIsUnknownCode() {
    assertEquals(List.of("HinhThuc UNKNOWN_CODE"), reasons(check(BASE.with("HinhThuc", "2"))));
  }

  @Test
  void resultTypeIsExactUpperCase() {
    assertEquals("XIN_RUT", check(BASE.with("LoaiKetQua", " XIN_RUT ")).value().resultType());
    assertEquals(
        List.of(new Problem("LoaiKetQua", QuarantineReason.UNKNOWN_CODE,
            "'tra_lai' is not one of TRA_LAI, XIN_RUT")),
        check(BASE.with("LoaiKetQua", "tra_lai")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "9", "10"})
  void endedStatusWithoutEndDate(String status) {
    assertEquals(
        List.of(new Problem("NgayKetThucXuLy", QuarantineReason.ENDED_WITHOUT_END_DATE,
            "ended (status " + status + ") but NgayKetThucXuLy is missing")),
        check(BASE.with("TrangThaiHoSo", status).with("NgayKetThucXuLy", "")).problems());
  }

  @Test
  void returnedToApplicantIsEndedWhateverTheStatus() {
    assertEquals(
        List.of(new Problem("NgayKetThucXuLy", QuarantineReason.ENDED_WITHOUT_END_DATE,
            "ended (LoaiKetQua TRA_LAI) but NgayKetThucXuLy is missing")),
        check(BASE.with("TrangThaiHoSo", "4").with("LoaiKetQua", "TRA_LAI")
            .without("NgayKetThucXuLy")).problems());
  }

  @Test
  void processingDossierNeedsNoEndDate() {
    Checked<DossierRecord> checked =
        check(BASE.with("TrangThaiHoSo", "4").with("NgayKetThucXuLy", "").with("NgayTra", ""));
    assertTrue(checked.isOk(), () -> checked.problems().toString());
  }

  @Test
  void aBadEndDateIsReportedOnceAsBadDate() {
    assertEquals(List.of("NgayKetThucXuLy BAD_DATE"),
        reasons(check(BASE.with("NgayKetThucXuLy", "20210416"))));
  }

  @Test
  void acceptedOneSecondAfterEnded() {
    assertEquals(
        List.of(new Problem("NgayTiepNhan", QuarantineReason.ACCEPTED_AFTER_ENDED,
            "'20210416100001' is after NgayKetThucXuLy '20210416100000'")),
        check(BASE.with("NgayTiepNhan", "20210416100001")).problems());
  }

  @Test
  void acceptedAndEndedAtTheSameSecondIsFine() {
    assertTrue(check(BASE.with("NgayTiepNhan", "20210416100000")).isOk());
  }

  @Test
  void allProblemsFieldsFirstInContractOrderThenBetweenFields() {
    Checked<DossierRecord> checked = check(BASE
        .without("MaHoSo")
        .with("NgayTiepNhan", "20210501080000")
        .with("NgayHenTra", "20210230080000")
        .with("TrangThaiHoSo", "99")
        .with("HinhThuc", "9"));
    assertEquals(List.of("MaHoSo MISSING_KEY", "NgayHenTra BAD_DATE",
        "TrangThaiHoSo UNKNOWN_CODE", "HinhThuc UNKNOWN_CODE",
        "NgayTiepNhan ACCEPTED_AFTER_ENDED"), reasons(checked));
    assertNull(checked.value());
  }

  // --- DanhSachHoSoBoSung

  @Test
  void twoSupplementsOneStillAwaited() {
    String list = "[{\"NgayBoSung\":\"20210407090000\",\"NgayTiepNhanBoSung\":\"20210409140000\","
        + "\"NgayHenTraTruoc\":\"20210419170000\",\"NgayHenTraMoi\":\"20210421170000\"},"
        + " {\"NgayBoSung\":\"20210414090000\",\"NgayTiepNhanBoSung\":\"\","
        + "\"NgayHenTraTruoc\":\"20210421170000\",\"LyDo\":\"thiếu bản vẽ\"}]";
    Checked<DossierRecord> checked = check(BASE.with("TrangThaiHoSo", "5")
        .with("NgayKetThucXuLy", "").with("NgayTra", "").with("DanhSachHoSoBoSung", list));
    assertTrue(checked.isOk(), () -> checked.problems().toString());
    assertEquals(List.of(
        new SupplementRecord(1, LocalDateTime.of(2021, 4, 7, 9, 0),
            LocalDateTime.of(2021, 4, 9, 14, 0), LocalDateTime.of(2021, 4, 19, 17, 0),
            LocalDateTime.of(2021, 4, 21, 17, 0)),
        new SupplementRecord(2, LocalDateTime.of(2021, 4, 14, 9, 0), null,
            LocalDateTime.of(2021, 4, 21, 17, 0), null)),
        checked.value().supplements());
  }

  @Test
  void supplementsKeepTheirGivenOrder() {
    String list = "[{\"NgayBoSung\":\"20210414090000\"},{\"NgayBoSung\":\"20210407090000\"}]";
    List<SupplementRecord> supplements =
        check(BASE.with("DanhSachHoSoBoSung", list)).value().supplements();
    assertEquals(List.of(
        new SupplementRecord(1, LocalDateTime.of(2021, 4, 14, 9, 0), null, null, null),
        new SupplementRecord(2, LocalDateTime.of(2021, 4, 7, 9, 0), null, null, null)),
        supplements);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "[]", " [ ] ", "null"})
  void noSupplementsIsAnEmptyList(String list) {
    assertEquals(List.of(), check(BASE.with("DanhSachHoSoBoSung", list)).value().supplements());
  }

  @Test
  void supplementWithoutRequestDate() {
    assertEquals(
        List.of(new Problem("DanhSachHoSoBoSung[1].NgayBoSung",
            QuarantineReason.BAD_SUPPLEMENT_LIST, "NgayBoSung is missing or empty")),
        check(BASE.with("DanhSachHoSoBoSung", "[{}]")).problems());
    assertEquals(List.of("DanhSachHoSoBoSung[1].NgayBoSung BAD_SUPPLEMENT_LIST"),
        reasons(check(BASE.with("DanhSachHoSoBoSung", "[{\"NgayBoSung\":\" \"}]"))));
  }

  @Test
  void supplementListThatIsAnObject() {
    assertEquals(
        List.of(new Problem("DanhSachHoSoBoSung", QuarantineReason.BAD_SUPPLEMENT_LIST,
            "'{}' is not a JSON array")),
        check(BASE.with("DanhSachHoSoBoSung", "{}")).problems());
  }

  @Test
  void supplementListThatIsNotJson() {
    assertEquals(
        List.of(new Problem("DanhSachHoSoBoSung", QuarantineReason.BAD_SUPPLEMENT_LIST,
            "'not json' is not JSON")),
        check(BASE.with("DanhSachHoSoBoSung", "not json")).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[{\"NgayBoSung\":\"20210407090000\"}] trailing",
      "[{\"NgayBoSung\":\"20210407090000\",\"NgayBoSung\":\"20210408090000\"}]",
      "[{\"NgayBoSung\":\"20210407090000\"}"})
  void supplementListThatIsNotStrictJson(String list) {
    assertEquals(List.of("DanhSachHoSoBoSung BAD_SUPPLEMENT_LIST"),
        reasons(check(BASE.with("DanhSachHoSoBoSung", list))));
  }

  @Test
  void supplementElementThatIsNotAnObject() {
    assertEquals(List.of("DanhSachHoSoBoSung[2] BAD_SUPPLEMENT_LIST"),
        reasons(check(BASE.with("DanhSachHoSoBoSung", "[{\"NgayBoSung\":\"20210407090000\"}, 3]"))));
  }

  @Test
  void supplementBadDateNamesTheElementAndMember() {
    String list = "[{\"NgayBoSung\":\"20210407090000\"},"
        + "{\"NgayBoSung\":\"20210230090000\",\"NgayHenTraMoi\":true}]";
    assertEquals(List.of(
        new Problem("DanhSachHoSoBoSung[2].NgayBoSung", QuarantineReason.BAD_DATE,
            "'20210230090000' is not a date yyyyMMddHHmmss"),
        new Problem("DanhSachHoSoBoSung[2].NgayHenTraMoi", QuarantineReason.BAD_DATE,
            "'true' is not a date yyyyMMddHHmmss")),
        check(BASE.with("DanhSachHoSoBoSung", list)).problems());
  }

  @Test
  void supplementDatesMayBeJsonNumbersOrNull() {
    String list = "[{\"NgayBoSung\":20210407090000,\"NgayTiepNhanBoSung\":null}]";
    assertEquals(
        List.of(new SupplementRecord(1, LocalDateTime.of(2021, 4, 7, 9, 0), null, null, null)),
        check(BASE.with("DanhSachHoSoBoSung", list)).value().supplements());
  }

  @Test
  void supplementReceivedBeforeItWasRequested() {
    String list = "[{\"NgayBoSung\":\"20210407090000\",\"NgayTiepNhanBoSung\":\"20210407085959\"}]";
    assertEquals(
        List.of(new Problem("DanhSachHoSoBoSung[1].NgayTiepNhanBoSung",
            QuarantineReason.BAD_SUPPLEMENT_LIST,
            "'20210407085959' is before NgayBoSung '20210407090000'")),
        check(BASE.with("DanhSachHoSoBoSung", list)).problems());
  }

  @Test
  void supplementReceivedTheSecondItWasRequestedIsFine() {
    String list = "[{\"NgayBoSung\":\"20210407090000\",\"NgayTiepNhanBoSung\":\"20210407090000\"}]";
    assertTrue(check(BASE.with("DanhSachHoSoBoSung", list)).isOk());
  }

  @Test
  void aLongBadValueIsCutInTheDetail() {
    String list = "{\"NgayBoSung\":\"20210407090000\",\n \"NgayTiepNhanBoSung\":\"20210409140000\"}";
    assertEquals(
        List.of(new Problem("DanhSachHoSoBoSung", QuarantineReason.BAD_SUPPLEMENT_LIST,
            "'{\"NgayBoSung\":\"20210407090000\",\\n \"NgayTi...' is not a JSON array")),
        check(BASE.with("DanhSachHoSoBoSung", list)).problems());
  }

  @Test
  void independentOfDefaultLocaleAndTimeZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      // Thai digits for formatted numbers, and a zone far from Vietnam's.
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertEquals(BASE_RECORD, check(BASE).value());
      assertEquals(
          List.of(new Problem("NgayKetThucXuLy", QuarantineReason.ENDED_WITHOUT_END_DATE,
              "ended (status 10) but NgayKetThucXuLy is missing")),
          check(BASE.with("NgayKetThucXuLy", "")).problems());
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }
}
