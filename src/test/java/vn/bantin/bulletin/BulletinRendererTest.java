package vn.bantin.bulletin;

import vn.bantin.metrics.Figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Rendering of bulletins as Markdown and HTML.
 *
 * <p>The reference bulletin's renderings are compared exactly with the golden files under
 * {@code src/test/resources/golden/}. After an intended change of wording or layout, rewrite them
 * with {@code mvn -o test -Dtest='vn.bantin.bulletin.BulletinRendererTest' -Dbantin.regenerateGolden=true}
 * and review the diff before committing: with that property the golden tests write instead of
 * compare (and so cannot fail on content).
 */
class BulletinRendererTest {
  private static final BulletinRenderer RENDERER = new BulletinRenderer();
  private static final boolean REGENERATE = Boolean.getBoolean("bantin.regenerateGolden");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"md, vi", "html, vi", "md, en"})
  void referenceBulletinMatchesItsGoldenFile(String format, String language) throws IOException {
    String rendered = RENDERER.render(
        BulletinJsonTest.thaiBinhApril2021(), RenderFormat.parse(format), Language.parse(language));
    Path golden = goldenDir().resolve("thai-binh-2021-04." + language + "." + format);

    if (REGENERATE) {
      Files.writeString(golden, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(golden),
        "Cannot compare with golden file " + golden + ": it does not exist; run with -Dbantin.regenerateGolden=true");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered);
  }

  @Test
  void vietnameseUsesVietnameseNotationAndNoneForTheZeroLateCount() {
    String md = RENDERER.render(BulletinJsonTest.thaiBinhApril2021(), RenderFormat.MD, Language.VI);

    assertTrue(md.contains("| Tổng số hồ sơ | 7.790 | |"), md);
    assertTrue(md.contains("| – Trước hạn | 5.102 | 81,9% |"), md);
    assertTrue(md.contains("| – Quá hạn | 0 | không có |"), md);
    assertTrue(md.startsWith("# Bản tin kết quả giải quyết thủ tục hành chính tháng 4/2021\n"), md);
  }

  @Test
  void englishUsesEnglishNotationAndNoneForTheZeroLateCount() {
    String md = RENDERER.render(BulletinJsonTest.thaiBinhApril2021(), RenderFormat.MD, Language.EN);

    assertTrue(md.contains("| Total dossiers | 7,790 | |"), md);
    assertTrue(md.contains("| – Before the deadline | 5,102 | 81.9% |"), md);
    assertTrue(md.contains("| – Late | 0 | none |"), md);
    assertTrue(md.startsWith("# Bulletin on administrative procedures, April 2021\n"), md);
    assertTrue(md.contains("**Thai Binh Provincial Public Administrative Service Centre**"), md);
  }

  @Test
  void renderedPercentsAreTheJsonsPrintedPercents() {
    Bulletin bulletin = BulletinJsonTest.thaiBinhApril2021();
    String vi = RENDERER.render(bulletin, RenderFormat.HTML, Language.VI);
    String en = RENDERER.render(bulletin, RenderFormat.HTML, Language.EN);

    Map<String, String> printed = ReferenceBulletin.strings(
        ReferenceBulletin.parse(BulletinJson.compact(bulletin)).get("printed_percents"));
    assertEquals(13, printed.size());
    for (String percent : printed.values()) {
      assertTrue(vi.contains("<td class=\"num\">" + percent + "%</td>"), percent);
      assertTrue(en.contains("<td class=\"num\">" + percent.replace(',', '.') + "%</td>"), percent);
    }
  }

  @Test
  void outputDoesNotDependOnTheDefaultLocale() {
    Bulletin april = BulletinJsonTest.thaiBinhApril2021();
    Bulletin year = Bulletin.of(april.publisher(), "2021", april.figures());
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      List<String> us = renderAll(april, year);
      Locale.setDefault(Locale.forLanguageTag("vi-VN"));
      List<String> vi = renderAll(april, year);
      Locale.setDefault(Locale.GERMANY);
      List<String> de = renderAll(april, year);

      assertEquals(us, vi);
      assertEquals(us, de);
      // Under vi-VN a careless template prints the year as 2.021.
      assertTrue(vi.get(1).startsWith("# Bản tin kết quả giải quyết thủ tục hành chính năm 2021\n"), vi.get(1));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void htmlIsACompleteVietnamesePageThatEscapesText() {
    PublisherSettings odd = new PublisherSettings("P<1>", "A & B <i>x</i>", "A & B", PercentStyle.HALF_UP);
    String html = RENDERER.render(Bulletin.of(odd, "2021-04", TestFigures.with()), RenderFormat.HTML, Language.VI);

    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"), html);
    assertTrue(html.contains("<style>"), html);
    assertTrue(html.contains("<strong>A &amp; B &lt;i&gt;x&lt;/i&gt;</strong> (mã P&lt;1&gt;)"), html);
    assertFalse(html.contains("<i>"), html);
    assertTrue(html.endsWith("</body>\n</html>\n"), html);
  }

  @Test
  void markdownEscapesMarkupInNames() {
    PublisherSettings odd = new PublisherSettings("P_1", "Trung tâm *A* | [B]", "A", PercentStyle.HALF_UP);
    String md = RENDERER.render(Bulletin.of(odd, "2021-04", TestFigures.with()), RenderFormat.MD, Language.VI);

    assertTrue(md.contains("**Trung tâm \\*A\\* \\| \\[B\\]** (mã P\\_1)"), md);
  }

  @Test
  void unitBulletinHasItsUnitAndNoSurvey() {
    Bulletin unit = Bulletin.ofUnit(PublisherSettings.defaultFor("P"), "2021-04", "000.01.54.H54",
        TestFigures.with(Figure.RESOLVED, 1, Figure.RESOLVED_EARLY, 1));
    String md = RENDERER.render(unit, RenderFormat.MD, Language.VI);

    assertTrue(md.contains("**P** (mã P) · Đơn vị: 000.01.54.H54\n"), md);
    assertTrue(md.contains("## 3. Giải quyết theo cơ chế “5 tại chỗ”"), md);
    assertFalse(md.contains("## 4."), md);
    assertFalse(md.contains("Phiếu"), md);
  }

  @Test
  void severalPeriodsRenderAsOneDocumentInOrder() {
    PublisherSettings p = PublisherSettings.defaultFor("P");
    List<Bulletin> periods = List.of(
        Bulletin.of(p, "2021-Q2", TestFigures.with()), Bulletin.of(p, "2021", TestFigures.with()));

    String vi = RENDERER.render(periods, RenderFormat.MD, Language.VI);
    String en = RENDERER.render(periods, RenderFormat.HTML, Language.EN);

    assertTrue(vi.startsWith("# Bản tin kết quả giải quyết thủ tục hành chính quý II/2021\n"), vi);
    assertTrue(vi.contains("\n---\n\n# Bản tin kết quả giải quyết thủ tục hành chính năm 2021\n"), vi);
    assertTrue(en.contains("<title>Bulletin on administrative procedures – P</title>"), en);
    assertTrue(en.indexOf("<h1>Bulletin on administrative procedures, Q2 2021</h1>")
        < en.indexOf("<h1>Bulletin on administrative procedures, 2021</h1>"), en);
    assertEquals(2, en.split("<article>", -1).length - 1);
  }

  @Test
  void badLanguageOrFormatFailsListingTheValidOnes() {
    assertEquals("Cannot parse language 'fr': expected one of vi, en",
        assertThrows(IllegalArgumentException.class, () -> Language.parse("fr")).getMessage());
    assertEquals("Cannot parse format 'pdf': expected one of md, html, article",
        assertThrows(IllegalArgumentException.class, () -> RenderFormat.parse("pdf")).getMessage());
  }

  private static List<String> renderAll(Bulletin april, Bulletin year) {
    return List.of(
        RENDERER.render(april, RenderFormat.MD, Language.VI),
        RENDERER.render(year, RenderFormat.MD, Language.VI),
        RENDERER.render(april, RenderFormat.HTML, Language.VI),
        RENDERER.render(april, RenderFormat.MD, Language.EN));
  }

  /** The golden files in the source tree (not the classpath copy), so they can be rewritten. */
  private static Path goldenDir() {
    Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    Path dir = base.resolve("src/test/resources/golden");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("Cannot find the golden files: " + dir + " is not a directory");
    }
    return dir;
  }
}
