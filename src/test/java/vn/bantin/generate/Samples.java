package vn.bantin.generate;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import vn.bantin.metrics.Figure;

/** Samples built once per test run (in memory), shared by the tests. */
final class Samples {
  private static GeneratedSample defaults;
  private static GeneratedSample calibrated;

  private Samples() {}

  static Path thaiBinh() {
    try {
      return Path.of(Samples.class.getResource("thai-binh-2021-04.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized GeneratedSample defaults() {
    if (defaults == null) {
      defaults = SampleGenerator.build(GeneratorOptions.defaults(null));
    }
    return defaults;
  }

  static synchronized GeneratedSample calibrated() {
    if (calibrated == null) {
      calibrated = SampleGenerator.build(
          GeneratorOptions.defaults(null).withCalibration(thaiBinh()));
    }
    return calibrated;
  }

  /** The figures that differ, as "key expected→actual", for assertion messages. */
  static String diff(Map<Figure, Long> expected, Map<Figure, Long> actual) {
    StringBuilder sb = new StringBuilder();
    for (Figure f : Figure.values()) {
      if (!expected.get(f).equals(actual.get(f))) {
        sb.append(f.key()).append(' ').append(expected.get(f)).append("→")
            .append(actual.get(f)).append("; ");
      }
    }
    return sb.toString();
  }
}
