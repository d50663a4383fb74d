package vn.bantin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.UserError;
import vn.bantin.gold.Trends;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * What {@link YearOverYearQuery} selects from gold.trends rows (given inline, no warehouse):
 * the year's months, the year to date at the last month with data beside the same months a
 * year earlier, a department absent a year earlier, and the user errors.
 */
class YearOverYearQueryTest {
  private static final String P = "000.00.54.H54";
  private final List<Map<String, Object>> trends = new ArrayList<>();

  private final TableRows tables = new TableRows() {
    @Override
    public boolean exists(Table table) {
      return table == Table.GOLD_TRENDS;
    }

    @Override
    public List<Map<String, Object>> rows(Table table, Map<String, Object> equals) {
      return trends.stream().filter(r -> equals.entrySet().stream()
          .allMatch(e -> e.getValue().equals(r.get(e.getKey())))).toList();
    }
  };

  private void row(String unitKind, String unit, String month, String measure, String value,
      String yearAgo, String ytd) {
    Map<String, Object> r = new HashMap<>();
    r.put("publisher_code", P);
    r.put(Trends.UNIT_KIND, unitKind);
    r.put("unit_code", unit);
    r.put(Trends.MONTH, LocalDate.parse(month + "-01"));
    r.put(Trends.MEASURE, measure);
    r.put("value", dec(value));
    r.put("year_ago", dec(yearAgo));
    r.put("ytd", dec(ytd));
    trends.add(r);
  }

  private static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private YearOverYear query(int year) {
    return new YearOverYearQuery(tables, new Warehouse("/wh")).query(P, year);
  }

  /** The publisher from 2020-01 to 2021-03: the year 2021 has three months. */
  private void publisherMonths() {
    for (int m = 1; m <= 12; m++) {
      String month = String.format("2020-%02d", m);
      row("publisher", null, month, "received_new", "10", null, String.valueOf(10 * m));
      row("publisher", null, month, Trends.ON_TIME_RATE, "80", null, "80");
    }
    for (int m = 1; m <= 3; m++) {
      String month = String.format("2021-%02d", m);
      row("publisher", null, month, "received_new", "20", "10", String.valueOf(20 * m));
      row("publisher", null, month, Trends.ON_TIME_RATE, "90", "80", "90");
    }
  }

  @Test
  void theYearToDateIsComparedWithTheSameMonthsAYearEarlier() {
    publisherMonths();
    YearOverYear y = query(2021);
    assertEquals(3, y.lastMonth());
    YearOverYear.Series received = y.measures().get("received_new");
    assertEquals(new BigDecimal("60"), received.ytd());
    assertEquals(new BigDecimal("30"), received.ytdYearAgo()); // 2020-03's ytd, not December's
    assertEquals(new BigDecimal("20"), received.months().get(2));
    assertNull(received.months().get(3));
    // After the last month the year-ago line goes on, from the year before's own rows.
    assertEquals(new BigDecimal("10"), received.yearAgo().get(11));
  }

  @Test
  void aYearBeforeThatStartsLateGivesNoYearToDateComparison() {
    publisherMonths();
    trends.removeIf(r -> r.get(Trends.MONTH).equals(LocalDate.of(2020, 1, 1)));
    YearOverYear.Series received = query(2021).measures().get("received_new");
    assertEquals(new BigDecimal("60"), received.ytd());
    assertNull(received.ytdYearAgo());
  }

  @Test
  void aDepartmentWithoutRowsAYearEarlierHasNoYearAgo() {
    publisherMonths();
    row("department", "D1", "2020-02", Trends.ON_TIME_RATE, "50", null, "50");
    row("department", "D1", "2020-02", "received_new", "4", null, "4");
    row("department", "D1", "2021-01", Trends.ON_TIME_RATE, "75", null, "75");
    row("department", "D1", "2021-01", "received_new", "8", null, "8");
    row("department", "D2", "2021-02", Trends.ON_TIME_RATE, "100", null, "100");
    row("department", "D2", "2021-02", "received_new", "3", null, "3");
    List<YearOverYear.UnitYear> d = query(2021).departments();
    assertEquals(2, d.size());
    // D1's latest rows up to March: 2021-01 this year, 2020-02 a year earlier.
    assertEquals(new YearOverYear.UnitYear("D1", new BigDecimal("8"), null, new BigDecimal("75"),
        new BigDecimal("4"), new BigDecimal("50"), true, null), d.get(0));
    assertFalse(d.get(1).hasYearAgo());
    assertNull(d.get(1).onTimeRateYearAgo());
  }

  @Test
  void aPublisherOrYearWithoutDataIsAUserError() {
    publisherMonths();
    UserError e = assertThrows(UserError.class,
        () -> new YearOverYearQuery(tables, new Warehouse("/wh")).query("X", 2021));
    assertEquals("Cannot build the report: publisher X has no data in /wh (publishers with"
        + " data: " + P + ")", e.getMessage());
    e = assertThrows(UserError.class, () -> query(2019));
    assertEquals("Cannot build the report: publisher " + P + " has no data in 2019 (its months:"
        + " 2020-01..2021-03)", e.getMessage());
    assertTrue(query(2020).measures().get("received_new").ytdYearAgo() == null);
  }

  @Test
  void aDepartmentActiveInTheLastMonthTakesTheYearAgoOfGoldTrendsWithItsPredecessors() {
    publisherMonths();
    // D16 exists since 2020-03 only through its predecessors; gold.trends' March 2021 row
    // holds the year to date a year earlier with them.
    for (String[] r : new String[][] {{Trends.ON_TIME_RATE, "90", "85.5"},
        {"received_new", "12", "33"}}) {
      Map<String, Object> row = new HashMap<>();
      row.put("publisher_code", P);
      row.put(Trends.UNIT_KIND, "department");
      row.put("unit_code", "D16");
      row.put(Trends.MONTH, LocalDate.of(2021, 3, 1));
      row.put(Trends.MEASURE, r[0]);
      row.put("value", dec(r[1]));
      row.put("ytd", dec(r[1]));
      row.put("ytd_year_ago", dec(r[2]));
      row.put(Trends.PREDECESSORS, "D6,D9");
      trends.add(row);
    }
    YearOverYear.UnitYear d16 = query(2021).departments().get(0);
    assertEquals(new YearOverYear.UnitYear("D16", new BigDecimal("12"), null,
        new BigDecimal("90"), new BigDecimal("33"), new BigDecimal("85.5"), true, "D6,D9"), d16);
  }
}
