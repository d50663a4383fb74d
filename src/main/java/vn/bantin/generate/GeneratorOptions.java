package vn.bantin.generate;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * What to generate.
 *
 * @param out the directory to write to (may be null for {@link SampleGenerator#build})
 * @param seed the one seed every random choice derives from
 * @param from first month of dossier activity; null = the default (or, when calibrating, three
 *     months before the bulletin's)
 * @param to last month; null = the default (or, when calibrating, two months after)
 * @param calibrate a published bulletin to match exactly, or null
 * @param scale volume multiplier for the natural months
 * @param force write into a non-empty directory (extract files there are replaced)
 */
public record GeneratorOptions(Path out, long seed, YearMonth from, YearMonth to,
    Path calibrate, double scale, boolean force) {

  public static final long DEFAULT_SEED = 20210430L;
  public static final YearMonth DEFAULT_FROM = YearMonth.of(2021, 1);
  public static final YearMonth DEFAULT_TO = YearMonth.of(2021, 6);
  /** The months the generator can model (the calendar's holidays; Thái Bình until mid-2025). */
  public static final YearMonth EARLIEST = YearMonth.of(2019, 1);
  public static final YearMonth LATEST = YearMonth.of(2025, 6);

  /** The defaults, writing to {@code out}. */
  public static GeneratorOptions defaults(Path out) {
    return new GeneratorOptions(out, DEFAULT_SEED, null, null, null, 1.0, false);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(out, s, from, to, calibrate, scale, force);
  }

  public GeneratorOptions withSpan(YearMonth f, YearMonth t) {
    return new GeneratorOptions(out, seed, f, t, calibrate, scale, force);
  }

  public GeneratorOptions withCalibration(Path bulletin) {
    return new GeneratorOptions(out, seed, from, to, bulletin, scale, force);
  }

  public GeneratorOptions withScale(double s) {
    return new GeneratorOptions(out, seed, from, to, calibrate, s, force);
  }

  public GeneratorOptions withOut(Path o, boolean f) {
    return new GeneratorOptions(o, seed, from, to, calibrate, scale, f);
  }
}
