package vn.bantin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provisional period says so in every rendering, with the time of the data; a final one
 * renders exactly as before (no line, no JSON key).
 */
class ProvisionalRenderingTest {
  private static final BulletinRenderer RENDERER = new BulletinRenderer();
  private static final LocalDateTime AS_OF = LocalDateTime.of(2021, 5, 1, 1, 30);

  private static Bulletin finalApril() {
    return BulletinJsonTest.thaiBinhApril2021();
  }

  private static Bulletin provisionalApril() {
    return finalApril().provisional(AS_OF);
  }

  @Test
  void markdownAndHtmlSayProvisionalWithTheTimeOfTheData() {
    String vi = "Số liệu tạm tính đến 01:30 ngày 01/05/2021";
    String en = "Provisional, data as of 2021-05-01 01:30";
    assertTrue(RENDERER.render(provisionalApril(), RenderFormat.MD, Language.VI)
        .contains("*" + vi + "*"));
    assertTrue(RENDERER.render(provisionalApril(), RenderFormat.MD, Language.EN)
        .contains("*" + en + "*"));
    assertTrue(RENDERER.render(provisionalApril(), RenderFormat.HTML, Language.VI)
        .contains("<p class=\"provisional\"><em>" + vi + "</em></p>"));
    assertTrue(RENDERER.render(provisionalApril(), RenderFormat.HTML, Language.EN)
        .contains("<em>" + en + "</em>"));
    for (RenderFormat f : List.of(RenderFormat.MD, RenderFormat.HTML)) {
      for (Language l : Language.values()) {
        String text = RENDERER.render(finalApril(), f, l);
        assertFalse(text.contains("tạm tính") || text.contains("Provisional")
            || text.contains("provisional"), f + "/" + l + " of a final month: " + text);
      }
    }
  }

  @Test
  void theFinalRenderingIsTheProvisionalOneWithoutItsLine() {
    String provisional = RENDERER.render(provisionalApril(), RenderFormat.MD, Language.VI);
    String finalText = RENDERER.render(finalApril(), RenderFormat.MD, Language.VI);
    assertEquals(finalText, provisional.replace(
        "\n*Số liệu tạm tính đến 01:30 ngày 01/05/2021*\n", ""));
  }

  @Test
  void jsonCarriesTheFlagOnlyForAProvisionalPeriod() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode provisional = mapper.readTree(BulletinJson.pretty(provisionalApril()));
    assertTrue(provisional.get("provisional").asBoolean());
    assertEquals("2021-05-01T01:30", provisional.get("data_as_of").asText());
    JsonNode finalJson = mapper.readTree(BulletinJson.pretty(finalApril()));
    assertFalse(finalJson.has("provisional") || finalJson.has("data_as_of"), finalJson.toString());
  }

  @Test
  void theArticleAndTheUnitsTableSayItToo() {
    assertTrue(RENDERER.render(provisionalApril(), RenderFormat.ARTICLE, Language.VI)
        .startsWith("(Số liệu tạm tính đến 01:30 ngày 01/05/2021)\n\nTháng 4/2021 "));
    assertTrue(RENDERER.render(finalApril(), RenderFormat.ARTICLE, Language.VI)
        .startsWith("Tháng 4/2021 "));
    Bulletin april = finalApril();
    List<Bulletin> units = List.of(
        Bulletin.ofUnit(april.publisher(), "2021-04", "D1", "Sở A", april.figures())
            .provisional(AS_OF));
    assertTrue(RENDERER.renderUnits(units, RenderFormat.MD, Language.EN, "department")
        .contains("*Provisional, data as of 2021-05-01 01:30*"));
    assertTrue(RENDERER.renderUnits(units, RenderFormat.HTML, Language.VI, "department")
        .contains("<em>Số liệu tạm tính đến 01:30 ngày 01/05/2021</em>"));
  }
}
