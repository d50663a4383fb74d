package vn.bantin.generate.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import vn.bantin.generate.GenerateCommand;

/** The {@code --scale} branch of {@code bantin generate}: checks options, runs, reports. */
public final class ScaleCommand {
  private ScaleCommand() {}

  public static int run(GenerateCommand cmd, String out, String seed, String dossiers,
      String from, String to, String calibrate, boolean gzip, boolean dump, boolean force,
      PrintWriter outw, PrintWriter err) {
    ScaleGenerator.Options o;
    try {
      o = options(out, seed, dossiers, from, to, calibrate, gzip, dump);
      GenerateCommand.prepare(o.out(), force);
    } catch (IllegalArgumentException e) {
      err.println("generate: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("generate: cannot write " + out + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      ScaleGenerator.Result r = ScaleGenerator.generate(o);
      outw.printf("Wrote %d files to %s (%s .. %s, seed %d, %d dossiers, %d ballots):%n",
          r.files().size(), o.out(), o.from(), o.to(), o.seed(), r.dossiers(), r.ballots());
      for (ScaleGenerator.Written w : r.files()) {
        outw.printf("  %-36s %10d records %13d bytes%n", w.name(), w.records(), w.bytes());
      }
      long planted = 0;
      for (int p : r.planted()) {
        planted += p;
      }
      outw.printf("  %d records (%d planted bad to be quarantined), %d bytes in %.1f s: %.0f records/s%n",
          r.records(), planted, r.bytes(), r.seconds(), r.records() / Math.max(r.seconds(), 1e-9));
      outw.flush();
      return 0;
    } catch (IOException | UncheckedIOException e) {
      err.println("generate: cannot write " + out + ": " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  static ScaleGenerator.Options options(String out, String seed, String dossiers, String from,
      String to, String calibrate, boolean gzip, boolean dump) {
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    if (calibrate != null) {
      throw new IllegalArgumentException("--calibrate cannot be used with --scale");
    }
    long s;
    try {
      s = Long.parseLong(seed.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got '" + seed + "'");
    }
    if (dossiers == null) {
      throw new IllegalArgumentException("--scale needs --dossiers N");
    }
    long n;
    try {
      n = Long.parseLong(dossiers.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--dossiers must be a whole number, got '" + dossiers
          + "'");
    }
    if (n < 1 || n > 100_000_000L) {
      throw new IllegalArgumentException("--dossiers must be 1 .. 100000000, got " + n);
    }
    YearMonth f = month("--from", from);
    YearMonth t = month("--to", to);
    if (f.isBefore(ScaleGenerator.FIRST) || t.isAfter(ScaleGenerator.LAST)) {
      throw new IllegalArgumentException("--from/--to must lie within "
          + ScaleGenerator.FIRST + " .. " + ScaleGenerator.LAST);
    }
    if (t.isBefore(f)) {
      throw new IllegalArgumentException("--to " + t + " is before --from " + f);
    }
    Path dir = Paths.get(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out '" + out + "' is not a directory");
    }
    return new ScaleGenerator.Options(dir, s, n, f, t, gzip, dump);
  }

  private static YearMonth month(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException("--scale needs " + option + " yyyy-MM");
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a month yyyy-MM, got '" + value
          + "'");
    }
  }
}
