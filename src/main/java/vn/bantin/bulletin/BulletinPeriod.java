package vn.bantin.bulletin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a bulletin covers, as labelled in the bulletin JSON: a month {@code 2021-04}, a
 * quarter {@code 2021-Q2} or a year {@code 2021}. Only the label and what a title needs (kind,
 * year, number); the dates a period spans are the job's business.
 *
 * @param kind month, quarter or year
 * @param year the calendar year
 * @param number the month (1–12) or quarter (1–4); 0 for a year
 */
public record BulletinPeriod(Kind kind, int year, int number) {

  /** The kinds of period, and the words templates choose between. */
  public enum Kind {
    MONTH,
    QUARTER,
    YEAR
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** The period labelled {@code label}; fails naming the accepted forms. */
  public static BulletinPeriod parse(String label) {
    if (label != null) {
      Matcher m = MONTH.matcher(label);
      if (m.matches()) {
        return new BulletinPeriod(Kind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      m = QUARTER.matcher(label);
      if (m.matches()) {
        return new BulletinPeriod(Kind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if (YEAR.matcher(label).matches()) {
        return new BulletinPeriod(Kind.YEAR, Integer.parseInt(label), 0);
      }
    }
    throw new IllegalArgumentException(
        "Cannot parse period '" + label + "': expected yyyy-MM, yyyy-Qn or yyyy (e.g. 2021-04, 2021-Q2, 2021)");
  }

  /** The label: {@code 2021-04}, {@code 2021-Q2}, {@code 2021}. */
  public String label() {
    return switch (kind) {
      case MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", year, number);
      case QUARTER -> String.format(java.util.Locale.ROOT, "%04d-Q%d", year, number);
      case YEAR -> String.format(java.util.Locale.ROOT, "%04d", year);
    };
  }

  @Override
  public String toString() {
    return label();
  }
}
