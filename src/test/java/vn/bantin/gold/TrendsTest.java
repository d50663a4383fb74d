package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;
import vn.bantin.metrics.Figure;

/**
 * The trend arithmetic of {@link Trends} on tiny inline gold monthly rows: year boundaries,
 * absent months, a unit that appears mid-year, zero bases, rolling windows, and rates over a
 * window recomputed from their counts (never averaged).
 */
class TrendsTest {
  private static final String P = "000.00.54.H54";
  private final SparkSession spark = SparkTestSession.get();

  /** Rows shaped like a gold period table: keys, period columns and every figure (0 unless set). */
  private final class Months {
    private final boolean unit;
    private final List<Row> rows = new ArrayList<>();

    Months(boolean unit) {
      this.unit = unit;
    }

    StructType schema() {
      StructType s = new StructType().add("publisher_code", DataTypes.StringType, false);
      if (unit) {
        s = s.add("unit_code", DataTypes.StringType, true);
      }
      s = s.add("period", DataTypes.StringType, false)
          .add("period_kind", DataTypes.StringType, false)
          .add("period_start", DataTypes.DateType, false);
      for (Figure f : Figure.values()) {
        if (!unit || !f.isSurvey()) {
          s = s.add(f.key(), DataTypes.LongType, false);
        }
      }
      return s;
    }

    /** A row of kind {@code kind} starting in {@code yyyyMM}, with figures given as key, value. */
    Months row(String unitCode, String kind, String yyyyMM, Object... figures) {
      Map<String, Long> set = new HashMap<>();
      for (int i = 0; i < figures.length; i += 2) {
        set.put(((Figure) figures[i]).key(), ((Number) figures[i + 1]).longValue());
      }
      List<Object> values = new ArrayList<>();
      values.add(P);
      if (unit) {
        values.add(unitCode);
      }
      values.add(yyyyMM);
      values.add(kind);
      values.add(Date.valueOf(YearMonth.parse(yyyyMM).atDay(1)));
      for (Figure f : Figure.values()) {
        if (!unit || !f.isSurvey()) {
          values.add(set.getOrDefault(f.key(), 0L));
          set.remove(f.key());
        }
      }
      assertTrue(set.isEmpty(), "unknown figures " + set);
      rows.add(RowFactory.create(values.toArray()));
      return this;
    }

    Months month(String unitCode, String yyyyMM, Object... figures) {
      return row(unitCode, "month", yyyyMM, figures);
    }

    Dataset<Row> dataset() {
      return spark.createDataFrame(rows, schema());
    }
  }

  private Months publisher() {
    return new Months(false);
  }

  private Months units() {
    return new Months(true);
  }

  /** The publisher has a row in every month from {@code from} to {@code to} (as gold does). */
  private static Months everyMonth(Months m, String from, String to) {
    for (YearMonth ym = YearMonth.parse(from); !ym.isAfter(YearMonth.parse(to));
        ym = ym.plusMonths(1)) {
      m.month(null, ym.toString(), Figure.RECEIVED_NEW, 1);
    }
    return m;
  }

  /** A DATE value, whichever Java type the session returns it as. */
  private static LocalDate localDate(Object d) {
    return d instanceof Date sql ? sql.toLocalDate() : (LocalDate) d;
  }

  /** The trend rows by "kind|unit|yyyy-MM|measure". */
  private static Map<String, Row> byKey(Dataset<Row> trends) {
    assertEquals(GoldSchemas.trends().simpleString(), trends.schema().simpleString());
    Map<String, Row> out = new HashMap<>();
    for (Row r : trends.collectAsList()) {
      String key = r.getAs("unit_kind") + "|" + r.getAs("unit_code") + "|"
          + YearMonth.from(localDate(r.getAs("month"))) + "|" + r.getAs("measure");
      assertNull(out.put(key, r), "one row per key: " + key);
    }
    return out;
  }

  private static Row row(Map<String, Row> t, String kind, String unit, String month,
      String measure) {
    Row r = t.get(kind + "|" + unit + "|" + month + "|" + measure);
    assertNotNull(r, "no row " + kind + "|" + unit + "|" + month + "|" + measure);
    return r;
  }

  /** A decimal column equals {@code expected} (null for null), compared by value. */
  private static void is(String expected, Row r, String column) {
    BigDecimal v = r.getAs(column);
    if (expected == null) {
      assertNull(v, column + " of " + r);
    } else {
      assertNotNull(v, column + " of " + r);
      assertEquals(0, new BigDecimal(expected).compareTo(v),
          column + ": expected " + expected + ", was " + v + " in " + r);
    }
  }

  private static final String RECEIVED = Figure.RECEIVED_NEW.key();

  @Test
  void januaryComparesWithTheJanuaryBeforeAndTheYearToDateStartsAgain() {
    Months p = publisher();
    for (int m = 1; m <= 12; m++) {
      p.month(null, String.format("2021-%02d", m), Figure.RECEIVED_NEW, 10 * m,
          Figure.PENDING_OVERDUE, m);
    }
    p.month(null, "2022-01", Figure.RECEIVED_NEW, 30, Figure.PENDING_OVERDUE, 4);
    // Rows of other periods are not months and are left out.
    p.row(null, "quarter", "2021-01", Figure.RECEIVED_NEW, 60);
    p.row(null, "year", "2021-01", Figure.RECEIVED_NEW, 780);
    Map<String, Row> t = byKey(Trends.of(p.dataset(), units().dataset(), units().dataset()));

    Row jan22 = row(t, "publisher", "null", "2022-01", RECEIVED);
    assertEquals("flow", jan22.getAs("measure_kind"));
    is("30", jan22, "value");
    is("120", jan22, "previous_month");
    is("10", jan22, "year_ago");
    is("20", jan22, "yoy_change");
    is("2", jan22, "yoy_change_relative");
    is("30", jan22, "ytd");
    // February 2021 … January 2022.
    is("800", jan22, "rolling_12m");

    Row dec21 = row(t, "publisher", "null", "2021-12", RECEIVED);
    is("780", dec21, "ytd");
    is("780", dec21, "rolling_12m");
    is("110", dec21, "previous_month");
    is(null, dec21, "year_ago");
    // November 2021's twelve months reach before the publisher's first month.
    is(null, row(t, "publisher", "null", "2021-11", RECEIVED), "rolling_12m");

    Row jan21 = row(t, "publisher", "null", "2021-01", RECEIVED);
    is("10", jan21, "value");
    is(null, jan21, "previous_month");
    is(null, jan21, "year_ago");
    is(null, jan21, "yoy_change");
    is(null, jan21, "yoy_change_relative");
    is("10", jan21, "ytd");

    // A stock over a window is the stock at the window's end.
    Row overdue = row(t, "publisher", "null", "2022-01", Figure.PENDING_OVERDUE.key());
    assertEquals("stock", overdue.getAs("measure_kind"));
    is("4", overdue, "value");
    is("12", overdue, "previous_month");
    is("1", overdue, "year_ago");
    is("3", overdue, "yoy_change");
    is("3", overdue, "yoy_change_relative");
    is("4", overdue, "ytd");
    is("4", overdue, "rolling_12m");
    is(null, row(t, "publisher", "null", "2021-06", Figure.PENDING_OVERDUE.key()), "rolling_12m");
  }

  @Test
  void aMonthWithoutARowGivesNullNeverZero() {
    Months p = everyMonth(publisher(), "2021-01", "2022-03");
    Months d = units()
        .month("D1", "2021-01", Figure.RECEIVED_NEW, 5, Figure.RESOLVED, 2,
            Figure.RESOLVED_ON_TIME, 2)
        .month("D1", "2021-03", Figure.RECEIVED_NEW, 7)
        .month("D1", "2022-01", Figure.RECEIVED_NEW, 4, Figure.RESOLVED, 4,
            Figure.RESOLVED_EARLY, 1, Figure.RESOLVED_LATE, 3)
        .month("D1", "2022-03", Figure.RECEIVED_NEW, 7)
        // Another department absent in March 2021, present in March 2022.
        .month("D9", "2022-03", Figure.RECEIVED_NEW, 2);
    Map<String, Row> t = byKey(Trends.of(p.dataset(), d.dataset(), units().dataset()));

    assertFalse(t.containsKey("department|D1|2021-02|" + RECEIVED), "no row for an absent month");
    Row mar21 = row(t, "department", "D1", "2021-03", RECEIVED);
    is("7", mar21, "value");
    is(null, mar21, "previous_month");
    is(null, mar21, "year_ago");
    is(null, mar21, "yoy_change");
    is("12", mar21, "ytd");

    Row jan22 = row(t, "department", "D1", "2022-01", RECEIVED);
    is(null, jan22, "previous_month");
    is("5", jan22, "year_ago");
    is("-1", jan22, "yoy_change");
    is("-0.2", jan22, "yoy_change_relative");
    is("4", jan22, "ytd");

    Row mar22 = row(t, "department", "D1", "2022-03", RECEIVED);
    is(null, mar22, "previous_month");
    is("7", mar22, "year_ago");
    is("0", mar22, "yoy_change");
    is("0", mar22, "yoy_change_relative");
    is("11", mar22, "ytd");
    // April 2021 … March 2022: the months without a row had no activity.
    is("11", mar22, "rolling_12m");

    Row rate = row(t, "department", "D1", "2022-01", "on_time_rate");
    is("25", rate, "value");
    is(null, rate, "previous_month");
    is("100", rate, "year_ago");
    is("-75", rate, "yoy_change");
    is("-0.75", rate, "yoy_change_relative");

    Row d9 = row(t, "department", "D9", "2022-03", RECEIVED);
    is("2", d9, "value");
    is(null, d9, "year_ago");
    is(null, d9, "yoy_change");
    is(null, d9, "yoy_change_relative");
    is(null, d9, "previous_month");
  }

  @Test
  void aDepartmentThatAppearsMidYear() {
    Months p = everyMonth(publisher(), "2021-01", "2022-07");
    Months d = units();
    for (YearMonth ym = YearMonth.of(2021, 7); !ym.isAfter(YearMonth.of(2022, 7));
        ym = ym.plusMonths(1)) {
      d.month("D2", ym.toString(), Figure.RECEIVED_NEW, 3);
    }
    Months s = units().month("S1", "2021-07", Figure.RECEIVED_NEW, 3);
    Map<String, Row> t = byKey(Trends.of(p.dataset(), d.dataset(), s.dataset()));

    assertFalse(t.containsKey("department|D2|2021-06|" + RECEIVED));
    Row jul21 = row(t, "department", "D2", "2021-07", RECEIVED);
    is(null, jul21, "previous_month");
    is(null, jul21, "year_ago");
    is("3", jul21, "ytd");
    is(null, jul21, "rolling_12m");
    is("9", row(t, "department", "D2", "2021-09", RECEIVED), "ytd");

    Row mar22 = row(t, "department", "D2", "2022-03", RECEIVED);
    is("3", mar22, "previous_month");
    is(null, mar22, "year_ago");
    is(null, mar22, "yoy_change");
    is(null, mar22, "yoy_change_relative");
    is("9", mar22, "ytd");
    // April 2021 … March 2022 lies in the publisher's data: D2's nine months.
    is("27", mar22, "rolling_12m");

    Row jul22 = row(t, "department", "D2", "2022-07", RECEIVED);
    is("3", jul22, "year_ago");
    is("0", jul22, "yoy_change");
    is("0", jul22, "yoy_change_relative");
    is("21", jul22, "ytd");
    is("36", jul22, "rolling_12m");

    // Sectors are their own unit kind; survey lines exist for the publisher only.
    is("3", row(t, "sector", "S1", "2021-07", RECEIVED), "value");
    assertTrue(t.keySet().stream().noneMatch(k -> !k.startsWith("publisher|")
        && (k.contains("satisfaction_") || k.endsWith("survey_ballots"))), "survey on a unit");
    assertTrue(t.containsKey("publisher|null|2021-07|satisfaction_overall_4"));
  }

  @Test
  void aZeroBaseGivesAChangeButNoRelativeChange() {
    Months p = publisher()
        .month(null, "2021-02", Figure.RETURNED, 2)
        .month(null, "2021-03", Figure.RECEIVED_NEW, 0, Figure.RETURNED, 2)
        .month(null, "2021-04", Figure.RECEIVED_NEW, 6, Figure.RESOLVED, 3,
            Figure.RESOLVED_ON_TIME, 3);
    for (YearMonth ym = YearMonth.of(2021, 5); ym.isBefore(YearMonth.of(2022, 3));
        ym = ym.plusMonths(1)) {
      p.month(null, ym.toString(), Figure.RECEIVED_NEW, 1);
    }
    p.month(null, "2022-03", Figure.RECEIVED_NEW, 5, Figure.RESOLVED, 4,
            Figure.RESOLVED_ON_TIME, 2, Figure.RESOLVED_LATE, 2)
        .month(null, "2022-04", Figure.RECEIVED_NEW, 0, Figure.RESOLVED, 0);
    Map<String, Row> t = byKey(Trends.of(p.dataset(), units().dataset(), units().dataset()));

    Row received = row(t, "publisher", "null", "2022-03", RECEIVED);
    is("0", received, "year_ago");
    is("5", received, "yoy_change");
    is(null, received, "yoy_change_relative");

    // A zero value against a non-zero base: −100 %.
    Row returned = row(t, "publisher", "null", "2022-03", Figure.RETURNED.key());
    is("2", returned, "year_ago");
    is("-2", returned, "yoy_change");
    is("-1", returned, "yoy_change_relative");

    // A rate of nothing resolved is no rate: null, and so is every change from it.
    Row onTime = row(t, "publisher", "null", "2022-03", "on_time_rate");
    assertEquals("rate", onTime.getAs("measure_kind"));
    is("50", onTime, "value");
    is(null, onTime, "year_ago");
    is(null, onTime, "yoy_change");
    is(null, onTime, "yoy_change_relative");
    is(null, onTime, "previous_month");
    Row none = row(t, "publisher", "null", "2022-04", "on_time_rate");
    is(null, none, "value");
    is("100", none, "year_ago");
    is(null, none, "yoy_change");
    is(null, none, "yoy_change_relative");
    // The window's counts still give a rate: (0 + 2) / (0 + 4).
    is("50", none, "ytd");
    // May 2021 … April 2022: 2 of 4.
    is("50", none, "rolling_12m");

    Row zeroValue = row(t, "publisher", "null", "2022-04", RECEIVED);
    is("6", zeroValue, "year_ago");
    is("-6", zeroValue, "yoy_change");
    is("-1", zeroValue, "yoy_change_relative");
  }

  @Test
  void aRateOverAWindowIsTheRatioOfTheWindowsCountsNotTheMeanOfTheMonthsRates() {
    Months p = publisher()
        // 1 of 1 on time (100 %), online 3 of 3, 1 of 3 ballots "very satisfied".
        .month(null, "2021-01", Figure.RESOLVED, 1, Figure.RESOLVED_ON_TIME, 1,
            Figure.ONLINE_L34_RESOLVED, 3, Figure.ONLINE_L34_RECEIVED_ONLINE, 3,
            Figure.POSTAL, 1, Figure.SURVEY_BALLOTS, 3, Figure.SURVEY_OVERALL_1, 1,
            Figure.SURVEY_OVERALL_2, 2)
        // 0 of 9 on time (0 %), online 0 of 1, 1 of 1 ballot.
        .month(null, "2021-02", Figure.RESOLVED, 9, Figure.RESOLVED_LATE, 9,
            Figure.ONLINE_L34_RESOLVED, 1, Figure.SURVEY_BALLOTS, 1, Figure.SURVEY_OVERALL_1, 1);
    for (int m = 3; m <= 12; m++) {
      p.month(null, String.format("2021-%02d", m), Figure.RECEIVED_NEW, 1);
    }
    // Another year: 2 of 3 on time.
    p.month(null, "2022-01", Figure.RESOLVED, 3, Figure.RESOLVED_EARLY, 1,
        Figure.RESOLVED_ON_TIME, 1, Figure.RESOLVED_LATE, 1);
    Map<String, Row> t = byKey(Trends.of(p.dataset(), units().dataset(), units().dataset()));

    Row jan = row(t, "publisher", "null", "2021-01", "on_time_rate");
    is("100", jan, "value");
    Row feb = row(t, "publisher", "null", "2021-02", "on_time_rate");
    is("0", feb, "value");
    is("100", feb, "previous_month");
    // (1 + 0) / (1 + 9) = 10 %, where the mean of 100 % and 0 % would be 50 %.
    is("10", feb, "ytd");
    Row dec = row(t, "publisher", "null", "2021-12", "on_time_rate");
    is(null, dec, "value");
    is("10", dec, "ytd");
    is("10", dec, "rolling_12m");
    // February 2021 … January 2022: (0 + 2) / (9 + 3) = 16.666667 %, not (0 + 66.67) / 2.
    Row jan22 = row(t, "publisher", "null", "2022-01", "on_time_rate");
    is("66.666667", jan22, "value");
    is("66.666667", jan22, "ytd");
    is("16.666667", jan22, "rolling_12m");
    is("-33.333333", jan22, "yoy_change");

    // Online: 3 of 4 = 75 %, not the mean of 100 % and 0 %.
    is("75", row(t, "publisher", "null", "2021-02", "online_share"), "ytd");
    // Postal: 1 of 10 resolved.
    is("10", row(t, "publisher", "null", "2021-02", "postal_share"), "ytd");
    // Very satisfied: 2 of 4 ballots = 50 %, not the mean of 33.33 % and 100 %.
    Row overall1 = row(t, "publisher", "null", "2021-02", "satisfaction_overall_1");
    is("100", overall1, "value");
    is("33.333333", overall1, "previous_month");
    is("50", overall1, "ytd");
    is("66.666667", row(t, "publisher", "null", "2021-01", "satisfaction_overall_2"), "value");
    is("4", row(t, "publisher", "null", "2021-02", Figure.SURVEY_BALLOTS.key()), "ytd");
  }

  @Test
  void everyMeasureIsThereForEveryMonthOfThePublisher() {
    Months p = everyMonth(publisher(), "2021-03", "2021-05");
    Dataset<Row> trends = Trends.of(p.dataset(), units().dataset(), units().dataset());
    assertEquals(3L * Trends.MEASURES.size(), trends.count());
    List<String> names = Trends.MEASURES.stream().map(Trends.TrendMeasure::name).toList();
    assertTrue(names.containsAll(List.of("received_new", "resolved", "on_time_rate",
        "resolved_late", "pending_overdue", "online_share", "postal_share", "returned",
        "satisfaction_attitude_1", "satisfaction_overall_4")), names.toString());
    assertEquals(LocalDate.of(2021, 3, 1),
        localDate(trends.agg(org.apache.spark.sql.functions.min("month")).first().get(0)));
  }

  /** Trends through a reorganisation: the successions given, the publisher's months from 2024. */
  private Map<String, Row> trendsWith(Months d, Successions.Succession... successions) {
    Months p = everyMonth(publisher(), "2024-01", "2026-03");
    Dataset<Row> first = spark.createDataFrame(List.of(RowFactory.create(P,
        LocalDate.of(2024, 1, 1))), new StructType().add("publisher_code", DataTypes.StringType)
        .add(PublisherMonths.FIRST_MONTH, DataTypes.DateType));
    return byKey(Trends.of(p.dataset(), d.dataset(), units().dataset(), first,
        Successions.basis(List.of(successions))));
  }

  private static Successions.Succession merged(String from, String into, String month) {
    return new Successions.Succession(from, into, YearMonth.parse(month).atDay(1),
        Successions.MERGE, Successions.FROM_EXTRACTS);
  }

  /** Every month from {@code from} to {@code to}, each with the same figures. */
  private static Months monthly(Months d, String unit, String from, String to,
      Object... figures) {
    for (YearMonth ym = YearMonth.parse(from); !ym.isAfter(YearMonth.parse(to));
        ym = ym.plusMonths(1)) {
      d.month(unit, ym.toString(), figures);
    }
    return d;
  }

  @Test
  void aMergedDepartmentsYearAgoIsTheSumOfItsPredecessorAndItself() {
    // D3 merges into D4 in March 2025: D3's last month is February.
    Months d = units();
    monthly(d, "D3", "2024-01", "2025-02", Figure.RECEIVED_NEW, 10, Figure.RESOLVED, 2,
        Figure.RESOLVED_ON_TIME, 1, Figure.RESOLVED_LATE, 1);
    monthly(d, "D4", "2024-01", "2026-03", Figure.RECEIVED_NEW, 20, Figure.RESOLVED, 4,
        Figure.RESOLVED_EARLY, 4);
    Map<String, Row> t = trendsWith(d, merged("D3", "D4", "2025-03"));

    Row mar25 = row(t, "department", "D4", "2025-03", RECEIVED);
    is("20", mar25, "value");
    is("30", mar25, "year_ago");
    is("-10", mar25, "yoy_change");
    is("30", mar25, "previous_month");
    // January to March 2025: D4's own 60 and D3's January and February, 20.
    is("80", mar25, "ytd");
    is("90", mar25, "ytd_year_ago");
    // April 2024 … March 2025: D4's 240 and D3's eleven months to February 2025.
    is("350", mar25, "rolling_12m");
    assertEquals("D3", mar25.getAs(Trends.PREDECESSORS));
    // A rate over the sum of the counts: (4 + 1) of (4 + 2) resolved.
    Row rate = row(t, "department", "D4", "2025-03", "on_time_rate");
    is("100", rate, "value");
    is("83.333333", rate, "year_ago");
    is("83.333333", rate, "ytd_year_ago");

    // Before the merger D4 is compared with itself.
    Row feb25 = row(t, "department", "D4", "2025-02", RECEIVED);
    is("20", feb25, "year_ago");
    is("40", feb25, "ytd");
    is("40", feb25, "ytd_year_ago");
    assertNull(feb25.getAs(Trends.PREDECESSORS));
    // The predecessor keeps its own rows, compared with itself.
    Row d3 = row(t, "department", "D3", "2025-02", RECEIVED);
    is("10", d3, "year_ago");
    assertNull(d3.getAs(Trends.PREDECESSORS));
    assertFalse(t.containsKey("department|D3|2025-03|" + RECEIVED));

    // A year on, the year ago is D4's own March 2025; the year to date a year earlier still
    // holds D3's January and February 2025.
    Row mar26 = row(t, "department", "D4", "2026-03", RECEIVED);
    is("20", mar26, "year_ago");
    is("80", mar26, "ytd_year_ago");
    is("60", mar26, "ytd");
    assertEquals("D3", mar26.getAs(Trends.PREDECESSORS));
  }

  @Test
  void aNewDepartmentMadeOfTwoContinuesBothOfThem() {
    Months d = units();
    monthly(d, "D6", "2024-01", "2025-02", Figure.RECEIVED_NEW, 7);
    monthly(d, "D9", "2024-01", "2025-02", Figure.RECEIVED_NEW, 5);
    monthly(d, "D16", "2025-03", "2026-03", Figure.RECEIVED_NEW, 15);
    Map<String, Row> t = trendsWith(d, merged("D6", "D16", "2025-03"),
        merged("D9", "D16", "2025-03"));

    Row mar25 = row(t, "department", "D16", "2025-03", RECEIVED);
    is("15", mar25, "value");
    is("12", mar25, "year_ago");
    is("3", mar25, "yoy_change");
    is("0.25", mar25, "yoy_change_relative");
    is("12", mar25, "previous_month");
    is("39", mar25, "ytd");
    is("36", mar25, "ytd_year_ago");
    assertEquals("D6,D9", mar25.getAs(Trends.PREDECESSORS));
    assertFalse(t.containsKey("department|D16|2025-02|" + RECEIVED), "no row before it exists");
    // Without the succession the new department has no year ago.
    Map<String, Row> alone = trendsWith(d);
    is(null, row(alone, "department", "D16", "2025-03", RECEIVED), "year_ago");
    is(null, row(alone, "department", "D16", "2025-03", RECEIVED), "ytd_year_ago");
  }

  @Test
  void aChainOfMergersCountsEveryPredecessorBeforeItsOwnMerger() {
    // A into B in July 2024, then B into C in March 2025.
    Months d = units();
    monthly(d, "A", "2024-01", "2024-06", Figure.RECEIVED_NEW, 1);
    monthly(d, "B", "2024-01", "2025-02", Figure.RECEIVED_NEW, 10);
    monthly(d, "C", "2024-01", "2026-03", Figure.RECEIVED_NEW, 100);
    Map<String, Row> t = trendsWith(d, merged("A", "B", "2024-07"), merged("B", "C", "2025-03"));

    // March 2025 against March 2024: C, B and A.
    Row c = row(t, "department", "C", "2025-03", RECEIVED);
    is("111", c, "year_ago");
    is("333", c, "ytd_year_ago");
    assertEquals("A,B", c.getAs(Trends.PREDECESSORS));
    // B, in its own months after A joined it, is compared with B and A.
    is("11", row(t, "department", "B", "2024-07", RECEIVED), "previous_month");
    // C before B joined it: itself.
    is("100", row(t, "department", "C", "2025-02", RECEIVED), "year_ago");
  }
}
