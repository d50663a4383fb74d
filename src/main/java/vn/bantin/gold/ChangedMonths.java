package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.bantin.metrics.Measure;

/**
 * What a gold build must recompute: for each publisher whose figures can have changed, the first
 * month that changed. Every period of that publisher ending in or after that month is computed
 * again and replaces its rows; every period ending before it is left as it is, since nothing
 * it is made of changed: its months' flows are those of unchanged month facts, its stocks are
 * sums of the stock changes of months before it, and the publisher's months (first to last)
 * moved only where a month at or after the first change gained or lost all its activity.
 *
 * <p>{@link #everything()} is a build from scratch: every publisher, every period.
 */
public final class ChangedMonths {
  /** Publisher → first changed month (the 1st); empty with {@code all}. */
  private final Map<String, LocalDate> from;
  private final boolean all;

  private ChangedMonths(Map<String, LocalDate> from, boolean all) {
    this.from = Map.copyOf(from);
    this.all = all;
  }

  /** Every publisher and period, as a build from scratch. */
  public static ChangedMonths everything() {
    return new ChangedMonths(Map.of(), true);
  }

  /** The first changed month of each publisher named (months are truncated to their 1st). */
  public static ChangedMonths from(Map<String, LocalDate> firstChanged) {
    Map<String, LocalDate> m = new TreeMap<>();
    firstChanged.forEach((p, d) -> m.put(p, d.withDayOfMonth(1)));
    return new ChangedMonths(m, false);
  }

  /**
   * The first changed month of each publisher, from the changes a build has in hand:
   *
   * @param changedFacts rows of (publisher_code, month): the month-facts keys whose sums changed
   *     (the sum of the changed dossiers' new minus old events, zero rows left out)
   * @param monthsToRecompute rows of (publisher_code, month) recomputed whatever their facts
   *     say: months of ballots added, changed or removed, and months published provisional
   *     (a later extract can turn them final without changing a figure)
   * @param before rows of (publisher_code, first_month, last_month) of the published tables
   * @param now the same of the publishers' months after this build ({@link PublisherMonths})
   */
  public static ChangedMonths of(Dataset<Row> changedFacts, Dataset<Row> monthsToRecompute,
      Dataset<Row> before, Dataset<Row> now) {
    Map<String, LocalDate> first = new TreeMap<>();
    for (Row r : changedFacts.unionByName(monthsToRecompute)
        .groupBy(CountedDossiers.PUBLISHER).agg(functions.min(MonthFacts.MONTH))
        .collectAsList()) {
      earliest(first, r.getString(0), r.getAs(1));
    }
    // A publisher's span of months moved: the months that entered or left it, and the quarters
    // and years they complete, change too. (A span that grows or shrinks at the end does so
    // because a month at or after the first change gained or lost all its activity, but its
    // empty months in between hold no changed fact.)
    Map<String, LocalDate[]> spans = new TreeMap<>();
    for (Row r : before.collectAsList()) {
      spans.put(r.getString(0), new LocalDate[] {r.getAs(1), r.getAs(2), null, null});
    }
    for (Row r : now.select(CountedDossiers.PUBLISHER, PublisherMonths.FIRST_MONTH,
        PublisherMonths.LAST_MONTH).collectAsList()) {
      LocalDate[] s = spans.computeIfAbsent(r.getString(0), k -> new LocalDate[4]);
      s[2] = r.getAs(1);
      s[3] = r.getAs(2);
    }
    spans.forEach((publisher, s) -> {
      LocalDate firstBefore = s[0];
      LocalDate lastBefore = s[1];
      LocalDate firstNow = s[2];
      LocalDate lastNow = s[3];
      if (firstBefore == null) {
        earliest(first, publisher, firstNow);
      } else if (firstNow == null) {
        earliest(first, publisher, firstBefore);
      } else {
        if (!firstBefore.equals(firstNow)) {
          earliest(first, publisher, min(firstBefore, firstNow));
        }
        if (!lastBefore.equals(lastNow)) {
          earliest(first, publisher, min(lastBefore, lastNow).plusMonths(1));
        }
      }
    });
    return from(first);
  }

  private static void earliest(Map<String, LocalDate> first, String publisher, LocalDate month) {
    if (month != null) {
      first.merge(publisher, month.withDayOfMonth(1), ChangedMonths::min);
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  public boolean isEverything() {
    return all;
  }

  /** Nothing to recompute: no publisher's figures changed. */
  public boolean isNothing() {
    return !all && from.isEmpty();
  }

  /** Publisher → first changed month. */
  public Map<String, LocalDate> firstChanged() {
    return from;
  }

  /**
   * The rows of a period table this build replaces: SQL over {@code publisher_code} and
   * {@code period_end}, for Delta's {@code replaceWhere}.
   */
  public String periodsWhere() {
    return where(PeriodRollup.PERIOD_END, 0);
  }

  /** The rows of {@code gold.trends} this build replaces (over its {@code month}). */
  public String monthsWhere() {
    return where(Trends.MONTH, 0);
  }

  /**
   * The month rows a trend of the changed months reads: from January of the year before the
   * first change (the year to date a year earlier starts there; the year-ago value, the year
   * to date and the rolling twelve months reach no further).
   */
  public String trendInputsWhere() {
    if (all) {
      return "true";
    }
    // January of the year before the first change: the year to date a year earlier reads it.
    return clauses(p -> "publisher_code = " + quoted(p) + " AND " + PeriodRollup.PERIOD_START
        + " >= " + date(from.get(p).minusYears(1).withDayOfYear(1)));
  }

  /**
   * The period rows kept that a replaced row's identity "carried over = pending of the period
   * before" reads: the periods ending in the year before the first change.
   */
  public String previousPeriodsWhere() {
    if (all) {
      return "false";
    }
    return clauses(p -> "publisher_code = " + quoted(p) + " AND " + PeriodRollup.PERIOD_END
        + " < " + date(from.get(p)) + " AND " + PeriodRollup.PERIOD_END + " >= "
        + date(from.get(p).minusMonths(13)));
  }

  private String where(String column, int monthsBefore) {
    if (all) {
      return "true";
    }
    return clauses(p -> "publisher_code = " + quoted(p) + " AND " + column + " >= "
        + date(from.get(p).minusMonths(monthsBefore)));
  }

  private String clauses(java.util.function.Function<String, String> clause) {
    if (from.isEmpty()) {
      return "false";
    }
    return from.keySet().stream().map(p -> "(" + clause.apply(p) + ")")
        .collect(Collectors.joining(" OR "));
  }

  /**
   * The month facts a recomputation needs: for each changed publisher, the months from January
   * of the year of its first change (the year's and its quarters' flows are sums over their
   * months), and before that one row per unit in the month before that January holding the
   * stock changes of every earlier month summed (so that the stocks, running sums, start from
   * the right opening figure) and no flow. Other publishers' facts are left out. Every month
   * before that January computed from these rows is wrong and must be dropped
   * ({@link #keepPeriods}); every month from it is what all the facts give.
   */
  public Dataset<Row> monthFactsToRecompute(Dataset<Row> monthFacts) {
    if (all) {
      return monthFacts;
    }
    Dataset<Row> starts = monthFacts.sparkSession().createDataFrame(
        from.entrySet().stream().map(e -> org.apache.spark.sql.RowFactory.create(e.getKey(),
            e.getValue().withDayOfYear(1))).toList(),
        new org.apache.spark.sql.types.StructType()
            .add("_p", org.apache.spark.sql.types.DataTypes.StringType)
            .add("_year_start", org.apache.spark.sql.types.DataTypes.DateType));
    Dataset<Row> facts = monthFacts.join(functions.broadcast(starts),
        col(CountedDossiers.PUBLISHER).equalTo(col("_p")));
    Dataset<Row> fromYear = facts.filter(col(MonthFacts.MONTH).geq(col("_year_start")))
        .select(GoldSchemas.monthFactsColumns());
    List<Column> keys = new ArrayList<>();
    MonthFacts.KEYS.forEach(k -> keys.add(col(k)));
    keys.add(expr("add_months(_year_start, -1)").as(MonthFacts.MONTH));
    List<Column> opening = new ArrayList<>();
    for (Measure m : Measure.values()) {
      opening.add(m.kind() == Measure.Kind.STOCK_CHANGE
          ? functions.sum(col(m.column())).as(m.column())
          : functions.max(lit(0L)).as(m.column()));
    }
    Dataset<Row> before = facts.filter(col(MonthFacts.MONTH).lt(col("_year_start")))
        .groupBy(keys.toArray(Column[]::new))
        .agg(opening.get(0), opening.subList(1, opening.size()).toArray(Column[]::new))
        .select(GoldSchemas.monthFactsColumns());
    return fromYear.unionByName(before);
  }

  /** Only the rows this build replaces (of a period table: by publisher and period end). */
  public Dataset<Row> keepPeriods(Dataset<Row> periods) {
    return all ? periods : periods.filter(periodsWhere());
  }

  /** Only the trend rows this build replaces. */
  public Dataset<Row> keepMonths(Dataset<Row> trends) {
    return all ? trends : trends.filter(monthsWhere());
  }

  private static String date(LocalDate d) {
    return "DATE'" + d + "'";
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  @Override
  public String toString() {
    return all ? "everything" : from.toString();
  }
}
