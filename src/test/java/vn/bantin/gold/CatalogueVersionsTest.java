package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;
import vn.bantin.cleaned.ProcedureShape;

/** The catalogue version a dossier takes, on tiny inline catalogues: every edge of the pick. */
class CatalogueVersionsTest {

  /** A catalogue row: code, online level, 5 tại chỗ, department, valid from, valid to. */
  private static Row version(String code, String level, Boolean five, String department,
      String from, String to) {
    return RowFactory.create(code, "name", "sector", "sector name", department, level, five,
        from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  private static CatalogueVersions catalogue(Row... rows) {
    return CatalogueVersions.of(SparkTestSession.get().createDataFrame(List.of(rows),
        ProcedureShape.SCHEMA));
  }

  private static final LocalDate APRIL_15 = LocalDate.of(2021, 4, 15);

  @Test
  void theLatestVersionToStartOfThoseValidOnTheDayIsTaken() {
    CatalogueVersions c = catalogue(
        version("1.000001", "2", false, "A", "2020-01-01", null),
        version("1.000001", "4", true, "B", "2021-04-15", "2021-04-30"),
        version("1.000001", "3", false, "C", "2021-05-01", null));
    assertEquals("B", c.validOn("1.000001", APRIL_15).departmentCode(), "starts that day");
    assertEquals("A", c.validOn("1.000001", APRIL_15.minusDays(1)).departmentCode());
    assertEquals("B", c.validOn("1.000001", LocalDate.of(2021, 4, 30)).departmentCode(),
        "ends that day");
    assertEquals("C", c.validOn("1.000001", LocalDate.of(2021, 5, 1)).departmentCode());
    assertNull(c.validOn("1.000001", LocalDate.of(2019, 12, 31)), "before every version");
    assertNull(c.validOn("9.999999", APRIL_15), "no such procedure");
    assertNull(c.validOn(null, APRIL_15), "no procedure code");
  }

  @Test
  void anOpenStartCountsAsTheEarliestAndTiesGoToTheFirstCode() {
    CatalogueVersions c = catalogue(
        version("1.000002", "3", false, "OPEN", null, null),
        version("1.000002", "3", false, "DATED", "2021-01-01", null),
        // A local form of 1.000003 and the code itself, starting on the same day.
        version("1.000003.000.00.00.H54", "3", false, "LOCAL", "2021-01-01", null),
        version("1.000003", "3", false, "PLAIN", "2021-01-01", null),
        // Two open starts of one key (versions are unique by code and start).
        version("1.000004.000.00.00.H54", "3", false, "SECOND OPEN", null, null),
        version("1.000004", "3", false, "FIRST OPEN", null, "2021-12-31"));
    assertEquals("DATED", c.validOn("1.000002", APRIL_15).departmentCode());
    assertEquals("OPEN", c.validOn("1.000002", LocalDate.of(2020, 6, 1)).departmentCode());
    assertEquals("PLAIN", c.validOn("1.000003", APRIL_15).departmentCode());
    assertEquals("FIRST OPEN", c.validOn("1.000004", APRIL_15).departmentCode());
    assertEquals("SECOND OPEN", c.validOn("1.000004", LocalDate.of(2022, 1, 1))
        .departmentCode());
  }

  @Test
  void aCodeWithoutTheCatalogueFormIsLookedUpUnderTheEmptyKey() {
    CatalogueVersions c = catalogue(version("LOCAL-7", "4", true, "L", null, null));
    assertEquals("L", c.validOn("", APRIL_15).departmentCode());
  }

  @Test
  void onlineLevelThreeOrFourAndFiveOnSpotAreReadAsTheCatalogueWritesThem() {
    for (String level : List.of("3", "4", "MOT_PHAN", "TOAN_TRINH")) {
      assertTrue(new CatalogueVersions.Version(null, null, level, null, null, null)
          .isOnlineL34(), level);
    }
    for (String level : new String[] {"1", "2", "mot_phan", null}) {
      assertFalse(new CatalogueVersions.Version(null, null, level, null, null, null)
          .isOnlineL34(), String.valueOf(level));
    }
    assertTrue(new CatalogueVersions.Version(null, null, null, true, null, null).isFiveOnSpot());
    assertFalse(new CatalogueVersions.Version(null, null, null, null, null, null)
        .isFiveOnSpot());
  }
}
