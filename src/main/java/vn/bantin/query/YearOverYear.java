package vn.bantin.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One publisher's year beside the year before, as {@code gold.trends} holds it: for each measure
 * the twelve months of the year and the same months a year earlier, and the year to date at the
 * year's last month with data beside the same span a year earlier; and the same for every
 * department. Every number is a {@code gold.trends} value as written (counts whole, rates in
 * percent to 6 decimals); null means absent, never zero.
 *
 * @param lastMonth the last month (1–12) of {@code year} with data for the publisher
 * @param measures by {@code gold.trends} measure name, in {@code Trends.MEASURES} order
 * @param departments every department with a row in the year, in code order
 */
public record YearOverYear(String publisher, int year, int lastMonth,
    Map<String, Series> measures, List<UnitYear> departments) {

  public YearOverYear {
    measures = Map.copyOf(measures);
    departments = List.copyOf(departments);
  }

  /**
   * One measure over the year.
   *
   * @param months twelve values, January first; null where the month has no row
   * @param yearAgo the same months a year earlier (the rows' {@code year_ago}); null where absent
   * @param ytd the year to date at {@code lastMonth}
   * @param ytdYearAgo the year to date at the same month a year earlier; null when the year
   *     before does not cover January to that month, so that like is compared with like
   */
  public record Series(String measure, List<BigDecimal> months, List<BigDecimal> yearAgo,
      BigDecimal ytd, BigDecimal ytdYearAgo) {
    public Series {
      if (months.size() != 12 || yearAgo.size() != 12) {
        throw new IllegalArgumentException("Cannot hold a year of " + measure
            + ": it needs twelve months and twelve year-ago months");
      }
      // List.copyOf refuses nulls, and an absent month is null.
      months = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(months));
      yearAgo = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(yearAgo));
    }
  }

  /**
   * One department's year to date at the publisher's {@code lastMonth}, beside the same span a
   * year earlier.
   *
   * @param unitCode null for dossiers with no department
   * @param onTimeRate the on-time rate over the year to date; null when nothing was resolved
   * @param onTimeRateYearAgo null when the department (with its predecessors, across a
   *     reorganisation) has no figures a year earlier or resolved nothing then
   * @param hasYearAgo whether the department (with its predecessors) had any row in the same
   *     span a year earlier
   * @param predecessors the predecessors (comma-separated codes) whose months the year-ago
   *     figures include, as {@code gold.trends} names them; null when none
   */
  public record UnitYear(String unitCode, BigDecimal received, BigDecimal resolved,
      BigDecimal onTimeRate, BigDecimal receivedYearAgo, BigDecimal onTimeRateYearAgo,
      boolean hasYearAgo, String predecessors) {}
}
