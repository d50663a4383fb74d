package vn.bantin.bulletin;

import vn.bantin.metrics.Figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulletinJsonTest {
  static final String THAI_BINH = "000.00.54.H54";

  /** The reference bulletin rebuilt from its own figures and the default publisher settings. */
  static Bulletin thaiBinhApril2021() {
    return Bulletin.of(Publishers.fromClasspath().settingsFor(THAI_BINH), "2021-04",
        ReferenceBulletin.figures(ReferenceBulletin.json()));
  }

  @Test
  void parsedOutputHasTheReferenceFiguresAndPrintedPercents() {
    JsonNode reference = ReferenceBulletin.json();

    JsonNode ours = ReferenceBulletin.parse(BulletinJson.compact(thaiBinhApril2021()));

    assertEquals(reference.get("figures"), ours.get("figures"));
    assertEquals(List.copyOf(ReferenceBulletin.strings(reference.get("printed_percents")).entrySet()),
        List.copyOf(ReferenceBulletin.strings(ours.get("printed_percents")).entrySet()));
    for (String key : List.of("publisher", "publisher_code", "period", "percent_style")) {
      assertEquals(reference.get(key), ours.get(key), key);
    }
  }

  @Test
  void prettyFormIsTheReferenceFileWithoutItsSourceLine() {
    String withoutSource = ReferenceBulletin.text().replaceAll("(?m)^  \"source\": .*\\R", "");

    assertEquals(withoutSource, BulletinJson.pretty(thaiBinhApril2021()));
  }

  @Test
  void compactFormIsOneLineWithKeysInTheReferenceOrder() {
    String json = BulletinJson.compact(thaiBinhApril2021());

    assertFalse(json.contains("\n"));
    assertEquals(List.of("publisher", "publisher_code", "period", "percent_style", "figures", "printed_percents"),
        keys(ReferenceBulletin.parse(json)));
    assertEquals(31, ReferenceBulletin.parse(json).get("figures").size());
  }

  @Test
  void unitBulletinCarriesItsUnitCodeAfterThePercentStyle() {
    Bulletin unit = Bulletin.ofUnit(PublisherSettings.defaultFor("P"), "2021-Q2", "000.01.54.H54",
        TestFigures.with(Figure.RESOLVED, 2, Figure.RESOLVED_EARLY, 1, Figure.RESOLVED_LATE, 1));

    String json = BulletinJson.compact(unit);

    String head = "{\"publisher\":\"P\",\"publisher_code\":\"P\",\"period\":\"2021-Q2\","
        + "\"percent_style\":\"half-up\",\"unit_code\":\"000.01.54.H54\",\"figures\":{";
    assertEquals(head, json.substring(0, head.length()));
    assertEquals(",\"printed_percents\":{\"resolved_early\":\"50,0\",\"resolved_late\":\"50,0\"}}",
        json.substring(json.indexOf(",\"printed_percents\"")));
  }

  @Test
  void jsonLinesEndEachBulletinWithALineBreak() {
    Bulletin b = thaiBinhApril2021();
    assertEquals(BulletinJson.compact(b) + "\n" + BulletinJson.compact(b) + "\n", BulletinJson.lines(List.of(b, b)));
  }

  @Test
  void bulletinWithAMissingFigureFailsNamingIt() {
    Map<Figure, Long> figures = TestFigures.with();
    figures.remove(Figure.SURVEY_OVERALL_4);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bulletin.of(PublisherSettings.defaultFor("P"), "2021", figures));
    assertEquals("Cannot build bulletin 2021 of P: figure survey_overall_4 is missing", e.getMessage());
  }

  @Test
  void periodLabelsRoundTripAndABadOneFailsNamingTheForms() {
    for (String label : List.of("2021-04", "2021-Q2", "2021")) {
      assertEquals(label, BulletinPeriod.parse(label).label());
    }
    assertEquals(new BulletinPeriod(BulletinPeriod.Kind.QUARTER, 2021, 2), BulletinPeriod.parse("2021-Q2"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BulletinPeriod.parse("2021-13"));
    assertEquals("Cannot parse period '2021-13': expected yyyy-MM, yyyy-Qn or yyyy (e.g. 2021-04, 2021-Q2, 2021)",
        e.getMessage());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
