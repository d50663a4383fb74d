package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.bulletin.Language;
import vn.bantin.gold.Trends;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Share;
import vn.bantin.query.YearOverYear;
import vn.bantin.query.YearOverYear.UnitYear;

/**
 * The report model on inline {@link YearOverYear} figures: which change the sentences name,
 * "no comparison" for a zero or absent base, the department ranking and marks, and the number
 * formats of each language.
 */
class YearOverYearReportTest {
  private static final String RECEIVED = Figure.RECEIVED_NEW.key();
  private static final String RESOLVED = Figure.RESOLVED.key();
  private static final String RETURNED = Figure.RETURNED.key();
  private static final String SATISFIED = Trends.satisfaction(Share.SURVEY_OVERALL_1);

  /** Year-to-date figures by measure: {now, year ago}; a measure not given is absent. */
  private static YearOverYear year(Map<String, BigDecimal[]> ytd, List<UnitYear> departments) {
    Map<String, YearOverYear.Series> series = new HashMap<>();
    for (Trends.TrendMeasure m : Trends.MEASURES) {
      BigDecimal[] v = ytd.getOrDefault(m.name(), new BigDecimal[] {null, null});
      List<BigDecimal> months = new ArrayList<>(Collections.nCopies(12, null));
      months.set(0, v[0]);
      List<BigDecimal> ago = new ArrayList<>(Collections.nCopies(12, null));
      ago.set(0, v[1]);
      series.put(m.name(), new YearOverYear.Series(m.name(), months, ago, v[0], v[1]));
    }
    return new YearOverYear("P", 2021, 12, series, departments);
  }

  private static BigDecimal[] pair(String now, String ago) {
    return new BigDecimal[] {now == null ? null : new BigDecimal(now),
        ago == null ? null : new BigDecimal(ago)};
  }

  private static Map<String, BigDecimal[]> figures() {
    Map<String, BigDecimal[]> f = new HashMap<>();
    f.put(RECEIVED, pair("7790.000000", "6936.000000")); // +12.3 %
    f.put(RESOLVED, pair("7000.000000", "7700.000000")); // −9.1 %
    f.put(RETURNED, pair("30.000000", "50.000000")); // −40.0 %: the largest count change
    f.put(Trends.ON_TIME_RATE, pair("81.935484", "83.000000")); // −1.1 points
    f.put(Trends.ONLINE_SHARE, pair("60.000000", "52.750000")); // +7.3 points: the largest
    f.put(SATISFIED, pair("90.000000", "95.000000")); // −5.0 points
    return f;
  }

  private static UnitYear unit(String code, String rate, String rateAgo, boolean hasYearAgo) {
    return new UnitYear(code, new BigDecimal("1200.000000"), new BigDecimal("1000.000000"),
        rate == null ? null : new BigDecimal(rate), hasYearAgo ? new BigDecimal("900.000000") : null,
        rateAgo == null ? null : new BigDecimal(rateAgo), hasYearAgo, null);
  }

  @Test
  void theSentencesNameTheLargestCountChangeAndTheLargestRateChangeInVietnamese() {
    YearOverYearReport r = YearOverYearReport.of(year(figures(), List.of()), "Trung tâm",
        Language.VI);
    assertEquals(List.of(
        "Biến động lớn nhất về số hồ sơ: Số hồ sơ trả lại tháng 1–12/2021: 30, giảm 40,0% so với"
            + " cùng kỳ năm 2020 (50).",
        "Biến động lớn nhất về tỷ lệ: Tỷ lệ hồ sơ nộp trực tuyến (mức độ 3, 4) tháng 1–12/2021:"
            + " 60,0%, tăng 7,3 điểm phần trăm so với cùng kỳ năm 2020 (52,8%)."),
        r.sentences());
  }

  @Test
  void englishUsesEnglishNumbers() {
    Map<String, BigDecimal[]> f = figures();
    f.put(RECEIVED, pair("7790.000000", "1000.000000")); // now the largest: +679.0 %
    YearOverYearReport r = YearOverYearReport.of(year(f, List.of()), "Centre", Language.EN);
    assertEquals("Largest change in volume: Dossiers received, January–December 2021: 7,790,"
        + " up 679.0% on the same period of 2020 (1,000).", r.sentences().get(0));
    assertEquals("Largest change in a rate: Online share (level 3–4), January–December 2021:"
        + " 60.0%, up 7.3 percentage points on the same period of 2020 (52.8%).",
        r.sentences().get(1));
  }

  @Test
  void vietnameseNumbersAndPercents() {
    var n = Language.VI.notation();
    assertEquals("7.790", YearOverYearReport.count(new BigDecimal("7790.000000"), n));
    assertEquals("81,9%", YearOverYearReport.percent(new BigDecimal("81.935484"), n));
    assertEquals("82,0%", YearOverYearReport.percent(new BigDecimal("81.959839"), n));
    assertEquals("100,0%", YearOverYearReport.percent(new BigDecimal("100.000000"), n));
    assertEquals("1,234.6%", YearOverYearReport.percent(new BigDecimal("1234.56"),
        Language.EN.notation()));
  }

  @Test
  void aZeroYearAgoCountIsNoComparisonAndNeverADivision() {
    Map<String, BigDecimal[]> f = figures();
    f.put(RETURNED, pair("30.000000", "0.000000"));
    YearOverYearReport r = YearOverYearReport.of(year(f, List.of()), "Trung tâm", Language.VI);
    // The largest count change is now received's +12.3 %; returned is said to have no base.
    assertEquals("Biến động lớn nhất về số hồ sơ: Số hồ sơ tiếp nhận tháng 1–12/2021: 7.790,"
        + " tăng 12,3% so với cùng kỳ năm 2020 (6.936).", r.sentences().get(0));
    assertTrue(r.sentences().contains("Số hồ sơ trả lại tháng 1–12/2021: 30; không có số liệu"
        + " cùng kỳ năm 2020 để so sánh."), r.sentences().toString());
  }

  @Test
  void anAbsentYearAgoRateIsNoComparison() {
    Map<String, BigDecimal[]> f = figures();
    f.put(Trends.ONLINE_SHARE, pair("60.000000", null));
    YearOverYearReport r = YearOverYearReport.of(year(f, List.of()), "Centre", Language.EN);
    assertEquals("Largest change in a rate: Very satisfied (overall satisfaction),"
        + " January–December 2021: 90.0%, down 5.0 percentage points on the same period of 2020"
        + " (95.0%).", r.sentences().get(1));
    assertTrue(r.sentences().contains("Online share (level 3–4), January–December 2021: 60.0%;"
        + " no figures for the same period of 2020 to compare with."), r.sentences().toString());
  }

  @Test
  void noYearBeforeAtAllSaysSoOnce() {
    Map<String, BigDecimal[]> f = new HashMap<>();
    figures().forEach((k, v) -> f.put(k, new BigDecimal[] {v[0], null}));
    YearOverYearReport r = YearOverYearReport.of(year(f, List.of()), "Trung tâm", Language.VI);
    assertEquals(List.of("Không có số liệu năm 2020 để so sánh cùng kỳ."), r.sentences());
  }

  @Test
  void departmentsAreRankedByOnTimeRateWithArrowsAndNoComparisonMarks() {
    List<UnitYear> units = List.of(
        unit("D1", "90.000000", "95.000000", true),
        unit("D2", "97.500000", "80.000000", true), // +17.5 points: the largest change
        unit("D3", "99.000000", null, false), // new: no year-ago figures
        unit("D4", null, "70.000000", true), // resolved nothing this year: ranked last
        unit(null, "90.000000", "90.000000", true));
    YearOverYearReport r = YearOverYearReport.of(year(figures(), units), "Trung tâm",
        Language.VI);
    List<String> order = r.departments().stream()
        .map(YearOverYearReport.DepartmentLine::department).toList();
    assertEquals(List.of("D3", "D2", "D1", "(không rõ đơn vị)", "D4"), order);
    var d3 = r.departments().get(0);
    assertTrue(d3.noComparison());
    assertEquals("", d3.arrow());
    assertEquals("", d3.onTimeRateYearAgo());
    assertEquals("99,0%", d3.onTimeRate());
    var d2 = r.departments().get(1);
    assertEquals("▲", d2.arrow());
    assertEquals("17,5", d2.change());
    assertEquals("1.200", d2.received());
    assertEquals("900", d2.receivedYearAgo());
    assertFalse(d2.noComparison());
    assertEquals("▼", r.departments().get(2).arrow());
    assertEquals("5,0", r.departments().get(2).change());
    assertEquals("=", r.departments().get(3).arrow());
    assertEquals("", r.departments().get(4).arrow());
    assertTrue(r.sentences().contains("Đơn vị có tỷ lệ đúng hạn thay đổi nhiều nhất: D2, tăng"
        + " 17,5 điểm phần trăm (80,0% → 97,5%)."), r.sentences().toString());
    assertTrue(r.sentences().contains("1 đơn vị không có số liệu cùng kỳ năm 2020 (đơn vị mới"
        + " hoặc đã sắp xếp lại), nên không so sánh."), r.sentences().toString());
  }

  @Test
  void aReorganisedDepartmentIsMarkedWithThePredecessorsItsYearAgoIncludes() {
    UnitYear merged = new UnitYear("D16", new BigDecimal("1200.000000"),
        new BigDecimal("1000.000000"), new BigDecimal("90.000000"), new BigDecimal("900.000000"),
        new BigDecimal("85.000000"), true, "D6,D9");
    List<UnitYear> units = List.of(merged, unit("D1", "80.000000", "80.000000", true));
    YearOverYearReport vi = YearOverYearReport.of(year(figures(), units), "Trung tâm",
        Language.VI);
    assertEquals("cùng kỳ gồm cả D6, D9", vi.departments().get(0).continues());
    assertEquals("", vi.departments().get(1).continues());
    assertFalse(vi.departments().get(0).noComparison());
    assertEquals("▲", vi.departments().get(0).arrow());
    YearOverYearReport en = YearOverYearReport.of(year(figures(), units), "Centre", Language.EN);
    assertEquals("year ago includes D6, D9", en.departments().get(0).continues());
    String html = new ReportRenderer().render(en);
    assertTrue(html.contains("† year ago includes D6, D9"), html);
    assertTrue(html.contains("Reorganised department: its year-ago figures include"), html);
  }
}
