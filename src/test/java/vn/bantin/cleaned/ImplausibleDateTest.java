package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.cleaned.Raw.reasons;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dates that parse but cannot be true are quarantined on their own reason, so that no single
 * record can stretch the months of a bulletin: a "no date" placeholder before 1990, an event
 * after the extract holding it was taken, a due date more than a year after it.
 */
class ImplausibleDateTest {
  /** The extract of DossierCheckTest's record: taken on the 1st of May 2021. */
  private static final LocalDate EXTRACT = LocalDate.of(2021, 5, 1);

  private static List<String> reasonsOf(Raw raw) {
    return reasons(DossierCheck.check(raw.map(), EXTRACT));
  }

  @Test
  void theBaseRecordIsPlausible() {
    assertTrue(DossierCheck.check(DossierCheckTest.BASE.map(), EXTRACT).isOk());
  }

  @Test
  void aPlaceholderDateInYearOneIsQuarantined() {
    assertEquals(List.of("NgayTiepNhan IMPLAUSIBLE_DATE"),
        reasonsOf(DossierCheckTest.BASE.with("NgayTiepNhan", "00010101000000")));
    assertEquals(List.of("NgayNopHoSo IMPLAUSIBLE_DATE"),
        reasonsOf(DossierCheckTest.BASE.with("NgayNopHoSo", "19891231235959")));
    assertTrue(DossierCheck.check(DossierCheckTest.BASE.with("NgayNopHoSo", "19900101000000")
        .with("NgayTiepNhan", "19900101000000").map(), EXTRACT).isOk());
  }

  @Test
  void anEventAfterTheExtractDateIsQuarantinedButNotOnItsOwnDay() {
    assertEquals(List.of("NgayTra IMPLAUSIBLE_DATE"),
        reasonsOf(DossierCheckTest.BASE.with("NgayTra", "20210502000000")));
    assertTrue(DossierCheck.check(DossierCheckTest.BASE.with("NgayTra", "20210501235959").map(),
        EXTRACT).isOk());
  }

  @Test
  void aDueDateMayLieAheadButNotMoreThanAYear() {
    assertTrue(DossierCheck.check(DossierCheckTest.BASE.with("NgayHenTra", "20220501170000")
        .map(), EXTRACT).isOk());
    assertEquals(List.of("NgayHenTra IMPLAUSIBLE_DATE"),
        reasonsOf(DossierCheckTest.BASE.with("NgayHenTra", "99991231000000")));
  }

  @Test
  void supplementDatesAreBoundedToo() {
    String list = "[{\"NgayBoSung\":\"20210406080000\",\"NgayTiepNhanBoSung\":\"20210610080000\"}]";
    assertEquals(List.of("DanhSachHoSoBoSung[1].NgayTiepNhanBoSung IMPLAUSIBLE_DATE"),
        reasonsOf(DossierCheckTest.BASE.with("DanhSachHoSoBoSung", list)));
  }

  @Test
  void aBallotFromAfterItsExtractIsQuarantined() {
    Raw ballot = Raw.of("MaPhieu", "P1", "NgayDanhGia", "20210502090000", "MaNoiTiepNhan", "X",
        "ThaiDo", "1", "HaiLong", "1");
    assertEquals(List.of("NgayDanhGia IMPLAUSIBLE_DATE"),
        reasons(BallotCheck.check(ballot.map(), EXTRACT)));
  }
}
