package vn.bantin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bantin.cli.Cli;
import vn.bantin.SparkTestSession;
import vn.bantin.bulletin.ArticleSentences;
import vn.bantin.bulletin.ReferenceBulletin;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * The README's run command on {@code data-samples/}, in this JVM: every record reconciled, the
 * published Thái Bình bulletin of April 2021 reproduced figure for figure and percent for
 * percent, no personal data past the raw layer, and golden files for the gold tables and the
 * rendered bulletin.
 */
class DataSamplesEndToEndTest {
  static final String CENTRE = "000.00.54.H54";

  static Path warehouse;
  static Cli.Run run;

  @BeforeAll
  static void runTheJob() {
    // The suite's one run over data-samples (shared, read only), and what it printed.
    warehouse = vn.bantin.DataSamplesRun.get().warehouse();
    run = vn.bantin.DataSamplesRun.get().run();
  }

  @Test
  void theBulletinJsonIsThePublishedOne() throws IOException {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--format", "json");
    assertEquals(0, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode ours = json.readTree(r.out());
    JsonNode published = ReferenceBulletin.json();
    for (String key : List.of("publisher", "publisher_code", "period", "percent_style",
        "figures", "printed_percents")) {
      assertEquals(published.get(key), ours.get(key), key);
    }
    List<String> ourKeys = new ArrayList<>();
    ours.fieldNames().forEachRemaining(ourKeys::add);
    assertEquals(List.of("publisher", "publisher_code", "period", "percent_style", "figures",
        "printed_percents"), ourKeys);
    // Same figure order as the published file, too.
    assertEquals(names(published.get("figures")), names(ours.get("figures")));
  }

  @Test
  void everyRecordIsLoadedOrQuarantinedAndTheRunSaysSo() {
    assertTrue(run.out().contains("every record is loaded or quarantined"), run.out());
    Matcher total = Pattern.compile("all files in the warehouse\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)")
        .matcher(run.out());
    assertTrue(total.find(), run.out());
    long read = Long.parseLong(total.group(1));
    long loaded = Long.parseLong(total.group(2));
    long quarantined = Long.parseLong(total.group(3));
    assertEquals(read, loaded + quarantined);
    // The generator plants 10 bad records, one of them a conflicting pair: 11 rows.
    assertEquals(11, quarantined);
    SparkSession spark = SparkTestSession.get();
    Warehouse wh = new Warehouse(warehouse.toString());
    assertEquals(11, new TableStore(spark, wh).read(Table.QUARANTINE).count());
    long rawRecords = 0;
    for (Table t : List.of(Table.RAW_HOSO, Table.RAW_DANHGIA, Table.RAW_THUTUC,
        Table.RAW_DONVI)) {
      rawRecords += new TableStore(spark, wh).read(t).count();
    }
    assertEquals(read, rawRecords);
    assertTrue(run.out().contains("identities of metrics.md:"), run.out());
  }

  @Test
  void noPersonalDataPastTheRawLayer() {
    SparkSession spark = SparkTestSession.get();
    Warehouse wh = new Warehouse(warehouse.toString());
    List<String> forbidden = ExtractKind.PERSONAL_FIELDS.stream()
        .map(f -> f.toLowerCase(Locale.ROOT)).toList();
    // A value the generator wrote into the personal fields, to look for in every cleaned and
    // gold string column.
    Row applicant = new TableStore(spark, wh).read(Table.RAW_HOSO)
        .filter("SoDienThoai IS NOT NULL AND ChuHoSo IS NOT NULL").first();
    String phone = applicant.getAs("SoDienThoai");
    String name = applicant.getAs("ChuHoSo");
    for (Table t : Table.values()) {
      if (t.layer() == Layer.RAW || !new TableStore(spark, wh).exists(t)) {
        continue;
      }
      Dataset<Row> rows = new TableStore(spark, wh).read(t);
      for (String column : rows.columns()) {
        String c = column.toLowerCase(Locale.ROOT).replace("_", "");
        assertTrue(forbidden.stream().noneMatch(c::contains), t.qualifiedName() + "." + column);
      }
      String strings = java.util.Arrays.stream(rows.schema().fields())
          .filter(f -> f.dataType().sameType(org.apache.spark.sql.types.DataTypes.StringType))
          .map(f -> "coalesce(`" + f.name() + "`, '')").collect(Collectors.joining(", ' ', "));
      if (!strings.isEmpty()) {
        long hits = rows.selectExpr("concat(" + strings + ") AS s")
            .filter(org.apache.spark.sql.functions.col("s").contains(phone)
                .or(org.apache.spark.sql.functions.col("s").contains(name)))
            .count();
        assertEquals(0, hits, "personal data in " + t.qualifiedName());
      }
    }
  }

  @Test
  void goldTablesMatchTheirGoldenFiles() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Warehouse wh = new Warehouse(warehouse.toString());
    Golden.assertMatches("data-samples/gold.bulletin.csv", csv(new TableStore(spark, wh).read(Table.GOLD_BULLETIN).filter("publisher_code = '" + CENTRE + "'")
        .orderBy("period_kind", "period")));
    Golden.assertMatches("data-samples/gold.bulletin_by_department.2021-04.csv",
        csv(new TableStore(spark, wh).read(Table.GOLD_DEPARTMENT)
            .filter("publisher_code = '" + CENTRE + "' AND period = '2021-04'")
            .orderBy("unit_code")));
  }

  @Test
  void theRenderedVietnameseBulletinMatchesItsGoldenFile() throws IOException {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--format", "md", "--lang", "vi");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("7.790"), r.out());
    assertTrue(r.out().contains("81,9%"), r.out());
    Golden.assertMatches("data-samples/bulletin.2021-04.vi.md", r.out());
  }

  @Test
  void theArticleReadsAsThePublishedOneInEverySentenceWithAFigure() {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--format", "article");
    assertEquals(0, r.code(), r.err());
    assertEquals(ArticleSentences.withFigures(ReferenceBulletin.article()),
        ArticleSentences.withFigures(r.out()));
  }

  @Test
  void anArticleIsAMonthOfAPublisherWithAnArticleTemplateInVietnamese() {
    Cli.Run quarter = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-Q2", "--format", "article");
    assertEquals(2, quarter.code(), quarter.out());
    assertEquals("bantin: Cannot render the article of " + CENTRE + " for 2021-Q2: an article"
        + " covers one month (e.g. 2021-04), not a quarter; use --format md or html for a quarter"
        + " or a year\n", quarter.err());
    Cli.Run english = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--format", "article", "--lang", "en");
    assertEquals(2, english.code(), english.out());
    assertEquals("bantin: Cannot render the article in 'en': an article is the publisher's own"
        + " Vietnamese text and exists only in vi; use --format md or html for an English"
        + " bulletin\n", english.err());
    Cli.Run noTemplate = Cli.bantin("bulletin", "--warehouse", warehouse.toString(),
        "--publisher", "000.00.31.H54", "--period", "2021-04", "--format", "article");
    assertEquals(2, noTemplate.code(), noTemplate.out());
    assertEquals("bantin: Cannot render the article of 000.00.31.H54: no article template is"
        + " configured for this publisher (its entry in the publisher settings has no"
        + " \"article_template\"); use --format md or html\n", noTemplate.err());
  }

  @Test
  void aRangePrintsOneJsonObjectPerPeriodAndAllPrintsEveryMonth() throws IOException {
    Cli.Run range = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-03..2021-04");
    assertEquals(0, range.code(), range.err());
    List<String> lines = range.out().lines().toList();
    assertEquals(2, lines.size(), range.out());
    ObjectMapper json = new ObjectMapper();
    assertEquals("2021-03", json.readTree(lines.get(0)).get("period").asText());
    assertEquals("2021-04", json.readTree(lines.get(1)).get("period").asText());
    // carried over into April = pending at the end of March, read back through the CLI
    assertEquals(json.readTree(lines.get(0)).get("figures").get("pending"),
        json.readTree(lines.get(1)).get("figures").get("carried_over"));

    Cli.Run all = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "all");
    List<String> months = new ArrayList<>();
    for (String line : all.out().lines().toList()) {
      months.add(json.readTree(line).get("period").asText());
    }
    assertEquals(List.of("2021-02", "2021-03", "2021-04", "2021-05", "2021-06"), months);

    Cli.Run quarters = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "quarters");
    List<String> quarterPeriods = new ArrayList<>();
    for (String line : quarters.out().lines().toList()) {
      quarterPeriods.add(json.readTree(line).get("period").asText());
    }
    assertEquals(List.of("2021-Q1", "2021-Q2"), quarterPeriods, quarters.err());
    // The data ends in June: no year is complete, said in one line rather than printing nothing.
    Cli.Run years = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "years");
    assertEquals(2, years.code(), years.out());
    assertEquals("bantin: Cannot print the bulletin: " + CENTRE + " has no complete year yet"
        + " (months 2021-02..2021-06; a quarter or year exists once its last month does)",
        years.err().strip());
  }

  @Test
  void byDepartmentPrintsUnitsThatSumToTheCentre() throws IOException {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--by", "department");
    assertEquals(0, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    long received = 0;
    int units = 0;
    for (String line : r.out().lines().toList()) {
      JsonNode unit = json.readTree(line);
      assertTrue(unit.has("unit_code"), line);
      received += unit.get("figures").get("received_new").asLong();
      units++;
    }
    assertTrue(units >= 10, "departments: " + units);
    assertEquals(6562, received);
    // Named as the agency extract names them for the month.
    assertTrue(r.out().lines().anyMatch(l -> l.contains("\"unit_code\":\"000.00.02.H54\",\"unit_name\":"
        + "\"Sở Tư pháp\"")), r.out());

    // Markdown: one table, the departments side by side, their total the centre's own.
    Cli.Run md = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--by", "department", "--format", "md");
    assertEquals(0, md.code(), md.err());
    List<String> rows = md.out().lines().filter(l -> l.startsWith("|")).toList();
    assertEquals(units + 3, rows.size(), md.out()); // header, rule, units, total
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("| Sở Tư pháp (000.00.02.H54) |")),
        md.out());
    assertTrue(rows.get(rows.size() - 1).startsWith("| **Tổng cộng** | **7.790** | **6.562** |"
        + " **6.225** | **5.102 (81,9%)** | **1.123 (18,1%)** |"), rows.get(rows.size() - 1));
  }

  @Test
  void thePercentStyleCanBeOverriddenForOneRun() throws IOException {
    Cli.Run r = Cli.bantin("bulletin", "--warehouse", warehouse.toString(), "--publisher",
        CENTRE, "--period", "2021-04", "--percent-style", "half-up");
    assertEquals(0, r.code(), r.err());
    JsonNode b = new ObjectMapper().readTree(r.out());
    assertEquals("half-up", b.get("percent_style").asText());
    // 5.102/6.225 = 81,96% rounds to 82,0 where the centre truncates to 81,9.
    assertEquals("82,0", b.get("printed_percents").get("resolved_early").asText());
    assertEquals("0,44", b.get("printed_percents").get("survey_overall_3").asText());
  }

  @Test
  void anUnknownPublisherOrAPeriodOutsideTheDataIsAOneLineError() {
    Cli.Run unknown = Cli.bantin("bulletin", "--warehouse", warehouse.toString(),
        "--publisher", "000.00.99.H99", "--period", "2021-04");
    assertEquals(2, unknown.code());
    assertEquals("bantin: Cannot print the bulletin: publisher 000.00.99.H99 has no data in "
        + warehouse + " (publishers with data: 000.00.31.H54, 000.00.54.H54)\n",
        unknown.err());
    Cli.Run outside = Cli.bantin("bulletin", "--warehouse", warehouse.toString(),
        "--publisher", CENTRE, "--period", "2030-01");
    assertEquals(2, outside.code());
    assertEquals("bantin: Cannot print the bulletin: period 2030-01 is outside the data of "
        + CENTRE + " (months 2021-02..2021-06; a quarter or year exists once its last month"
        + " does)\n", outside.err());
    Cli.Run badStyle = Cli.bantin("bulletin", "--warehouse", warehouse.toString(),
        "--publisher", CENTRE, "--period", "2021-04", "--percent-style", "banker");
    assertEquals(2, badStyle.code());
    assertEquals(1, badStyle.err().lines().count(), badStyle.err());
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** A table as CSV text, a header then one line per row, every value as Spark prints it. */
  static String csv(Dataset<Row> rows) {
    StringBuilder b = new StringBuilder(String.join(",", rows.columns())).append('\n');
    for (Row r : rows.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        cells.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
      }
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }
}
