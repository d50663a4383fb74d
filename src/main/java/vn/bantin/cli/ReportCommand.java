package vn.bantin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.bantin.UserError;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.PublisherSettings;
import vn.bantin.query.BulletinQuery;
import vn.bantin.query.KernelTableRows;
import vn.bantin.query.YearOverYearQuery;
import vn.bantin.report.ReportRenderer;
import vn.bantin.report.YearOverYearReport;

/** {@code bantin report}: the year-over-year report of a publisher, as one HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a publisher's year-over-year report: one self-contained HTML file"
        + " (charts of every month against the year before, departments ranked by on-time"
        + " rate, the largest changes in words), from gold.trends."})
public final class ReportCommand implements Callable<Integer> {
  @Mixin
  WarehouseOption warehouse;

  @Mixin
  PublishersOption publishers;

  @Mixin
  PublisherCodeOption publisher;

  @Option(names = "--year", paramLabel = "YYYY", required = true,
      description = "The year, compared with the year before, e.g. 2021.")
  int year;

  @Mixin
  LanguageOption lang;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The HTML file to write.")
  Path out;

  @Override
  public Integer call() {
    // Every argument is checked before a table is read.
    Language language = lang.language();
    if (year < 1900 || year > 2999) {
      throw new UserError("Cannot build the report: --year " + year + " is not a year");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("Cannot write the report: folder " + parent + " does not exist");
    }
    var settings = publishers.load();
    var wh = warehouse.resolve();
    // No Spark: gold.trends is read with Delta Kernel.
    var tables = new KernelTableRows(wh, new org.apache.hadoop.conf.Configuration());
    var data = new YearOverYearQuery(tables, wh).query(publisher.code(), year);
    PublisherSettings named = new BulletinQuery(tables, wh, settings).settingsFor(publisher.code());
    String name = language == Language.EN ? named.englishName() : named.name();
    String html = new ReportRenderer().render(YearOverYearReport.of(data, name, language));
    try {
      Files.writeString(out, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("Cannot write the report to " + out + ": " + e.getMessage());
    }
    System.out.println("report: " + out + " (" + publisher.code() + ", " + year + " against "
        + (year - 1) + ", months 1–" + data.lastMonth() + ")");
    return 0;
  }
}
