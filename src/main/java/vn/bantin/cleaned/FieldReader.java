package vn.bantin.cleaned;

import static vn.bantin.cleaned.FieldParsers.quote;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the fields of one raw record, typed, and writes down every problem it meets on the way,
 * in the order the fields are read (the checks read them in the contract's order). A reader
 * returns null for a field that is absent, empty or bad, so a check can go on and find the
 * record's other problems; {@link #result} then decides whether the record is good.
 */
final class FieldReader {
  /** No date of the contract is earlier: before it, a date is a placeholder for "none". */
  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private final Map<String, String> fields;
  private final LocalDate extractDate;
  private final List<Problem> problems = new ArrayList<>();

  /**
   * @param extractDate the calendar date of the extract holding the record: no event can be
   *     later, no due date more than a year later; null when unknown (only 1990 bounds dates)
   */
  FieldReader(Map<String, String> fields, LocalDate extractDate) {
    this.fields = fields;
    this.extractDate = extractDate;
  }

  FieldReader(Map<String, String> fields) {
    this(fields, null);
  }

  /** An optional event date (something that happened): not after the extract's date. */
  LocalDateTime eventDateTime(String name) {
    return plausible(name, text(name), dateTime(name, false), false);
  }

  /** An event date that must be there. */
  LocalDateTime requiredEventDateTime(String name) {
    return plausible(name, text(name), dateTime(name, true), false);
  }

  /** An optional due date: at most a year after the extract's date. */
  LocalDateTime dueDateTime(String name) {
    return plausible(name, text(name), dateTime(name, false), true);
  }

  /** The date, or null with an IMPLAUSIBLE_DATE problem when it cannot be true. */
  LocalDateTime plausible(String name, String shown, LocalDateTime at, boolean isDue) {
    if (at == null) {
      return null;
    }
    String why = implausibility(at, isDue);
    if (why != null) {
      add(name, QuarantineReason.IMPLAUSIBLE_DATE, quote(shown) + " " + why);
      return null;
    }
    return at;
  }

  /** Why a date cannot be true, or null when it can. */
  String implausibility(LocalDateTime at, boolean isDue) {
    LocalDate day = at.toLocalDate();
    if (day.isBefore(EARLIEST)) {
      return "is before " + EARLIEST + " (a placeholder, not a date)";
    }
    if (extractDate != null && !isDue && day.isAfter(extractDate)) {
      return "is after the extract holding it was taken (" + extractDate + ")";
    }
    if (extractDate != null && isDue && day.isAfter(extractDate.plusYears(1))) {
      return "is more than a year after the extract holding it was taken (" + extractDate + ")";
    }
    return null;
  }

  /** Whether the field holds something (bad or not). */
  boolean has(String name) {
    return text(name) != null;
  }

  /** Free text: trimmed, null for none. */
  String text(String name) {
    return FieldParsers.clean(fields.get(name));
  }

  /** The record's key: text that must be there, else MISSING_KEY. */
  String key(String name) {
    String value = text(name);
    if (value == null) {
      add(name, QuarantineReason.MISSING_KEY, name + " is missing or empty");
    }
    return value;
  }

  /** An optional {@code yyyyMMddHHmmss} date; BAD_DATE when present and not one. */
  LocalDateTime dateTime(String name) {
    return dateTime(name, false);
  }

  /** A {@code yyyyMMddHHmmss} date that must be there: MISSING_FIELD when absent. */
  LocalDateTime requiredDateTime(String name) {
    return dateTime(name, true);
  }

  private LocalDateTime dateTime(String name, boolean required) {
    String value = text(name);
    if (value == null) {
      if (required) {
        missing(name);
      }
      return null;
    }
    LocalDateTime parsed = FieldParsers.parseDateTime(value);
    if (parsed == null) {
      add(name, QuarantineReason.BAD_DATE, badDateTime(value));
    }
    return parsed;
  }

  /** An optional validity date, {@code yyyyMMdd} or {@code yyyyMMddHHmmss}; else BAD_DATE. */
  LocalDate validityDate(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    LocalDate parsed = FieldParsers.parseValidityDate(value);
    if (parsed == null) {
      add(name, QuarantineReason.BAD_DATE,
          quote(value) + " is not a date " + FieldParsers.DATE_FORMAT + " or "
              + FieldParsers.DATE_TIME_FORMAT);
    }
    return parsed;
  }

  /** An optional numeric code in {@code min..max}; UNKNOWN_CODE otherwise. */
  Integer code(String name, int min, int max) {
    return code(name, min, max, false);
  }

  /** A numeric code in {@code min..max} that must be there: MISSING_FIELD when absent. */
  Integer requiredCode(String name, int min, int max) {
    return code(name, min, max, true);
  }

  private Integer code(String name, int min, int max, boolean required) {
    String value = text(name);
    if (value == null) {
      if (required) {
        missing(name);
      }
      return null;
    }
    Integer parsed = FieldParsers.parseCode(value);
    if (parsed == null || parsed < min || parsed > max) {
      add(name, QuarantineReason.UNKNOWN_CODE, quote(value) + " is not one of " + range(min, max));
      return null;
    }
    return parsed;
  }

  /** An optional text code, one of {@code allowed} exactly (case counts); UNKNOWN_CODE otherwise. */
  String textCode(String name, List<String> allowed) {
    String value = text(name);
    if (value != null && !allowed.contains(value)) {
      add(name, QuarantineReason.UNKNOWN_CODE,
          quote(value) + " is not one of " + String.join(", ", allowed));
      return null;
    }
    return value;
  }

  void add(String field, QuarantineReason reason, String detail) {
    problems.add(new Problem(field, reason, detail));
  }

  /** The record built by {@code build} if no problem was met, else the problems. */
  <T> Checked<T> result(Supplier<T> build) {
    return problems.isEmpty() ? Checked.ok(build.get()) : Checked.bad(problems);
  }

  static String badDateTime(String value) {
    return quote(value) + " is not a date " + FieldParsers.DATE_TIME_FORMAT
        + excelSerialHint(value);
  }

  /** Excel's day 0 in its 1900 date system (day 60 is its phantom 29 February 1900). */
  private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

  /**
   * A hint when the text is a number that reads as an Excel date serial of 1990–2099: a date
   * column whose cells lost their date format shows as such numbers. Not read as a date: the
   * contract takes dates as text or as cells formatted as dates, and a bare number may be
   * anything.
   */
  static String excelSerialHint(String value) {
    if (!value.matches("\\d{5}(\\.\\d+)?")) {
      return "";
    }
    double serial = Double.parseDouble(value);
    if (serial < 32874 || serial >= 73051) { // 1990-01-01, 2100-01-01
      return "";
    }
    LocalDateTime at = EXCEL_EPOCH.plusSeconds(Math.round(serial * 86400));
    return " (it looks like an Excel date serial, " + at.toLocalDate() + " "
        + String.format(java.util.Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute())
        + ", in a cell not formatted as a date: format the column as dates and export again)";
  }

  private void missing(String name) {
    add(name, QuarantineReason.MISSING_FIELD, name + " is missing or empty");
  }

  /** "0, 1" for a short list, "1..10" for a long one. */
  private static String range(int min, int max) {
    if (max - min >= 3) {
      return min + ".." + max;
    }
    StringBuilder out = new StringBuilder();
    for (int i = min; i <= max; i++) {
      out.append(i == min ? "" : ", ").append(i);
    }
    return out.toString();
  }
}
