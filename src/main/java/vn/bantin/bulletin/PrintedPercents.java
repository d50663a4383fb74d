package vn.bantin.bulletin;

import vn.bantin.metrics.Split;
import vn.bantin.metrics.Share;
import vn.bantin.metrics.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The percents a bulletin prints, cut by the publisher's {@link PercentStyle} (metrics.md).
 *
 * <p>Only shares that print as a number are returned: a share whose numerator is zero prints as
 * "none" (không có) and one whose denominator is zero does not exist, so neither is in the result
 * (in the bulletin JSON their key is absent). A share that is not zero but cuts to zero is
 * returned as {@code 0,0} (or {@code 0,00}).
 *
 * <p>Arithmetic is exact (BigDecimal), never double: truncation and half-up on a binary fraction
 * would misprint values such as 18.75.
 */
public final class PrintedPercents {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PrintedPercents() {}

  /**
   * The printed percents in Vietnamese notation ({@code 81,9}, {@code 96,92}), keyed by the share
   * key, in {@link Share} order: exactly the bulletin JSON's {@code printed_percents}.
   */
  public static Map<String, String> of(Map<Figure, Long> figures, PercentStyle style) {
    return of(figures, style, NumberNotation.VIETNAMESE);
  }

  /** The printed percents written in {@code notation}, keyed by share key, in {@link Share} order. */
  public static Map<String, String> of(
      Map<Figure, Long> figures, PercentStyle style, NumberNotation notation) {
    return of(figures, PercentPrinting.of(style), notation);
  }

  /** The printed percents as {@code printing} says, written in {@code notation}. */
  public static Map<String, String> of(
      Map<Figure, Long> figures, PercentPrinting printing, NumberNotation notation) {
    Map<String, String> printed = new LinkedHashMap<>();
    values(figures, printing).forEach((share, value) -> printed.put(share.key(), notation.decimal(value)));
    return printed;
  }

  /**
   * The printed percents as numbers with the share's scale (e.g. {@code 81.9}), in {@link Share}
   * order, for every share with a non-zero numerator and denominator.
   */
  public static Map<Share, BigDecimal> values(Map<Figure, Long> figures, PercentStyle style) {
    return values(figures, PercentPrinting.of(style));
  }

  /** The printed percents as numbers, each with the decimals {@code printing} gives its share. */
  public static Map<Share, BigDecimal> values(Map<Figure, Long> figures,
      PercentPrinting printing) {
    Map<Share, BigDecimal> values = new EnumMap<>(Share.class);
    PercentStyle style = printing.style();
    RoundingMode rounding = style == PercentStyle.HALF_UP ? RoundingMode.HALF_UP : RoundingMode.DOWN;
    for (Share share : Share.values()) {
      if (share.numeratorValue(figures) == 0) {
        continue; // printed as "none", not as 0%
      }
      share.percent(figures, printing.decimals(share), rounding)
          .ifPresent(v -> values.put(share, v));
    }
    if (style == PercentStyle.TRUNCATE_REMAINDER) {
      for (Split split : Split.values()) {
        giveRemainderToLastPart(split, figures, values, printing);
      }
    }
    return values;
  }

  /**
   * Prints the last non-zero part of {@code split} as 100 minus the printed others, so the
   * printed split adds up to exactly 100. Only when the parts do add up to the whole: if the
   * figures break that identity, forcing 100 would print a share the data does not support, so
   * every part then stays merely truncated.
   */
  private static void giveRemainderToLastPart(Split split, Map<Figure, Long> figures,
      Map<Share, BigDecimal> values, PercentPrinting printing) {
    Share last = null;
    long partsSum = 0;
    for (Share share : Share.values()) {
      if (share.split().orElse(null) != split) {
        continue;
      }
      long part = share.numeratorValue(figures);
      partsSum += part;
      if (part != 0) {
        last = share;
      }
    }
    // The denominator of a non-zero part was already checked present by Share.percent.
    if (last == null || !values.containsKey(last) || partsSum != figures.get(last.denominator())) {
      return;
    }
    BigDecimal others = BigDecimal.ZERO;
    for (Map.Entry<Share, BigDecimal> e : values.entrySet()) {
      if (e.getKey() != last && e.getKey().split().orElse(null) == split) {
        others = others.add(e.getValue());
      }
    }
    values.put(last, HUNDRED.setScale(printing.decimals(last)).subtract(others));
  }
}
