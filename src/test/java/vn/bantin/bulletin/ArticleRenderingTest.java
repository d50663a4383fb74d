package vn.bantin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.metrics.Figure;

/**
 * {@code --format article}: a month in the publisher's own sentences. The April 2021 article
 * rendered from the reference figures must read as the published one
 * ({@code shared/spec/bulletins/thai-binh-2021-04.article.txt}) in every sentence that carries a
 * figure; the zero forms are checked on tiny figures.
 */
class ArticleRenderingTest {
  private static final BulletinRenderer RENDERER = new BulletinRenderer();
  private static final PublisherSettings THAI_BINH =
      Publishers.fromClasspath().settingsFor(BulletinJsonTest.THAI_BINH);

  @Test
  void theApril2021ArticleReadsAsThePublishedOneInEverySentenceWithAFigure() {
    String ours = RENDERER.render(BulletinJsonTest.thaiBinhApril2021(), RenderFormat.ARTICLE,
        Language.VI);

    List<String> published = ArticleSentences.withFigures(ReferenceBulletin.article());
    List<String> rendered = ArticleSentences.withFigures(ours);
    // 14 sentences carry a figure: the title, the two dated paragraphs, and the figures' own.
    assertEquals(14, published.size(), String.join("\n", published));
    for (int i = 0; i < Math.min(published.size(), rendered.size()); i++) {
      assertEquals(published.get(i), rendered.get(i), "sentence " + (i + 1));
    }
    assertEquals(published, rendered);
  }

  @Test
  void theArticleIsPlainTextParagraphsStartingWithItsTitle() {
    String ours = RENDERER.render(BulletinJsonTest.thaiBinhApril2021(), RenderFormat.ARTICLE,
        Language.VI);

    assertTrue(ours.startsWith("Tháng 4/2021 Trung tâm Phục vụ hành chính công tỉnh đã giải quyết"
        + " 6.225 hồ sơ\n\nTháng 4/2021, Hồ sơ nộp tại"), ours);
    assertFalse(ours.contains("\n\n\n"), ours);
    assertTrue(ours.endsWith("Không có phiếu đánh giá Không hài lòng.\n"), ours);
    // Every sentence of the published article, figures or not, is there.
    assertEquals(ArticleSentences.all(ReferenceBulletin.article()), ArticleSentences.all(ours));
  }

  @Test
  void aMonthWithNoLateResolutionSaysSo() {
    String ours = article(TestFigures.with(Figure.RESOLVED, 4, Figure.RESOLVED_EARLY, 3,
        Figure.RESOLVED_ON_TIME, 1));

    assertSentence("Số lượng hồ sơ đã giải quyết trong tháng là: 4 hồ sơ, trong đó số hồ sơ giải"
        + " quyết trước hạn là: 3 hồ sơ, đạt 75,0%; số hồ sơ giải quyết đúng hạn là: 1 hồ sơ,"
        + " đạt 25,0%; không có hồ sơ giải quyết quá hạn.", ours);
  }

  @Test
  void aMonthWithLateResolutionsCountsThem() {
    String ours = article(TestFigures.with(Figure.RESOLVED, 3, Figure.RESOLVED_ON_TIME, 2,
        Figure.RESOLVED_LATE, 1));

    // 2/3 truncates to 66,6; the late share, the last non-zero part, is 100 − 66,6.
    assertSentence("Số lượng hồ sơ đã giải quyết trong tháng là: 3 hồ sơ, trong đó không có hồ sơ"
        + " giải quyết trước hạn; số hồ sơ giải quyết đúng hạn là: 2 hồ sơ, đạt 66,6%; số hồ sơ"
        + " giải quyết quá hạn là: 1 hồ sơ, đạt 33,4%.", ours);
  }

  @Test
  void aMonthWithNoOverduePendingDossierSaysSo() {
    String ours = article(TestFigures.with(Figure.PENDING, 5, Figure.PENDING_NOT_DUE, 3,
        Figure.PENDING_AWAITING_SUPPLEMENT, 2, Figure.RETURNED, 1));

    assertSentence("Tổng số hồ sơ đang giải quyết là: 5 hồ sơ, trong đó số hồ sơ chưa đến hạn: 3"
        + " hồ sơ; số hồ sơ chờ bổ sung, giải trình: 2 hồ sơ; không có hồ sơ quá hạn.", ours);
    assertSentence("Tổng số hồ sơ trả lại để chỉnh sửa bổ sung trong tháng: 1 hồ sơ.", ours);
  }

  @Test
  void overduePendingDossiersAreCounted() {
    String ours = article(TestFigures.with(Figure.PENDING, 2, Figure.PENDING_OVERDUE, 2));

    assertSentence("Tổng số hồ sơ đang giải quyết là: 2 hồ sơ, trong đó không có hồ sơ chưa đến"
        + " hạn; không có hồ sơ chờ bổ sung, giải trình; số hồ sơ quá hạn: 2 hồ sơ.", ours);
  }

  @Test
  void aSurveyWithNoNormalBallotSaysSoAndPrintsCountsWithTwoDigits() {
    String ours = article(TestFigures.with(Figure.SURVEY_BALLOTS, 3, Figure.SURVEY_ATTITUDE_1, 3,
        Figure.SURVEY_OVERALL_1, 2, Figure.SURVEY_OVERALL_2, 1));

    assertSentence("Đánh giá về thái độ, tinh thần trách nhiệm của cán bộ, công chức, viên chức"
        + " khi giao tiếp: có 03 phiếu/ tổng 03 phiếu, chiếm 100,00% đánh giá rất lịch sự, thân"
        + " thiện, dễ gần; Không có phiếu đánh giá giao tiếp bình thường; Không có phiếu đánh giá"
        + " không thân thiện và hách dịch, nhũng nhiễu.", ours);
    assertSentence("Đánh giá chung, có 02 phiếu/ tổng 03 phiếu, chiếm 66,66% đánh giá rất hài"
        + " lòng; 01 phiếu/03 phiếu, chiếm 33,34% đánh giá hài lòng; Không có phiếu đánh giá bình"
        + " thường; Không có phiếu đánh giá Không hài lòng.", ours);
  }

  @Test
  void onlyTheNonZeroOfTheLastTwoAttitudesIsCounted() {
    String ours = article(TestFigures.with(Figure.SURVEY_BALLOTS, 12, Figure.SURVEY_ATTITUDE_1, 11,
        Figure.SURVEY_ATTITUDE_4, 1, Figure.SURVEY_OVERALL_1, 12));

    assertSentence("Đánh giá về thái độ, tinh thần trách nhiệm của cán bộ, công chức, viên chức"
        + " khi giao tiếp: có 11 phiếu/ tổng 12 phiếu, chiếm 91,66% đánh giá rất lịch sự, thân"
        + " thiện, dễ gần; Không có phiếu đánh giá giao tiếp bình thường; Không có phiếu đánh giá"
        + " không thân thiện; 01 phiếu/ tổng 12 phiếu, chiếm 8,34% đánh giá hách dịch, nhũng"
        + " nhiễu.", ours);
  }

  @Test
  void aMonthWithNothingResolvedPendingOrSurveyedHasOneSentenceEach() {
    String ours = article(TestFigures.with(Figure.TOTAL, 2, Figure.RECEIVED_NEW, 2,
        Figure.RETURNED, 2));

    List<String> sentences = ArticleSentences.withFigures(ours);
    assertEquals(List.of(
        "Tháng 1/2022 Trung tâm Phục vụ hành chính công tỉnh không có hồ sơ đã giải quyết",
        "Tháng 1/2022, Hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh được các cán bộ, công"
            + " chức của Trung tâm tiếp nhận, thẩm định hồ sơ theo đúng quy trình quy định, đảm"
            + " bảo hồ sơ được tiếp nhận có đầy đủ các thông tin, đủ điều kiện để các sở, ngành"
            + " thụ lý, thẩm định và phê duyệt theo quy định.",
        // January names December of the year before.
        "Tổng số hồ sơ tiếp nhận trong tháng để giải quyết là: 2 hồ sơ, trong đó không có hồ sơ"
            + " của tháng 12/2021 chuyển sang; số hồ sơ tiếp nhận mới trong tháng là: 2 hồ sơ.",
        "Không có hồ sơ đã giải quyết trong tháng.",
        "Không có hồ sơ đang giải quyết.",
        "Tổng số hồ sơ trả lại để chỉnh sửa bổ sung trong tháng: 2 hồ sơ.",
        "Không có hồ sơ nhận và trả kết quả qua đường bưu điện.",
        "Không có hồ sơ dịch vụ công trực tuyến mức độ 3, 4 đã giải quyết trong tháng.",
        "Không có hồ sơ đã giải quyết trong tháng theo phương án “5 tại chỗ”.",
        "Trung tâm đã thực hiện lấy ý kiến của tổ chức, cá nhân tới thực hiện thủ tục hành chính"
            + " tại Trung tâm; tổng hợp phiếu đánh giá mức độ hài lòng của tổ chức, công dân đối"
            + " với dịch vụ hành chính công tại Trung tâm Phục vụ hành chính công tỉnh Thái Bình"
            + " trong tháng 1/2022.",
        "Không có phiếu đánh giá mức độ hài lòng trong tháng."), sentences);
  }

  @Test
  void severalMonthsAreOneArticleEachInOrder() {
    List<Bulletin> months = List.of(Bulletin.of(THAI_BINH, "2021-03", TestFigures.with()),
        Bulletin.of(THAI_BINH, "2021-04", TestFigures.with()));

    String ours = RENDERER.render(months, RenderFormat.ARTICLE, Language.VI);

    assertTrue(ours.startsWith("Tháng 3/2021 "), ours);
    assertTrue(ours.contains("\n\nTháng 4/2021 Trung tâm"), ours);
  }

  @Test
  void onlyAMonthOfAPublisherWithAnArticleTemplateInVietnameseIsAnArticle() {
    Bulletin april = BulletinJsonTest.thaiBinhApril2021();

    assertEquals("Cannot render the article of 000.00.54.H54 for 2021-Q2: an article covers one"
        + " month (e.g. 2021-04), not a quarter; use --format md or html for a quarter or a year",
        fails(Bulletin.of(THAI_BINH, "2021-Q2", april.figures()), Language.VI));
    assertEquals("Cannot render the article of 000.00.54.H54 for 2021: an article covers one"
        + " month (e.g. 2021-04), not a year; use --format md or html for a quarter or a year",
        fails(Bulletin.of(THAI_BINH, "2021", april.figures()), Language.VI));
    assertEquals("Cannot render the article in 'en': an article is the publisher's own"
        + " Vietnamese text and exists only in vi; use --format md or html for an English"
        + " bulletin", fails(april, Language.EN));
    assertEquals("Cannot render the article of 000.00.31.H31: no article template is configured"
        + " for this publisher (its entry in the publisher settings has no \"article_template\");"
        + " use --format md or html",
        fails(Bulletin.of(PublisherSettings.defaultFor("000.00.31.H31"), "2021-04",
            april.figures()), Language.VI));
    assertEquals("Cannot render the article of 000.00.54.H54 for 2021-04: an article is the"
        + " publisher's own, not a unit's (drop --by)",
        fails(Bulletin.ofUnit(THAI_BINH, "2021-04", "000.01.54.H54", TestFigures.with()),
            Language.VI));
  }

  private static String fails(Bulletin bulletin, Language language) {
    return assertThrows(IllegalArgumentException.class,
        () -> RENDERER.render(bulletin, RenderFormat.ARTICLE, language)).getMessage();
  }

  private static String article(Map<Figure, Long> figures) {
    return RENDERER.render(Bulletin.of(THAI_BINH, "2022-01", figures), RenderFormat.ARTICLE,
        Language.VI);
  }

  private static void assertSentence(String expected, String article) {
    List<String> sentences = ArticleSentences.all(article);
    assertTrue(sentences.contains(expected), () -> "no sentence\n  " + expected + "\nin\n  "
        + String.join("\n  ", sentences));
  }
}
