package vn.bantin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.metrics.Figure;

/**
 * {@code --by department} in Markdown and HTML: one table per period, the departments side by
 * side with their names, shares in the publisher's notation, and a total row.
 */
class UnitsTableTest {
  private static final PublisherSettings P = new PublisherSettings("000.00.54.H54",
      "Trung tâm Thái Bình", "Thai Binh centre", PercentStyle.HALF_UP);

  private static Bulletin unit(String period, String code, String name, long carried,
      long received, long early, long onTime, long late, long pendingNotDue) {
    long resolved = early + onTime + late;
    return Bulletin.ofUnit(P, period, code, name, TestFigures.with(
        Figure.CARRIED_OVER, carried, Figure.RECEIVED_NEW, received,
        Figure.TOTAL, carried + received, Figure.RESOLVED, resolved,
        Figure.RESOLVED_EARLY, early, Figure.RESOLVED_ON_TIME, onTime,
        Figure.RESOLVED_LATE, late, Figure.PENDING, pendingNotDue,
        Figure.PENDING_NOT_DUE, pendingNotDue));
  }

  private static final List<Bulletin> APRIL = List.of(
      unit("2021-04", "000.00.02.H54", "Sở Tư pháp", 100, 1134, 1000, 200, 0, 34),
      unit("2021-04", "000.00.15.H54", null, 0, 3, 1, 1, 1, 0),
      unit("2021-04", "null", null, 0, 2, 0, 2, 0, 0));

  @Test
  void markdownIsOneTableOfTheUnitsWithTheirNamesAndTheirTotal() {
    String md = new BulletinRenderer().renderUnits(APRIL, RenderFormat.MD, Language.VI,
        "department");
    List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
    assertEquals(List.of(
        "| Sở, ban, ngành | Tổng số hồ sơ | Tiếp nhận mới | Đã giải quyết | Trước hạn | Đúng hạn"
            + " | Quá hạn | Đang giải quyết | Đang giải quyết quá hạn | Trả lại/rút hồ sơ |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        "| Sở Tư pháp (000.00.02.H54) | 1.234 | 1.134 | 1.200 | 1.000 (83,3%) | 200 (16,7%)"
            + " | 0 | 34 | 0 | 0 |",
        "| 000.00.15.H54 | 3 | 3 | 3 | 1 (33,3%) | 1 (33,3%) | 1 (33,3%) | 0 | 0 | 0 |",
        "| (không rõ đơn vị) | 2 | 2 | 2 | 0 | 2 (100,0%) | 0 | 0 | 0 | 0 |",
        "| **Tổng cộng** | **1.239** | **1.139** | **1.205** | **1.001 (83,1%)** |"
            + " **203 (16,8%)** | **1 (0,1%)** | **34** | **0** | **0** |"), rows);
    assertTrue(md.contains(String.join("\n", rows)), "one contiguous table:\n" + md);
    assertEquals(1, md.lines().filter(l -> l.startsWith("# ")).count(), md);
    assertTrue(md.contains("# Bản tin"), md);
  }

  @Test
  void eachPeriodHasItsOwnTableAndHtmlNamesTheUnits() {
    List<Bulletin> two = new java.util.ArrayList<>(APRIL);
    two.add(unit("2021-05", "000.00.02.H54", "Sở Tư pháp", 34, 10, 5, 5, 0, 34));
    String md = new BulletinRenderer().renderUnits(two, RenderFormat.MD, Language.EN,
        "department");
    assertEquals(2, md.lines().filter(l -> l.startsWith("| **Total**")).count(), md);
    String html = new BulletinRenderer().renderUnits(two, RenderFormat.HTML, Language.EN,
        "sector");
    assertEquals(2, html.split("<table>", -1).length - 1, html);
    assertTrue(html.contains("<th>Sở Tư pháp <span class=\"code\">000.00.02.H54</span></th>"),
        html);
    assertTrue(html.contains("<th>Sector</th>"), html);
    assertTrue(html.contains("<tr class=\"total\"><th>Total</th><td class=\"num\">1,239</td>"),
        html);
    assertFalse(html.contains("null"), html);
  }
}
