package vn.bantin.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working calendar of a Vietnamese public office: Monday to Friday, minus the public
 * holidays (New Year, Tết, Hùng Kings, 30/4, 1/5, National Day, with the government's
 * compensation days) of 2019–2025, and office hours 07:00–11:30 and 13:30–17:00. Deadlines are
 * counted in working days, so the due dates the generator writes depend on it.
 */
public final class WorkCalendar {

  /** Weekday holidays (days off that fall Monday to Friday), as the government announced them. */
  private static final Set<LocalDate> HOLIDAYS = new TreeSet<>();

  static {
    String[] days = {
        // 2019
        "2019-01-01", "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08",
        "2019-04-15", "2019-04-29", "2019-04-30", "2019-05-01", "2019-09-02",
        // 2020
        "2020-01-01", "2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29",
        "2020-04-02", "2020-04-30", "2020-05-01", "2020-09-02",
        // 2021
        "2021-01-01", "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16",
        "2021-04-21", "2021-04-30", "2021-05-03", "2021-09-02", "2021-09-03",
        // 2022
        "2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04",
        "2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01", "2022-09-02",
        // 2023
        "2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
        "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04",
        // 2024
        "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
        "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
        // 2025
        "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
        "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"};
    for (String d : days) {
      HOLIDAYS.add(LocalDate.parse(d));
    }
  }

  /** The first and last months the calendar (and so the generator) knows. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

  private static final LocalTime MORNING_START = LocalTime.of(7, 0);
  private static final int MORNING_MINUTES = 270;   // 07:00–11:30
  private static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
  private static final int AFTERNOON_MINUTES = 210; // 13:30–17:00

  private WorkCalendar() {}

  public static boolean isWorkingDay(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d);
  }

  /** {@code d} itself when it is a working day, else the next working day. */
  public static LocalDate onOrAfter(LocalDate d) {
    LocalDate x = d;
    while (!isWorkingDay(x)) {
      x = x.plusDays(1);
    }
    return x;
  }

  /** {@code d} itself when it is a working day, else the previous working day. */
  public static LocalDate onOrBefore(LocalDate d) {
    LocalDate x = d;
    while (!isWorkingDay(x)) {
      x = x.minusDays(1);
    }
    return x;
  }

  /** The n-th working day after {@code d} (n ≥ 0; n = 0 gives {@link #onOrAfter}). */
  public static LocalDate plusWorkingDays(LocalDate d, int n) {
    LocalDate x = onOrAfter(d);
    for (int i = 0; i < n; i++) {
      x = onOrAfter(x.plusDays(1));
    }
    return x;
  }

  /** The n-th working day before {@code d} (n ≥ 0; n = 0 gives {@link #onOrBefore}). */
  public static LocalDate minusWorkingDays(LocalDate d, int n) {
    LocalDate x = onOrBefore(d);
    for (int i = 0; i < n; i++) {
      x = onOrBefore(x.minusDays(1));
    }
    return x;
  }

  /** Working days strictly after {@code a} up to and including {@code b} (0 when b ≤ a). */
  public static int workingDaysBetween(LocalDate a, LocalDate b) {
    int n = 0;
    for (LocalDate x = a.plusDays(1); !x.isAfter(b); x = x.plusDays(1)) {
      if (isWorkingDay(x)) {
        n++;
      }
    }
    return n;
  }

  /** The working days from {@code from} through {@code to}, in order. */
  public static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
      if (isWorkingDay(x)) {
        out.add(x);
      }
    }
    return out;
  }

  /** A random moment within the office hours of day {@code d}, to the second. */
  public static LocalDateTime officeTime(LocalDate d, Random rnd) {
    int second = rnd.nextInt((MORNING_MINUTES + AFTERNOON_MINUTES) * 60);
    LocalTime t = second < MORNING_MINUTES * 60
        ? MORNING_START.plusSeconds(second)
        : AFTERNOON_START.plusSeconds(second - MORNING_MINUTES * 60L);
    return d.atTime(t);
  }

  /**
   * A random moment strictly after {@code lo} and at or before {@code hi}, in office hours of a
   * working day when the interval allows it; otherwise a few minutes after {@code lo}. Returns
   * null when the interval is empty.
   */
  public static LocalDateTime between(LocalDateTime lo, LocalDateTime hi, Random rnd) {
    if (!hi.isAfter(lo)) {
      return null;
    }
    List<LocalDate> days = workingDays(lo.toLocalDate(), hi.toLocalDate());
    for (int attempt = 0; attempt < 4 && !days.isEmpty(); attempt++) {
      LocalDateTime t = officeTime(days.get(rnd.nextInt(days.size())), rnd);
      if (t.isAfter(lo) && !t.isAfter(hi)) {
        return t;
      }
    }
    long span = java.time.Duration.between(lo, hi).getSeconds();
    long step = 1 + (long) (rnd.nextDouble() * Math.min(span - 1, 1800));
    return lo.plusSeconds(Math.min(step, span));
  }
}
