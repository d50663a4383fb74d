package vn.bantin.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import vn.bantin.UserError;
import vn.bantin.gold.CountedDossiers;
import vn.bantin.gold.MonthlyFigures;
import vn.bantin.gold.Trends;
import vn.bantin.metrics.Figure;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * Reads one publisher's year and the year before from {@code gold.trends}, through
 * {@link TableRows} (Delta Kernel: no Spark session). It only selects rows: every value, rate
 * and year-ago figure is the one {@code gold.trends} computed from the counts, so the report
 * prints what an analyst querying the table sees.
 */
public final class YearOverYearQuery {
  private static final String VALUE = "value";
  private static final String YEAR_AGO = "year_ago";
  private static final String YTD = "ytd";
  private static final String YTD_YEAR_AGO = "ytd_year_ago";

  private final TableRows tables;
  private final Warehouse warehouse;

  public YearOverYearQuery(TableRows tables, Warehouse warehouse) {
    this.tables = tables;
    this.warehouse = warehouse;
  }

  /** The publisher's {@code year}; a user error when the warehouse has no such data. */
  public YearOverYear query(String publisher, int year) {
    if (!tables.exists(Table.GOLD_TRENDS)) {
      throw new UserError("Cannot build the report: " + warehouse.root() + " holds no"
          + " gold.trends table yet; run 'bantin run' first");
    }
    List<Map<String, Object>> rows =
        tables.rows(Table.GOLD_TRENDS, Map.of(CountedDossiers.PUBLISHER, publisher));
    if (rows.isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      tables.rows(Table.GOLD_TRENDS, Map.of(Trends.UNIT_KIND, "publisher"))
          .forEach(r -> known.add((String) r.get(CountedDossiers.PUBLISHER)));
      throw new UserError("Cannot build the report: publisher " + publisher + " has no data in "
          + warehouse.root() + " (publishers with data: " + String.join(", ", known) + ")");
    }
    // publisher rows by measure, then month (yyyy*12 + m - 1)
    Map<String, Map<Integer, Map<String, Object>>> own = new HashMap<>();
    // department rows by unit code (null allowed), then month, of the on-time rate and counts
    Map<String, Map<String, Map<Integer, Map<String, Object>>>> units = new HashMap<>();
    TreeSet<Integer> publisherMonths = new TreeSet<>();
    for (Map<String, Object> r : rows) {
      int i = index((LocalDate) r.get(Trends.MONTH));
      String measure = (String) r.get(Trends.MEASURE);
      String kind = (String) r.get(Trends.UNIT_KIND);
      if (kind.equals("publisher")) {
        own.computeIfAbsent(measure, k -> new HashMap<>()).put(i, r);
        publisherMonths.add(i);
      } else if (kind.equals("department")) {
        units.computeIfAbsent((String) r.get(MonthlyFigures.UNIT_CODE), k -> new HashMap<>())
            .computeIfAbsent(measure, k -> new HashMap<>()).put(i, r);
      }
    }
    int first = year * 12;
    int last = publisherMonths.stream().filter(i -> i >= first && i < first + 12)
        .max(Integer::compare).orElseThrow(() -> new UserError("Cannot build the report:"
            + " publisher " + publisher + " has no data in " + year + " (its months: "
            + label(publisherMonths.first()) + ".." + label(publisherMonths.last()) + ")"));
    // Like with like: a year-to-date comparison needs the year before from January on.
    boolean covered = true;
    for (int i = first - 12; i <= last - 12; i++) {
      covered &= publisherMonths.contains(i);
    }

    Map<String, YearOverYear.Series> measures = new LinkedHashMap<>();
    for (Trends.TrendMeasure m : Trends.MEASURES) {
      Map<Integer, Map<String, Object>> byMonth = own.getOrDefault(m.name(), Map.of());
      List<BigDecimal> months = new ArrayList<>(Collections.nCopies(12, null));
      List<BigDecimal> yearAgo = new ArrayList<>(Collections.nCopies(12, null));
      for (int k = 0; k < 12; k++) {
        Map<String, Object> r = byMonth.get(first + k);
        if (r != null) {
          months.set(k, (BigDecimal) r.get(VALUE));
          yearAgo.set(k, (BigDecimal) r.get(YEAR_AGO));
        } else if (byMonth.get(first + k - 12) != null) {
          // A month of the year without data yet (after the last month) still shows its
          // year-ago line, read from the year before's own row.
          yearAgo.set(k, (BigDecimal) byMonth.get(first + k - 12).get(VALUE));
        }
      }
      BigDecimal ytd = value(byMonth.get(last), YTD);
      BigDecimal ytdYearAgo = covered ? value(byMonth.get(last - 12), YTD) : null;
      measures.put(m.name(), new YearOverYear.Series(m.name(), months, yearAgo, ytd, ytdYearAgo));
    }

    List<YearOverYear.UnitYear> departments = new ArrayList<>();
    for (var e : units.entrySet()) {
      Map<String, Map<Integer, Map<String, Object>>> byMeasure = e.getValue();
      Map<String, Object> now = latest(byMeasure.get(Trends.ON_TIME_RATE), first, last);
      if (now == null) {
        continue; // no row in the year: not a department of this year's report
      }
      Map<String, Object> received = latest(byMeasure.get(Figure.RECEIVED_NEW.key()), first,
          last);
      BigDecimal receivedYearAgo;
      BigDecimal rateYearAgo;
      String predecessors = null;
      if (!covered) {
        receivedYearAgo = null;
        rateYearAgo = null;
      } else if (index((LocalDate) now.get(Trends.MONTH)) == last) {
        // Active in the last month: gold.trends' year to date a year earlier at that month,
        // its predecessors' months included across a reorganisation.
        receivedYearAgo = value(received, YTD_YEAR_AGO);
        rateYearAgo = value(now, YTD_YEAR_AGO);
        predecessors = (String) now.get(Trends.PREDECESSORS);
      } else {
        // No row in the last month: its own latest rows of the same span a year earlier (a
        // successor's predecessors are joined only in gold.trends' rows, of months with
        // activity).
        Map<String, Object> ago = latest(byMeasure.get(Trends.ON_TIME_RATE), first - 12,
            last - 12);
        receivedYearAgo = ago == null ? null
            : ytdOf(byMeasure.get(Figure.RECEIVED_NEW.key()), first - 12, last - 12);
        rateYearAgo = value(ago, YTD);
      }
      departments.add(new YearOverYear.UnitYear(e.getKey(), value(received, YTD),
          ytdOf(byMeasure.get(Figure.RESOLVED.key()), first, last), value(now, YTD),
          receivedYearAgo, rateYearAgo, receivedYearAgo != null, predecessors));
    }
    departments.sort(Comparator.comparing(YearOverYear.UnitYear::unitCode,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return new YearOverYear(publisher, year, last - first + 1, measures, departments);
  }

  /**
   * A unit's row at the latest month from {@code from} to {@code to} that has one: a unit has no
   * row in a month without activity, and such a month adds nothing to its year to date.
   */
  private static Map<String, Object> latest(Map<Integer, Map<String, Object>> byMonth, int from,
      int to) {
    if (byMonth == null) {
      return null;
    }
    for (int i = to; i >= from; i--) {
      if (byMonth.get(i) != null) {
        return byMonth.get(i);
      }
    }
    return null;
  }

  private static BigDecimal ytdOf(Map<Integer, Map<String, Object>> byMonth, int from, int to) {
    return value(latest(byMonth, from, to), YTD);
  }

  private static BigDecimal value(Map<String, Object> row, String column) {
    return row == null ? null : (BigDecimal) row.get(column);
  }

  private static int index(LocalDate month) {
    Objects.requireNonNull(month, "month");
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  private static String label(int index) {
    return String.format("%04d-%02d", index / 12, index % 12 + 1);
  }
}
