package vn.bantin.report;

import java.util.Map;
import vn.bantin.bulletin.Language;
import vn.bantin.gold.Trends;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Share;

/**
 * The words of the year-over-year report in one language. Kept in Java beside the sentence
 * builder rather than in a template, because the sentences are assembled (and unit-tested) here.
 */
record ReportWording(String title, Map<String, String> measureLabels, String[] monthNames,
    String up, String down, String unchanged, String points, String comparedWith,
    String noComparison, String largestVolume, String largestRate, String departmentMost,
    String departmentsWithout, String noYearAgo, String noDepartment, String departmentsTitle,
    String chartsTitle, String summaryTitle, String department, String onTimeRate, String change,
    String received, String rank, String noComparisonMark, String noComparisonNote,
    String continuedMark, String continuedNote, String source, String labelSeparator) {

  /** The charted measures, in the order the report shows them: gold.trends measure names. */
  static final java.util.List<String> CHARTED = java.util.List.of(Figure.RECEIVED_NEW.key(),
      Figure.RESOLVED.key(), Trends.ON_TIME_RATE, Trends.ONLINE_SHARE, Figure.RETURNED.key(),
      Trends.satisfaction(Share.SURVEY_OVERALL_1));

  static ReportWording of(Language language) {
    return switch (language) {
      case VI -> new ReportWording(
          "Báo cáo so sánh cùng kỳ",
          Map.of(CHARTED.get(0), "Số hồ sơ tiếp nhận",
              CHARTED.get(1), "Số hồ sơ đã giải quyết",
              CHARTED.get(2), "Tỷ lệ giải quyết đúng hạn",
              CHARTED.get(3), "Tỷ lệ hồ sơ nộp trực tuyến (mức độ 3, 4)",
              CHARTED.get(4), "Số hồ sơ trả lại",
              CHARTED.get(5), "Tỷ lệ rất hài lòng (mức độ hài lòng chung)"),
          new String[] {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11",
              "T12"},
          "tăng", "giảm", "không đổi", "điểm phần trăm", "so với cùng kỳ năm",
          "không có số liệu cùng kỳ năm %s để so sánh",
          "Biến động lớn nhất về số hồ sơ", "Biến động lớn nhất về tỷ lệ",
          "Đơn vị có tỷ lệ đúng hạn thay đổi nhiều nhất",
          "%s đơn vị không có số liệu cùng kỳ năm %s (đơn vị mới hoặc đã sắp xếp lại), nên không"
              + " so sánh",
          "Không có số liệu năm %s để so sánh cùng kỳ",
          "(không rõ đơn vị)", "Các đơn vị theo tỷ lệ giải quyết đúng hạn",
          "Từng tháng so với cùng kỳ", "Tóm tắt", "Đơn vị", "Tỷ lệ đúng hạn", "Thay đổi",
          "Hồ sơ tiếp nhận", "Hạng", "không có số liệu cùng kỳ",
          "Không có số liệu cùng kỳ: đơn vị không có hồ sơ nào cùng kỳ năm trước (đơn vị mới"
              + " không rõ đơn vị tiền thân).",
          "cùng kỳ gồm cả",
          "Đơn vị được sắp xếp lại: số liệu cùng kỳ gồm cả số liệu của các đơn vị tiền thân"
              + " đã hợp nhất vào đơn vị (trước thời điểm hợp nhất).",
          "Nguồn: bảng gold.trends của bantin.", " ");
      case EN -> new ReportWording(
          "Year-over-year report",
          Map.of(CHARTED.get(0), "Dossiers received",
              CHARTED.get(1), "Dossiers resolved",
              CHARTED.get(2), "On-time rate",
              CHARTED.get(3), "Online share (level 3–4)",
              CHARTED.get(4), "Dossiers returned",
              CHARTED.get(5), "Very satisfied (overall satisfaction)"),
          new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
              "Nov", "Dec"},
          "up", "down", "unchanged", "percentage points", "on the same period of",
          "no figures for the same period of %s to compare with",
          "Largest change in volume", "Largest change in a rate",
          "Department whose on-time rate changed most",
          "%s department(s) have no figures for the same period of %s (new or reorganised), so"
              + " they are not compared",
          "No figures for %s to compare with",
          "(no department)", "Departments by on-time rate", "Month by month against the year"
              + " before", "Summary", "Department", "On-time rate", "Change", "Received", "Rank",
          "no year-ago figures",
          "No year-ago figures: the department had no dossier in the same period a year earlier"
              + " (a new department with no known predecessor).",
          "year ago includes",
          "Reorganised department: its year-ago figures include those of the predecessors"
              + " merged into it (their months before the merger).",
          "Source: bantin's gold.trends table.", ", ");
    };
  }

  String label(String measure) {
    return measureLabels.get(measure);
  }

  /** "tháng 1–12/2021" / "January–December 2021": the months the year to date covers. */
  String span(int year, int lastMonth, Language language) {
    if (language == Language.VI) {
      return "tháng " + (lastMonth == 1 ? "1" : "1–" + lastMonth) + "/" + year;
    }
    String[] full = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    return (lastMonth == 1 ? "January" : "January–" + full[lastMonth - 1]) + " " + year;
  }
}
