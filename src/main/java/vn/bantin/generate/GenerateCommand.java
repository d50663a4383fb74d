package vn.bantin.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bantin generate}: writes a seeded sample of extracts, optionally calibrated so that one
 * month's figures equal a published bulletin's. Option values are taken as text and checked
 * here, so that a bad one gives a one-line error and exit code 2, never a stack trace.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Writes a seeded sample of one-stop extracts (hoso, danhgia, thutuc, donvi) for the "
            + "Thái Bình provincial centre, in mixed formats with a few deliberately bad "
            + "records.",
        "With --calibrate, one month's figures equal the given bulletin's exactly."})
public final class GenerateCommand implements Callable<Integer> {

  /** Extract file names (the ones --force may replace). */
  private static final Pattern EXTRACT_NAME = Pattern.compile(
      "^(hoso|danhgia|thutuc|donvi)_\\d{8}(\\d{6})?\\.(jsonl|json|csv|xlsx)(\\.gz)?$");

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory to write to (required); created if absent.")
  String out;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + GeneratorOptions.DEFAULT_SEED)
  String seed;

  @Option(names = "--from", paramLabel = "yyyy-MM",
      description = "First month of dossier activity (default 2021-01, or 3 months before the "
          + "calibrated one).")
  String from;

  @Option(names = "--to", paramLabel = "yyyy-MM",
      description = "Last month of dossier activity (default 2021-06, or 2 months after the "
          + "calibrated one).")
  String to;

  @Option(names = "--calibrate", paramLabel = "FILE",
      description = "A published bulletin (JSON, like thai-binh-2021-04.json) whose month "
          + "must come out with exactly its figures.")
  String calibrate;

  @Option(names = "--volume", paramLabel = "X", defaultValue = "1.0",
      description = "Volume multiplier of the natural months (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--force",
      description = "Write into a non-empty directory; extract files already there are "
          + "deleted first.")
  boolean force;

  @Option(names = "--scale",
      description = "Streaming generator for large volumes (needs --dossiers, --from, --to).")
  boolean scaleMode;

  @Option(names = "--dossiers", paramLabel = "N",
      description = "With --scale: about how many dossiers in all.")
  String dossiers;

  @Option(names = "--gzip", description = "With --scale: write .jsonl.gz.")
  boolean gzip;

  @Option(names = "--dump",
      description = "With --scale: one file per kind after the last month instead of monthly "
          + "extracts.")
  boolean dump;

  @Override
  public Integer call() {
    PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err,
        true);
    PrintWriter outw = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out,
        true);
    if (scaleMode) {
      return vn.bantin.generate.scale.ScaleCommand.run(this, out, seed, dossiers, from, to,
          calibrate, gzip, dump, force, outw, err);
    }
    if (dossiers != null || gzip || dump) {
      err.println("generate: --dossiers, --gzip and --dump need --scale");
      err.flush();
      return 2;
    }
    GeneratorOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      err.println("generate: " + e.getMessage());
      err.flush();
      return 2;
    }
    try {
      prepare(options.out(), options.force());
      GeneratedSample s = SampleGenerator.generate(options);
      report(s, outw);
      return 0;
    } catch (CalibrationException | IllegalArgumentException e) {
      err.println("generate: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("generate: cannot write " + options.out() + ": " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /** The options, checked; IllegalArgumentException with a one-line message when bad. */
  GeneratorOptions options() {
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    long s;
    try {
      s = Long.parseLong(seed.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got '" + seed + "'");
    }
    double x;
    try {
      x = Double.parseDouble(scale.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--volume must be a number, got '" + scale + "'");
    }
    if (!(x > 0 && x <= 20)) {
      throw new IllegalArgumentException("--volume must be > 0 and ≤ 20, got '" + scale + "'");
    }
    Path cal = null;
    if (calibrate != null) {
      cal = Paths.get(calibrate);
      if (!Files.isRegularFile(cal)) {
        throw new IllegalArgumentException("--calibrate: no such file '" + calibrate + "'");
      }
    }
    Path dir = Paths.get(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out '" + out + "' is not a directory");
    }
    GeneratorOptions o = new GeneratorOptions(dir, s, month("--from", from), month("--to", to),
        cal, x, force);
    // check the span now (one-line message), bulletin included
    SampleGenerator.span(o, cal == null ? null : Bulletin.read(cal));
    return o;
  }

  private static YearMonth month(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a month yyyy-MM, got '" + value
          + "'");
    }
  }

  /** Empties DIR of extracts (with force), or refuses a non-empty one. */
  public static void prepare(Path dir, boolean force) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> present;
    try (Stream<Path> s = Files.list(dir)) {
      present = s.sorted().toList();
    }
    if (present.isEmpty()) {
      return;
    }
    if (!force) {
      throw new IllegalArgumentException("--out " + dir + " is not empty (use --force to "
          + "replace the extracts there)");
    }
    for (Path p : present) {
      if (Files.isRegularFile(p) && EXTRACT_NAME.matcher(p.getFileName().toString()).matches()) {
        Files.delete(p);
      }
    }
  }

  private static void report(GeneratedSample s, PrintWriter w) {
    w.printf("Wrote %d files to %s (months %s .. %s, seed %d, scale %s):%n", s.files().size(),
        s.writtenTo(), s.from(), s.to(), s.options().seed(), s.options().scale());
    long total = 0;
    for (WrittenFile f : s.files()) {
      w.printf("  %-34s %8d records %10d bytes%n", f.fileName(), f.records(), f.bytes());
      total += f.bytes();
    }
    w.printf("  %d dossiers, %d ballots, %d catalogue versions, %d bad records; %d bytes in all%n",
        s.dossiers().size(), s.ballots().size(), s.catalogue().size(), s.badRecords().size(),
        total);
    if (s.bulletin() != null) {
      w.printf("  calibrated %s of %s to %s (all 31 figures)%n", s.bulletin().period(),
          s.publisherCode(), s.bulletin().fileName());
    }
    w.flush();
  }
}
