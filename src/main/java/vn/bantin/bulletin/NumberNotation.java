package vn.bantin.bulletin;

import java.math.BigDecimal;

/**
 * How a language writes numbers: Vietnamese {@code 7.790} and {@code 81,9}, English {@code 7,790}
 * and {@code 81.9}. Written by hand rather than through {@link java.text.NumberFormat} so that the
 * output never depends on the JVM's default locale or on the JDK's locale data.
 */
public enum NumberNotation {
  VIETNAMESE('.', ','),
  ENGLISH(',', '.');

  private final char groupSeparator;
  private final char decimalMark;

  NumberNotation(char groupSeparator, char decimalMark) {
    this.groupSeparator = groupSeparator;
    this.decimalMark = decimalMark;
  }

  /** A count with thousands grouped: {@code 7.790} / {@code 7,790}. */
  public String count(long value) {
    return decimal(BigDecimal.valueOf(value));
  }

  /**
   * A decimal with all its scale's digits kept ({@code 0.40} stays {@code 0,40}) and its integer
   * part grouped: {@code 81,9} / {@code 81.9}.
   */
  public String decimal(BigDecimal value) {
    String plain = value.toPlainString();
    boolean negative = plain.startsWith("-");
    if (negative) {
      plain = plain.substring(1);
    }
    int point = plain.indexOf('.');
    String integer = point < 0 ? plain : plain.substring(0, point);
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        out.append(groupSeparator);
      }
      out.append(integer.charAt(i));
    }
    if (point >= 0) {
      out.append(decimalMark).append(plain, point + 1, plain.length());
    }
    return out.toString();
  }
}
