package vn.bantin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.bantin.UserError;
import vn.bantin.bulletin.BulletinPeriod;
import vn.bantin.bulletin.BulletinRenderer;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.RenderFormat;
import vn.bantin.query.BulletinQuery;
import vn.bantin.pipeline.Pipeline;

/** {@code bantin run}: ingest, cleaned and gold, then optionally print one bulletin. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the whole job: ingest the extracts, rebuild the cleaned tables, compute"
        + " every figure of every period into the gold tables, check the identities, and print"
        + " a one-screen summary."})
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data-samples",
      description = "The folder of extract files. Default: ${DEFAULT-VALUE}")
  String input;

  @Mixin
  WarehouseOption warehouse;

  @Mixin
  PublishersOption publishers;

  @Mixin
  AcceptOptions accept;

  @Mixin
  SuccessionsOption successions;

  @Option(names = "--show-period", paramLabel = "PERIOD",
      description = "After the run, print the bulletin of this period (e.g. 2021-04) for"
          + " every publisher with data.")
  String showPeriod;

  @Option(names = "--show-publisher", paramLabel = "CODE",
      description = "With --show-period: print only this publisher's bulletin.")
  String showPublisher;

  @Option(names = "--show-format", paramLabel = "FORMAT", defaultValue = "md",
      description = "Format of the bulletin printed after the run: json, md, html or article"
          + " (with --show-publisher)."
          + " Default: ${DEFAULT-VALUE}")
  String showFormat;

  @Override
  public Integer call() {
    Pipeline.checkInputFolder(input);
    var settings = publishers.load();
    var declared = successions.load();
    RenderFormat format = showFormat.equals("json") ? null : RenderFormat.parse(showFormat);
    if (showPeriod != null) {
      BulletinPeriod.parse(showPeriod);
    }
    if (format == RenderFormat.ARTICLE) {
      // Said before the run, not after it.
      if (showPublisher == null) {
        throw new UserError("Cannot show the article: give --show-publisher, the publisher whose"
            + " article it is");
      }
      BulletinRenderer.articleTemplate(settings.settingsFor(showPublisher));
    }
    try (Pipeline pipeline = Pipeline.start(warehouse.resolve())) {
      Pipeline.Report report = pipeline.ingest(Location.resolve(input),
          accept.accept()).print(System.out);
      if (report.exitCode() != 0) {
        return report.exitCode();
      }
      pipeline.gold(settings, declared).print(System.out);
      if (showPeriod != null) {
        System.out.println();
        var bulletins = pipeline.bulletins(settings);
        System.out.println(showPublisher == null
            ? bulletins.forAllPublishers(showPeriod, format, Language.VI)
            : BulletinQuery.render(bulletins.query(showPublisher, showPeriod, null, null), format,
                Language.VI));
      }
      return 0;
    }
  }
}
