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
import vn.bantin.query.PublicationsText;
import vn.bantin.query.PublishedBulletins;
import vn.bantin.query.RevisionsText;
import vn.bantin.pipeline.Publish;
import vn.bantin.store.Publication;

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

  @Option(names = "--publish",
      description = "Record that this period's bulletin is published (in gold.publications:"
          + " the table versions, settings and a digest of its figures), then print it.")
  boolean publish;

  @Option(names = "--as-published",
      description = "Print the period's bulletin exactly as it was last published (or as"
          + " --publication was), whatever was loaded since (the gold tables as of the versions"
          + " recorded).")
  boolean asPublished;

  @Option(names = "--revisions",
      description = "List the figures of the period's last publication that are different now,"
          + " publisher and departments (or --by), with the change; as json or md.")
  boolean revisions;

  @Option(names = "--publications",
      description = "List every publication of the period, oldest first: its id, when and by"
          + " whom, the table versions it was read from; as json (one line each) or md.")
  boolean publications;

  @Option(names = "--publication", paramLabel = "ID",
      description = "With --as-published or --revisions: that publication of the period (its"
          + " id, or as much of its start as is unique) instead of the last one.")
  String publicationId;

  @Override
  public Integer call() {
    int modes = (publish ? 1 : 0) + (asPublished ? 1 : 0) + (revisions ? 1 : 0)
        + (publications ? 1 : 0);
    if (modes > 1) {
      throw new UserError("Cannot print the bulletin: --publish, --as-published, --revisions"
          + " and --publications go one at a time");
    }
    if (publicationId != null && !asPublished && !revisions) {
      throw new UserError("Cannot print the bulletin: --publication chooses the publication"
          + " that --as-published prints or --revisions compares with; give one of them");
    }
    if (publications && by != null) {
      throw new UserError("Cannot list the publications: --by does not go with --publications"
          + " (a publication holds the publisher's bulletin and all its units)");
    }
    if (publicationId != null && publicationId.isBlank()) {
      throw new UserError("Cannot print the bulletin: --publication needs an id ("
          + "'bantin bulletin --period " + period + " --publications' lists them)");
    }
    if ((asPublished || revisions) && percentStyle != null) {
      throw new UserError("Cannot print the bulletin: --percent-style does not go with "
          + (asPublished ? "--as-published" : "--revisions") + " (a published bulletin keeps"
          + " the style it was published in)");
    }
    if ((revisions || publications) && !format.equals("json") && !format.equals("md")) {
      throw new UserError("Cannot list the " + (revisions ? "revisions" : "publications")
          + ": --format takes json or md, not '" + format + "'");
    }
    // Every argument is checked before Spark starts.
    RenderFormat renderFormat = format.equals("json") || revisions || publications ? null
        : RenderFormat.parse(format);
    Language language = lang.language();
    if (renderFormat == RenderFormat.ARTICLE) {
      BulletinRenderer.checkArticleLanguage(language);
    }
    PercentStyle style = percentStyle == null ? null : PercentStyle.parse(percentStyle);
    if (by != null) {
      BulletinQuery.unitTable(by);
    }
    if (modes == 1) {
      return published(renderFormat, language, style);
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

  /** The publication --publication names, else the period's last one. */
  private Publication chosen(PublishedBulletins reader, String what) {
    return publicationId == null ? reader.latest(publisher.code(), period, what)
        : reader.withId(publisher.code(), period, publicationId.strip(), what);
  }

  /** --publish, --as-published, --revisions or --publications, with the arguments checked. */
  private int published(RenderFormat renderFormat, Language language, PercentStyle style) {
    var wh = warehouse.resolve();
    var reader = new PublishedBulletins(wh, new org.apache.hadoop.conf.Configuration());
    if (publications) {
      var all = reader.ofPeriod(publisher.code(), period);
      System.out.println(format.equals("md") ? PublicationsText.markdown(all, language)
          : PublicationsText.jsonLines(all));
      if (all.isEmpty()) {
        System.err.println("the bulletin " + period + " of " + publisher.code()
            + " was never published");
      }
      return 0;
    }
    if (revisions) {
      var changes = reader.revisions(chosen(reader, "list the revisions"),
          by == null ? "department" : by);
      System.out.println(format.equals("md") ? RevisionsText.markdown(changes, language)
          : RevisionsText.json(changes));
      return 0;
    }
    Publication publication = publish
        ? Publish.publish(wh, publishers.load(), publisher.code(), period, style)
        : chosen(reader, "print the bulletin as published");
    System.out.println(BulletinQuery.render(reader.asPublished(publication, by), renderFormat,
        language, by));
    System.err.println((publish ? "published " : "as published ") + publication.period()
        + " of " + publication.publisherCode() + (publish ? "" : " on "
        + publication.publishedAt() + " by " + publication.publishedBy()) + " (publication "
        + publication.id() + ": " + vn.bantin.store.PublishedGold.format(publication.versions())
        + ")");
    return 0;
  }
}
