package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Monthly figures rolled up into every period: each month, each quarter ({@code 2021-Q2}) and
 * each year ({@code 2021}), from the same monthly rows in one aggregation. Flows (received,
 * resolved, ballots, …) add up over the months; stocks are taken at the period's edges:
 * carried over into its first month, pending at the end of its last.
 *
 * <p>A quarter or year exists once the publisher's data reaches its last month; one that
 * starts before the publisher's first month is fine (those months are empty, so nothing is
 * carried into them).
 */
public final class PeriodRollup {
  private PeriodRollup() {}

  public static final String PERIOD = "period";
  public static final String PERIOD_KIND = "period_kind";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";

  /** Stocks read at the period's start. */
  static final Set<String> AT_START = Set.of("carried_over");
  /** Stocks read at the period's end. */
  static final Set<String> AT_END = Set.of("pending", "pending_not_due",
      "pending_awaiting_supplement", "pending_overdue");

  /**
   * @param monthly rows of (publisher_code, [unit_code], month, figures…)
   * @param keys the row's key columns besides the month (publisher_code[, unit_code])
   * @param figures the figure columns (every other column is dropped)
   */
  public static Dataset<Row> of(Dataset<Row> monthly, Dataset<Row> publisherMonths,
      List<String> keys, List<String> figures) {
    Dataset<Row> periods = monthly
        .selectExpr(withAll(keys, List.of("month",
            "explode(array("
                + "named_struct('period', date_format(month, 'yyyy-MM'), 'kind', 'month',"
                + " 'start', month, 'end', last_day(month)),"
                + "named_struct('period', concat(year(month), '-Q', quarter(month)),"
                + " 'kind', 'quarter', 'start', make_date(year(month), 3 * quarter(month) - 2, 1),"
                + " 'end', last_day(make_date(year(month), 3 * quarter(month), 1))),"
                + "named_struct('period', CAST(year(month) AS STRING), 'kind', 'year',"
                + " 'start', make_date(year(month), 1, 1), 'end', make_date(year(month), 12, 31))"
                + ")) AS p"), figures).toArray(String[]::new));
    List<String> aggregates = new ArrayList<>();
    for (String f : figures) {
      String value = AT_START.contains(f) ? "CASE WHEN month = p.start THEN " + f + " END"
          : AT_END.contains(f) ? "CASE WHEN last_day(month) = p.end THEN " + f + " END" : f;
      aggregates.add("CAST(coalesce(sum(" + value + "), 0) AS BIGINT) AS " + f);
    }
    List<String> groupKeys = withAll(keys, List.of("p.period", "p.kind", "p.start", "p.end"));
    Dataset<Row> rolled = periods
        .groupBy(groupKeys.stream().map(org.apache.spark.sql.functions::expr)
            .toArray(org.apache.spark.sql.Column[]::new))
        .agg(org.apache.spark.sql.functions.expr(aggregates.get(0)),
            aggregates.stream().skip(1).map(org.apache.spark.sql.functions::expr)
                .toArray(org.apache.spark.sql.Column[]::new))
        .withColumnRenamed("period", PERIOD)
        .withColumnRenamed("kind", PERIOD_KIND)
        .withColumnRenamed("start", PERIOD_START)
        .withColumnRenamed("end", PERIOD_END);
    return rolled.join(broadcast(publisherMonths), CountedDossiers.PUBLISHER)
        .filter("period_end <= last_day(" + PublisherMonths.LAST_MONTH + ")")
        .drop(PublisherMonths.FIRST_MONTH, PublisherMonths.LAST_MONTH);
  }

  private static List<String> withAll(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> withAll(List<String> a, List<String> b, List<String> c) {
    List<String> all = withAll(a, b);
    all.addAll(c);
    return all;
  }
}
