package vn.bantin.bulletin;

import vn.bantin.metrics.Figure;
import java.util.EnumMap;
import java.util.Map;

/** Tiny fixtures: all 31 figures zero except the ones a test names. */
final class TestFigures {
  private TestFigures() {}

  /** Figures with every figure zero, then {@code pairs} (Figure, Long/Integer, …) set. */
  static Map<Figure, Long> with(Object... pairs) {
    Map<Figure, Long> figures = new EnumMap<>(Figure.class);
    for (Figure f : Figure.values()) {
      figures.put(f, 0L);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      figures.put((Figure) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return figures;
  }
}
