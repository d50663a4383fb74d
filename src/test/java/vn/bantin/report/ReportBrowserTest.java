package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.cli.Cli;
import vn.bantin.gold.Trends;
import vn.bantin.metrics.Figure;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * The report as a reader gets it: {@code bantin report} on a small two-year warehouse (gold.trends
 * computed by {@link Trends} from inline monthly rows of 2020 and 2021: a publisher and three
 * departments, one of them new in 2021), then the file opened in headless Chromium (the Debian
 * package, as CI installs it). It must render with no console message, show every chart with its
 * lines drawn, keep its Vietnamese text, and leave a PNG screenshot in
 * {@code target/report-browser/}.
 *
 * <p>Console messages are read from Chromium's own log ({@code --enable-logging=stderr}), which
 * prints each as {@code INFO:CONSOLE…] "message", source: …}; the test first opens a page with a
 * deliberate script error and requires the detector to see it, so a Chromium that stopped logging
 * cannot pass the check silently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
  private static final String P = "000.00.54.H54";
  private static final Path CHROMIUM = Path.of(System.getProperty("bantin.chromium",
      "/usr/bin/chromium"));
  private static final Path ARTEFACTS = Path.of("target", "report-browser");
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[^\\]]*\\] (.*)");

  @TempDir
  static Path tmp;

  private Path warehouse;

  @BeforeAll
  void twoYearWarehouse() {
    SparkSession spark = SparkTestSession.get();
    warehouse = tmp.resolve("warehouse");
    List<Row> publisher = new ArrayList<>();
    List<Row> departments = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2020, 1); !m.isAfter(YearMonth.of(2021, 12));
        m = m.plusMonths(1)) {
      int k = m.getMonthValue();
      boolean second = m.getYear() == 2021;
      // D1 steady and busier in 2021; D2 slower in 2021; D3 opened in January 2021.
      long[] d1 = month(300 + 10 * k + (second ? 60 : 0), second ? 4 : 8);
      long[] d2 = month(250 + 5 * k - (second ? 40 : 0), second ? 30 : 12);
      long[] d3 = second ? month(100 + k, 2) : null;
      departments.add(unitRow("D1", m, d1));
      departments.add(unitRow("D2", m, d2));
      if (d3 != null) {
        departments.add(unitRow("D3", m, d3));
      }
      long[] all = d3 == null ? add(d1, d2) : add(add(d1, d2), d3);
      publisher.add(publisherRow(m, all, 40 + k, second ? 30 + k : 20 + k));
    }
    Dataset<Row> pub = spark.createDataFrame(publisher, schema(false));
    Dataset<Row> dep = spark.createDataFrame(departments, schema(true));
    TableStore store = new TableStore(spark, new Warehouse(warehouse.toString()));
    store.sync(Table.GOLD_TRENDS, Trends.of(pub, dep, dep.limit(0)));
    // Published as a completed build publishes: readers follow the versions in gold.builds.
    store.replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(List.of(
        org.apache.spark.sql.RowFactory.create("test", "", java.time.Instant.now(),
            vn.bantin.store.PublishedGold.format(java.util.Map.of(Table.GOLD_TRENDS,
                store.version(Table.GOLD_TRENDS))))), vn.bantin.gold.GoldSchemas.builds()),
        List.of("test"));
  }

  /** The report in Vietnamese opened in Chromium: no console message, charts drawn, text kept. */
  @Test
  void theReportRendersInChromiumWithEveryChartAndItsVietnameseText() throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), "Cannot run the browser test: " + CHROMIUM
        + " is missing. Install it with 'apt-get install -y chromium fonts-dejavu-core' (CI"
        + " installs it in .ci/run), or point -Dbantin.chromium at a Chromium.");
    Files.createDirectories(ARTEFACTS);

    // The detector must see a deliberate error, or "no console error" below proves nothing.
    Path broken = tmp.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><html><body><p>x</p>"
        + "<script>undefinedFunction();</script></body></html>");
    Browser seen = chromium(broken, "--dump-dom");
    assertTrue(seen.console().stream().anyMatch(m -> m.contains("undefinedFunction")),
        "Cannot detect console errors: Chromium logged none for a page with a script error:\n"
            + seen.log());

    Path html = tmp.resolve("report-2021-vi.html");
    Cli.Run run = Cli.bantin("report", "--warehouse", warehouse.toString(), "--publisher", P,
        "--year", "2021", "--out", html.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    Files.copy(html, ARTEFACTS.resolve("report-2021-vi.html"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String source = Files.readString(html);
    // Self-contained: nothing fetched from anywhere.
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(source).find(),
        "the report refers to an external resource");
    assertFalse(source.contains("<script"), "the report needs no script");

    Browser page = chromium(html, "--dump-dom");
    assertEquals(List.of(), page.console(), "console messages of the report:\n" + page.log());
    String dom = page.out();
    assertTrue(dom.contains("</html>"), "Chromium dumped no document:\n" + page.log());
    for (String text : List.of("Số hồ sơ tiếp nhận", "đúng hạn", "Tỷ lệ rất hài lòng",
        "không có số liệu cùng kỳ", "so với cùng kỳ năm 2020")) {
      assertTrue(dom.contains(text), "the rendered page lost the text '" + text + "'");
    }

    // Every charted measure has a figure whose SVG holds both years' lines: both years have
    // every month, so each series is eleven segments from January to December.
    List<String> measures = new ArrayList<>();
    Matcher figure = Pattern.compile("<figure class=\"chart\"[^>]*data-measure=\"([^\"]+)\"[^>]*>"
        + "(.*?)</figure>", Pattern.DOTALL).matcher(dom);
    while (figure.find()) {
      String measure = figure.group(1);
      String body = figure.group(2);
      measures.add(measure);
      assertTrue(body.contains("<svg"), "chart " + measure + " has no svg");
      assertEquals(11, segments(body, ReportCharts.YEAR), "chart " + measure + ", 2021");
      assertEquals(11, segments(body, ReportCharts.YEAR_BEFORE), "chart " + measure + ", 2020");
    }
    assertEquals(ReportWording.CHARTED, measures);

    // D3 is new in 2021: marked, never given an arrow or a change.
    Matcher d3 = Pattern.compile("<td>D3</td>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
    assertTrue(d3.find(), "no row for D3");
    assertTrue(d3.group(1).contains("không có số liệu cùng kỳ"), d3.group(1));
    assertFalse(d3.group(1).contains("▲") || d3.group(1).contains("▼"), d3.group(1));
    assertTrue(dom.contains("▲") && dom.contains("▼"), "year-over-year arrows missing");

    Path png = ARTEFACTS.resolve("report-2021-vi.png");
    Files.deleteIfExists(png);
    chromium(html, "--hide-scrollbars", "--window-size=1280,2600",
        "--screenshot=" + png.toAbsolutePath());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 20_000, "screenshot of " + bytes.length + " bytes");
    assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
  }

  @Test
  void aPublisherOrYearWithoutDataIsOneLineAndExitTwo() {
    Path out = tmp.resolve("x.html");
    Cli.Run run = Cli.bantin("report", "--warehouse", warehouse.toString(), "--publisher",
        "000.00.99.H99", "--year", "2021", "--out", out.toString());
    assertEquals(2, run.code());
    assertEquals(List.of("bantin: Cannot build the report: publisher 000.00.99.H99 has no data"
        + " in " + warehouse + " (publishers with data: " + P + ")"), run.errLines());
    run = Cli.bantin("report", "--warehouse", warehouse.toString(), "--publisher", P, "--year",
        "2019", "--out", out.toString());
    assertEquals(2, run.code());
    assertEquals(List.of("bantin: Cannot build the report: publisher " + P + " has no data in"
        + " 2019 (its months: 2020-01..2021-12)"), run.errLines());
    assertFalse(Files.exists(out));
  }

  /**
   * Line segments of a series drawn in the plot: JFreeChart draws each step between two months
   * as one {@code <line>} in the series' colour, and the legend's sample as a path, so only
   * data are counted. A segment must have length (its two ends differ in x).
   */
  private static int segments(String svg, java.awt.Color colour) {
    Matcher m = Pattern.compile("<line x1=\"([-0-9.]+)\" y1=\"[-0-9.]+\" x2=\"([-0-9.]+)\""
        + " y2=\"[-0-9.]+\" style=\"[^\"]*stroke:rgb\\(" + colour.getRed() + ","
        + colour.getGreen() + "," + colour.getBlue() + "\\)").matcher(svg);
    int n = 0;
    while (m.find()) {
      if (Double.parseDouble(m.group(1)) != Double.parseDouble(m.group(2))) {
        n++;
      }
    }
    return n;
  }

  /** What Chromium printed for one page: the document (or nothing) and its log. */
  private record Browser(String out, String log) {
    List<String> console() {
      List<String> messages = new ArrayList<>();
      Matcher m = CONSOLE.matcher(log);
      while (m.find()) {
        messages.add(m.group(1));
      }
      return messages;
    }
  }

  private Browser chromium(Path page, String... action) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    command.addAll(Arrays.asList(action));
    command.add(page.toUri().toString());
    Path out = tmp.resolve(profile.getFileName() + ".out");
    Path err = tmp.resolve(profile.getFileName() + ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not finish within 90 s: " + command);
    }
    return new Browser(Files.readString(out), Files.readString(err));
  }

  // ---- gold monthly rows, only the figures the report's measures read ----

  /** received, resolved (early / on time / late), returned for a unit's month. */
  private static long[] month(long received, long late) {
    long resolved = received - 5;
    return new long[] {received, resolved, resolved / 4, resolved - resolved / 4 - late, late, 3};
  }

  private static long[] add(long[] a, long[] b) {
    long[] s = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }

  private static final List<Figure> SET = List.of(Figure.RECEIVED_NEW, Figure.RESOLVED,
      Figure.RESOLVED_EARLY, Figure.RESOLVED_ON_TIME, Figure.RESOLVED_LATE, Figure.RETURNED);

  private static StructType schema(boolean unit) {
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

  private static Row unitRow(String unit, YearMonth m, long[] f) {
    return row(unit, m, f, 0, 0);
  }

  private static Row publisherRow(YearMonth m, long[] f, long ballots, long verySatisfied) {
    return row(null, m, f, ballots, verySatisfied);
  }

  /** A month row; online level 3–4 is half the resolved, two thirds of it received online. */
  private static Row row(String unit, YearMonth m, long[] f, long ballots, long verySatisfied) {
    List<Object> v = new ArrayList<>(List.of(P));
    if (unit != null) {
      v.add(unit);
    }
    v.addAll(List.of(m.toString(), "month", Date.valueOf(m.atDay(1))));
    long online = f[1] / 2;
    for (Figure fig : Figure.values()) {
      if (unit != null && fig.isSurvey()) {
        continue;
      }
      int i = SET.indexOf(fig);
      long value = i >= 0 ? f[i]
          : fig == Figure.ONLINE_L34_RESOLVED ? online
          : fig == Figure.ONLINE_L34_RECEIVED_ONLINE
              ? online * 2 / 3 + (m.getYear() == 2021 ? m.getMonthValue() : 0)
          : fig == Figure.SURVEY_BALLOTS ? ballots
          : fig == Figure.SURVEY_OVERALL_1 ? verySatisfied
          : fig == Figure.SURVEY_OVERALL_2 ? ballots - verySatisfied : 0;
      v.add(value);
    }
    return RowFactory.create(v.toArray());
  }
}
