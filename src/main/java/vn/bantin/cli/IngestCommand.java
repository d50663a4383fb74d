package vn.bantin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.bantin.pipeline.Pipeline;

/** {@code bantin ingest}: extracts into the raw and cleaned tables, with the quarantine. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads every extract of a folder (hoso, danhgia, thutuc, donvi in .jsonl,"
        + " .json, .csv, .xlsx, optionally .gz) into the raw tables, then merges the new files'"
        + " records into the cleaned tables and the quarantine. Files already ingested are"
        + " skipped.",
        "Prints, per file, records read = loaded + quarantined."})
public final class IngestCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR", required = true,
      description = "The folder of extract files.")
  String input;

  @Mixin
  WarehouseOption warehouse;

  @Mixin
  AcceptOptions accept;

  @Override
  public Integer call() {
    Pipeline.checkInputFolder(input);
    try (Pipeline pipeline = Pipeline.start(warehouse.resolve())) {
      return pipeline.ingest(Location.resolve(input),
          accept.accept()).print(System.out).exitCode();
    }
  }
}
