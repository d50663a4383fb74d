package vn.bantin.bulletin;

import java.math.BigDecimal;

/**
 * Numbers in Vietnamese notation, as the bulletins print them: {@code 7.790}, {@code 81,9}.
 * Locale-independent (see {@link NumberNotation}).
 */
public final class VietnameseNumbers {
  private VietnameseNumbers() {}

  /** A count with {@code .} between thousands: {@code 7.790}. */
  public static String count(long value) {
    return NumberNotation.VIETNAMESE.count(value);
  }

  /** A decimal with {@code ,} as the decimal mark, its scale kept: {@code 0,40}. */
  public static String decimal(BigDecimal value) {
    return NumberNotation.VIETNAMESE.decimal(value);
  }
}
