package vn.bantin.bulletin;

import vn.bantin.metrics.Split;
import vn.bantin.metrics.Share;
import vn.bantin.metrics.Figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.bantin.metrics.Figure.*;
import static vn.bantin.bulletin.PercentStyle.HALF_UP;
import static vn.bantin.bulletin.PercentStyle.TRUNCATE_REMAINDER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The percent-style rules of metrics.md, one test per rule or edge case. */
class PrintedPercentsTest {

  @Test
  void reproducesEveryPrintedPercentOfTheReferenceBulletin() {
    JsonNode reference = ReferenceBulletin.json();
    Map<String, String> expected = ReferenceBulletin.strings(reference.get("printed_percents"));

    Map<String, String> printed = PrintedPercents.of(ReferenceBulletin.figures(reference), TRUNCATE_REMAINDER);

    assertEquals(13, expected.size());
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(printed.entrySet()));
  }

  @Test
  void truncateRemainderTruncatesWhereHalfUpRoundsAtTheFiveBoundary() {
    // 3/16 = 18.75%: truncated 18,7; half up 18,8. Postal stands alone: no remainder applies.
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 16, RESOLVED_ON_TIME, 16, POSTAL, 3);

    assertEquals("18,7", PrintedPercents.of(f, TRUNCATE_REMAINDER).get("postal"));
    assertEquals("18,8", PrintedPercents.of(f, HALF_UP).get("postal"));
  }

  @Test
  void halfUpRoundsAnEvenDigitUpToo() {
    // 73/400 = 18.25%: half up gives 18,3 where half-even (banker's rounding) would give 18,2.
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 400, RESOLVED_ON_TIME, 400, POSTAL, 73);

    assertEquals("18,3", PrintedPercents.of(f, HALF_UP).get("postal"));
    assertEquals("18,2", PrintedPercents.of(f, TRUNCATE_REMAINDER).get("postal"));
  }

  @Test
  void standaloneShareIsTruncatedNotRounded() {
    // 1634/2656 = 61.52...% and 2/3 = 66.66...%: a stand-alone share never gets a remainder.
    Map<Figure, Long> f = TestFigures.with(
        ONLINE_L34_RESOLVED, 3, ONLINE_L34_EARLY, 3, ONLINE_L34_RECEIVED_ONLINE, 2);

    assertEquals("66,6", PrintedPercents.of(f, TRUNCATE_REMAINDER).get("online_l34_received_online"));
    assertEquals("66,7", PrintedPercents.of(f, HALF_UP).get("online_l34_received_online"));
  }

  @Test
  void remainderGoesToTheLastNonZeroPartWhenTheLastPartIsZero() {
    // 1/6 = 16.66..%, 5/6 = 83.33..%, late 0: on time (last non-zero) prints 100 - 16,6 = 83,4.
    Map<Figure, Long> f = TestFigures.with(
        RESOLVED, 6, RESOLVED_EARLY, 1, RESOLVED_ON_TIME, 5, RESOLVED_LATE, 0);

    assertEquals(Map.of("resolved_early", "16,6", "resolved_on_time", "83,4"),
        PrintedPercents.of(f, TRUNCATE_REMAINDER));
  }

  @Test
  void remainderGoesToTheLastPartWhenItIsNonZero() {
    // 1/3 each: 33,33 + 33,33 + remainder 33,34 (survey shares have 2 decimals).
    Map<Figure, Long> f = TestFigures.with(SURVEY_BALLOTS, 3,
        SURVEY_OVERALL_1, 1, SURVEY_OVERALL_2, 1, SURVEY_OVERALL_4, 1,
        SURVEY_ATTITUDE_1, 3);

    Map<String, String> printed = PrintedPercents.of(f, TRUNCATE_REMAINDER);

    assertEquals("33,33", printed.get("survey_overall_1"));
    assertEquals("33,33", printed.get("survey_overall_2"));
    assertEquals("33,34", printed.get("survey_overall_4"));
    assertEquals("100,00", printed.get("survey_attitude_1"));
  }

  @Test
  void halfUpDoesNotForceASplitTo100() {
    Map<Figure, Long> f = TestFigures.with(SURVEY_BALLOTS, 3,
        SURVEY_OVERALL_1, 1, SURVEY_OVERALL_2, 1, SURVEY_OVERALL_4, 1, SURVEY_ATTITUDE_1, 3);

    Map<String, String> printed = PrintedPercents.of(f, HALF_UP);

    assertEquals("33,33", printed.get("survey_overall_1"));
    assertEquals("33,33", printed.get("survey_overall_2"));
    assertEquals("33,33", printed.get("survey_overall_4"));
  }

  @Test
  void splitWhosePartsDoNotAddUpGetsNoRemainder() {
    // 1 + 5 != 7: the identity is broken, so nothing is forced; each part is only truncated.
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 7, RESOLVED_EARLY, 1, RESOLVED_ON_TIME, 5);

    assertEquals(Map.of("resolved_early", "14,2", "resolved_on_time", "71,4"),
        PrintedPercents.of(f, TRUNCATE_REMAINDER));
  }

  @Test
  void zeroNumeratorPrintsNoPercent() {
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 10, RESOLVED_ON_TIME, 10, POSTAL, 0);

    for (PercentStyle style : PercentStyle.values()) {
      assertEquals(Map.of("resolved_on_time", "100,0"), PrintedPercents.of(f, style), style.id());
    }
    assertEquals(Optional.of(new BigDecimal("0.000000")), Share.POSTAL.exact(f));
  }

  @Test
  void zeroDenominatorGivesNoShareAtAll() {
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 0, SURVEY_BALLOTS, 0);

    for (PercentStyle style : PercentStyle.values()) {
      assertEquals(Map.of(), PrintedPercents.of(f, style), style.id());
    }
    assertEquals(Optional.empty(), Share.RESOLVED_EARLY.exact(f));
  }

  @Test
  void nonZeroShareThatCutsToZeroPrintsZeroWithItsDecimals() {
    // 1/3000 = 0.033%: 0,0 both ways. 1/100000 ballots = 0.001%: 0,00 both ways.
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 3000, RESOLVED_ON_TIME, 3000, POSTAL, 1,
        SURVEY_BALLOTS, 100_000, SURVEY_ATTITUDE_1, 99_999, SURVEY_ATTITUDE_2, 1,
        SURVEY_OVERALL_1, 1, SURVEY_OVERALL_2, 99_999);

    for (PercentStyle style : PercentStyle.values()) {
      Map<String, String> printed = PrintedPercents.of(f, style);
      assertEquals("0,0", printed.get("postal"), style.id());
      assertEquals("0,00", printed.get("survey_overall_1"), style.id());
    }
    // The remainder lands on the last non-zero part, here the tiny one: 100 - 99,99.
    assertEquals("0,01", PrintedPercents.of(f, TRUNCATE_REMAINDER).get("survey_attitude_2"));
    assertEquals("0,00", PrintedPercents.of(f, HALF_UP).get("survey_attitude_2"));
  }

  @Test
  void surveySharesPrintWithThePublishersDecimals() {
    // 143, 5, 2 of 150 ballots: 95,333… 3,333… 1,333…%. The Lạng Sơn centre prints one decimal
    // (95,3); metrics.md's default is two (95,33). Dossier shares keep one decimal either way.
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 3, RESOLVED_ON_TIME, 2, RESOLVED_LATE, 1,
        SURVEY_BALLOTS, 150, SURVEY_ATTITUDE_1, 143, SURVEY_ATTITUDE_2, 5,
        SURVEY_ATTITUDE_3, 2, SURVEY_OVERALL_1, 150);
    NumberNotation vi = NumberNotation.VIETNAMESE;

    Map<String, String> one = PrintedPercents.of(f, new PercentPrinting(HALF_UP, 1), vi);
    assertEquals("95,3", one.get("survey_attitude_1"));
    assertEquals("3,3", one.get("survey_attitude_2"));
    assertEquals("1,3", one.get("survey_attitude_3"));
    assertEquals("100,0", one.get("survey_overall_1"));
    assertEquals("66,7", one.get("resolved_on_time"));
    // Truncate-remainder: the last non-zero answer takes 100 minus the others, at one decimal.
    Map<String, String> oneTruncated = PrintedPercents.of(f,
        new PercentPrinting(TRUNCATE_REMAINDER, 1), vi);
    assertEquals("95,3", oneTruncated.get("survey_attitude_1"));
    assertEquals("1,4", oneTruncated.get("survey_attitude_3"));
    assertEquals("33,4", oneTruncated.get("resolved_late"));

    Map<String, String> two = PrintedPercents.of(f, HALF_UP);
    assertEquals("95,33", two.get("survey_attitude_1"));
    assertEquals("1,33", two.get("survey_attitude_3"));
    assertEquals("1", PrintedPercents.of(f, new PercentPrinting(HALF_UP, 0), vi)
        .get("survey_attitude_3"));
  }

  @Test
  void exactShareHasSixDecimals() {
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 6225, RESOLVED_EARLY, 5102);

    assertEquals(Optional.of(new BigDecimal("81.959839")), Share.RESOLVED_EARLY.exact(f));
  }

  @Test
  void missingFigureFailsNamingIt() {
    Map<Figure, Long> f = TestFigures.with(RESOLVED, 6);
    f.remove(POSTAL);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrintedPercents.of(f, HALF_UP));
    assertEquals("Cannot compute share postal: figure postal is missing", e.getMessage());
  }

  @Test
  void shareKeysAndDecimalsFollowMetrics() {
    assertEquals("online_l34_received_online", Share.ONLINE_L34_RECEIVED_ONLINE.key());
    assertEquals(ONLINE_L34_RESOLVED, Share.ONLINE_L34_RECEIVED_ONLINE.denominator());
    assertEquals(Optional.empty(), Share.POSTAL.split());
    assertEquals(Optional.of(Split.SURVEY_OVERALL), Share.SURVEY_OVERALL_3.split());
    assertEquals(2, Share.SURVEY_OVERALL_3.decimals());
    assertEquals(1, Share.FIVE_ON_SPOT_LATE.decimals());
    assertEquals(19, Share.values().length);
  }

  @Test
  void percentStyleParsesItsHyphenatedNameAndListsTheValidOnesOtherwise() {
    assertEquals(TRUNCATE_REMAINDER, PercentStyle.parse("truncate-remainder"));
    assertEquals(HALF_UP, PercentStyle.parse("half-up"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PercentStyle.parse("HALF_UP"));
    assertEquals("Cannot parse percent style 'HALF_UP': expected one of truncate-remainder, half-up",
        e.getMessage());
  }
}
