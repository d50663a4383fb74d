package vn.bantin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.bantin.UserError;
import vn.bantin.bulletin.BulletinRenderer;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.PercentStyle;
import vn.bantin.bulletin.RenderFormat;
import vn.bantin.query.BulletinQuery;
import vn.bantin.query.KernelTableRows;

/** {@code bantin bulletin}: prints bulletins from the gold tables. */
@Command(name = "bulletin", mixinStandardHelpOptions = true,
    description = {"Prints a publisher's bulletin from the gold tables, as JSON (the shape of"
        + " the published bulletins), Markdown or HTML, in Vietnamese or English; or a month"
        + " as the publisher's own article, in its own Vietnamese sentences."})
public final class BulletinCommand implements Callable<Integer> {
  @Mixin
  WarehouseOption warehouse;

  @Mixin
  PublishersOption publishers;

  @Mixin
  PublisherCodeOption publisher;

  @Option(names = "--period", paramLabel = "PERIOD", required = true,
      description = "2021-04, 2021-Q2, 2021, a range 2021-01..2021-12, all or months (every"
          + " month), quarters (every quarter) or years (every year).")
  String period;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json, md, html or article (a month in the publisher's own sentences,"
          + " from the article template its settings name; Vietnamese only)."
          + " Default: ${DEFAULT-VALUE}")
  String format;

  @Mixin
  LanguageOption lang;

  @Option(names = "--by", paramLabel = "UNIT",
      description = "department, sector or procedure: the same figures per unit.")
  String by;

  @Option(names = "--percent-style", paramLabel = "STYLE",
      description = "truncate-remainder or half-up, overriding the publisher's for this run.")
  String percentStyle;

  @Override
  public Integer call() {
    // Every argument is checked before Spark starts.
    RenderFormat renderFormat = format.equals("json") ? null : RenderFormat.parse(format);
    Language language = lang.language();
    if (renderFormat == RenderFormat.ARTICLE) {
      BulletinRenderer.checkArticleLanguage(language);
    }
    PercentStyle style = percentStyle == null ? null : PercentStyle.parse(percentStyle);
    if (by != null) {
      BulletinQuery.unitTable(by);
    }
    if (!BulletinQuery.EVERY.containsKey(period) && !period.matches("[0-9Q.-]+")) {
      throw new UserError("Cannot print the bulletin: period '" + period + "' is not a period"
          + " (2021-04, 2021-Q2, 2021), a range FROM..TO, all, months, quarters or years");
    }
    var settings = publishers.load();
    // No Spark: the gold tables are read with Delta Kernel, so a query takes a moment.
    var wh = warehouse.resolve();
    var query = new BulletinQuery(new KernelTableRows(wh, new org.apache.hadoop.conf.Configuration()),
        wh, settings);
    System.out.println(BulletinQuery.render(query.query(publisher.code(), period, by, style),
        renderFormat, language, by));
    return 0;
  }
}
