package vn.bantin.cleaned;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Pure parsing of one raw field value, shared by the record checks. Each parser takes text that
 * is already {@linkplain #clean cleaned} (non-null, trimmed, non-empty) and returns the typed
 * value, or null when the text is not what the contract allows. Nothing here depends on the
 * JVM's default time zone or locale: dates are parsed digit by digit into local date-times, and
 * only ASCII digits count as digits.
 */
public final class FieldParsers {
  /** The contract's date format. */
  public static final String DATE_TIME_FORMAT = "yyyyMMddHHmmss";
  /** The short form validity dates (HieuLucTu, HieuLucDen) may also take. */
  public static final String DATE_FORMAT = "yyyyMMdd";

  /** Longest value shown in a problem's detail, so that a detail stays short. */
  private static final int MAX_SHOWN = 40;

  private FieldParsers() {}

  /**
   * Raw text to the value the checks work on: leading and trailing white space removed, and
   * null when nothing is left ("none"). White space here is wider than {@link String#trim()}:
   * also Unicode spaces such as the no-break space and a stray byte-order mark, which
   * spreadsheet exports leave around values.
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    int start = 0;
    int end = raw.length();
    while (start < end && isBlank(raw.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(raw.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : raw.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  /**
   * {@code yyyyMMddHHmmss}: exactly 14 ASCII digits making a real local date-time (no February
   * 30, no hour 24, no second 60); otherwise null.
   */
  public static LocalDateTime parseDateTime(String text) {
    if (!isDigits(text, 14)) {
      return null;
    }
    try {
      return LocalDateTime.of(
          number(text, 0, 4), number(text, 4, 6), number(text, 6, 8),
          number(text, 8, 10), number(text, 10, 12), number(text, 12, 14));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A validity date: {@code yyyyMMdd}, or {@code yyyyMMddHHmmss} of which the date part is
   * taken (the time must still be a real time); otherwise null.
   */
  public static LocalDate parseValidityDate(String text) {
    if (text != null && text.length() == 14) {
      LocalDateTime dateTime = parseDateTime(text);
      return dateTime == null ? null : dateTime.toLocalDate();
    }
    if (!isDigits(text, 8)) {
      return null;
    }
    try {
      return LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A numeric code: one to nine ASCII digits (leading zeros allowed, so {@code 02} is 2);
   * otherwise null. Signs, decimals ({@code 2.0}), exponents and non-ASCII digits are refused:
   * the contract's codes are plain integers, and a reader that meets a numeric spreadsheet cell
   * writes an integral one without a fraction.
   */
  public static Integer parseCode(String text) {
    if (text == null || text.isEmpty() || text.length() > 9 || !isDigits(text, text.length())) {
      return null;
    }
    return number(text, 0, text.length());
  }

  /**
   * A value as a problem's detail shows it: in single quotes, on one line (control characters
   * escaped), cut to a few dozen characters.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(value.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append("\\u").append(Integer.toHexString(0x10000 | c).substring(1));
      } else {
        out.append(c);
      }
    }
    if (value.length() > MAX_SHOWN) {
      out.append("...");
    }
    return out.append('\'').toString();
  }

  private static boolean isDigits(String text, int length) {
    if (text == null || text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The ASCII digits text[from, to) as a number; callers have checked they are digits. */
  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (text.charAt(i) - '0');
    }
    return n;
  }
}
