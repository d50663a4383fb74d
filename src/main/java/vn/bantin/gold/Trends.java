package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Share;

/**
 * {@code gold.trends}: every month of every publisher, department and sector, one row per
 * measure, with the month's value beside the previous month, the same month a year earlier, the
 * year-over-year change, the year to date and the rolling twelve months. A pure function of the
 * gold monthly tables ({@code period_kind = 'month'} rows of {@code gold.bulletin} and
 * {@code gold.bulletin_by_department} / {@code _by_sector}); it reads and writes nothing.
 *
 * <p>Rules (README, "The tables"):
 * <ul>
 *   <li>A rate is recomputed from its counts over every window: the month, the year to date
 *       and the rolling twelve months are each Σ numerator / Σ denominator over the window's
 *       months, in percent rounded half up to 6 decimals (as {@code share_*}); never an average
 *       of monthly rates. A zero denominator gives null.</li>
 *   <li>A month that has no row (before the publisher's first month; for a unit, a month in
 *       which it had no activity, since the unit tables hold no row then) is absent: the
 *       previous month or year-ago value taken from it is null, never 0, and so are the
 *       changes computed from it.</li>
 *   <li>{@code yoy_change_relative} is (value − year_ago) / year_ago as a fraction; null where
 *       the year-ago value is absent or zero.</li>
 *   <li>Year to date: the months of the calendar year up to this one that exist (the
 *       bulletin's year period is summed the same way); it restarts every January.</li>
 *   <li>Rolling twelve months: this month and the eleven before; null unless the publisher's
 *       data reaches back over all twelve (a unit's month without a row inside that span had
 *       no activity and adds nothing).</li>
 *   <li>A stock (overdue pending) is the figure at the end of the month; over a window it is
 *       the figure at the window's end, i.e. the month's own value, as the bulletin's quarters
 *       and years take stocks at their last month.</li>
 * </ul>
 */
public final class Trends {
  private Trends() {}

  public static final String UNIT_KIND = "unit_kind";
  public static final String MONTH = "month";
  public static final String MEASURE = "measure";
  public static final String MEASURE_KIND = "measure_kind";
  /** Rate measures' names, for readers of the table (the report) to name them without retyping. */
  public static final String ON_TIME_RATE = "on_time_rate";
  public static final String ONLINE_SHARE = "online_share";
  public static final String POSTAL_SHARE = "postal_share";
  /** Every value column: exact decimals (counts are whole numbers, rates in percent). */
  public static final String VALUE_TYPE = "DECIMAL(24,6)";
  static final List<String> VALUE_COLUMNS = List.of("value", "previous_month", "year_ago",
      "yoy_change", "yoy_change_relative", "ytd", "ytd_year_ago", "rolling_12m");
  /**
   * The predecessors (comma-separated codes) whose months before they joined this department
   * are counted in the row's look-back columns; null when none are.
   */
  public static final String PREDECESSORS = "predecessors";
  /** The epoch bounds of a series that has none (a unit without predecessors). */
  private static final String NO_START = "DATE'1000-01-01'";
  private static final String NO_END = "DATE'9999-12-01'";

  /** What a measure is, which says how it behaves over a window. */
  public enum Kind {
    /** A count of the month; sums over a window. */
    FLOW,
    /** A count at the end of the month; over a window, the count at its end. */
    STOCK,
    /** Σ numerator / Σ denominator in percent, over the month or any window. */
    RATE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One measure of the table: its name, kind, the figures summed into its numerator and (for a
   * rate) the figure that is its denominator.
   */
  public record TrendMeasure(String name, Kind kind, List<Figure> numerator, Figure denominator,
      boolean publisherOnly) {

    static TrendMeasure count(Figure f, Kind kind) {
      return new TrendMeasure(f.key(), kind, List.of(f), null, f.isSurvey());
    }

    static TrendMeasure rate(String name, List<Figure> numerator, Figure denominator) {
      return new TrendMeasure(name, Kind.RATE, numerator, denominator, denominator.isSurvey());
    }
  }

  /** The measures, in the order a reader meets them. Counts keep their figure's name. */
  public static final List<TrendMeasure> MEASURES = measures();

  private static List<TrendMeasure> measures() {
    List<TrendMeasure> m = new ArrayList<>();
    m.add(TrendMeasure.count(Figure.RECEIVED_NEW, Kind.FLOW));
    m.add(TrendMeasure.count(Figure.RESOLVED, Kind.FLOW));
    m.add(TrendMeasure.rate(ON_TIME_RATE,
        List.of(Figure.RESOLVED_EARLY, Figure.RESOLVED_ON_TIME), Figure.RESOLVED));
    m.add(TrendMeasure.count(Figure.RESOLVED_LATE, Kind.FLOW));
    m.add(TrendMeasure.count(Figure.PENDING_OVERDUE, Kind.STOCK));
    m.add(TrendMeasure.rate(ONLINE_SHARE, List.of(Share.ONLINE_L34_RECEIVED_ONLINE.numerator()),
        Share.ONLINE_L34_RECEIVED_ONLINE.denominator()));
    m.add(TrendMeasure.rate(POSTAL_SHARE, List.of(Share.POSTAL.numerator()),
        Share.POSTAL.denominator()));
    m.add(TrendMeasure.count(Figure.RETURNED, Kind.FLOW));
    m.add(TrendMeasure.count(Figure.SURVEY_BALLOTS, Kind.FLOW));
    for (Share s : Share.values()) {
      if (s.numerator().isSurvey()) {
        // survey_attitude_1 → satisfaction_attitude_1
        m.add(TrendMeasure.rate(satisfaction(s), List.of(s.numerator()), s.denominator()));
      }
    }
    return List.copyOf(m);
  }

  /** The measure of a survey share: {@code survey_overall_1} → {@code satisfaction_overall_1}. */
  public static String satisfaction(Share surveyShare) {
    if (!surveyShare.numerator().isSurvey()) {
      throw new IllegalArgumentException("Cannot name a satisfaction measure: " + surveyShare.key()
          + " is not a survey share");
    }
    return "satisfaction_" + surveyShare.key().substring("survey_".length());
  }

  /**
   * The trend rows of the three gold monthly tables (rows of other period kinds are ignored).
   *
   * @param publisherMonths rows of {@code gold.bulletin}
   * @param departmentMonths rows of {@code gold.bulletin_by_department}
   * @param sectorMonths rows of {@code gold.bulletin_by_sector}
   * @return rows of {@link GoldSchemas#trends()}
   */
  public static Dataset<Row> of(Dataset<Row> publisherMonths, Dataset<Row> departmentMonths,
      Dataset<Row> sectorMonths) {
    // The publisher's first month: a rolling window reaching before it is not covered.
    Dataset<Row> firstMonths = longForm(publisherMonths, "publisher", true)
        .groupBy(CountedDossiers.PUBLISHER).agg(min(MONTH).as(PublisherMonths.FIRST_MONTH));
    return of(publisherMonths, departmentMonths, sectorMonths, firstMonths, List.of());
  }

  /**
   * As {@link #of(Dataset, Dataset, Dataset)}, from month rows that may start after the
   * publisher's first month (a build that recomputes only recent months): the rows of a month M
   * are right when the rows given reach back to twelve months before M.
   *
   * @param firstMonths (publisher_code, first_month): each publisher's first month
   * @param bases the departments that continue predecessors ({@link Successions#basis}): from
   *     each basis's first month on, a department's look-back columns (previous month, year
   *     ago, year to date, year to date a year ago, rolling twelve months) count its
   *     predecessors' months before they joined it; its value stays its own
   */
  public static Dataset<Row> of(Dataset<Row> publisherMonths, Dataset<Row> departmentMonths,
      Dataset<Row> sectorMonths, Dataset<Row> firstMonths, List<Successions.Basis> bases) {
    Dataset<Row> own = longForm(publisherMonths, "publisher", true)
        .unionByName(longForm(sectorMonths, "sector", false));
    Dataset<Row> departments = longForm(departmentMonths, "department", false);
    Dataset<Row> counts = withEpochs(own, departments, bases, firstMonths.sparkSession());

    Dataset<Row> valued = counts
        .withColumn("_i", expr("year(month) * 12 + month(month) - 1"))
        .withColumn("_y", expr("year(month)"))
        .withColumn("value", expr(valueOf("_num", "_den")));

    List<Column> series = new ArrayList<>(List.of(col(CountedDossiers.PUBLISHER), col(UNIT_KIND),
        col(MonthlyFigures.UNIT_CODE), col("_epoch_from"), col(MEASURE)));
    WindowSpec bySeries = Window.partitionBy(series.toArray(Column[]::new)).orderBy("_i");
    series.add(col("_y"));
    WindowSpec yearToDate = Window.partitionBy(series.toArray(Column[]::new)).orderBy("_i")
        .rangeBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec twelve = bySeries.rangeBetween(-11, 0);

    Dataset<Row> windowed = valued
        // One row per series and month: max over a one-month frame is that month's value.
        .withColumn("previous_month", max("value").over(bySeries.rangeBetween(-1, -1)))
        .withColumn("year_ago", max("value").over(bySeries.rangeBetween(-12, -12)))
        .withColumn("_ytd_num", sum("_num").over(yearToDate))
        .withColumn("_ytd_den", sum("_den").over(yearToDate))
        .withColumn("_r_num", sum("_num").over(twelve))
        .withColumn("_r_den", sum("_den").over(twelve))
        // The year to date a year earlier: the latest row from 23 to 12 months back, if it
        // falls in the year before (a month without a row adds nothing to a year to date).
        .withColumn("_ytd_ago", max(expr("named_struct('i', _i, 'y', _y, 'num', _ytd_num,"
            + " 'den', _ytd_den)")).over(bySeries.rangeBetween(-23, -12)))
        .filter("_own AND month >= _epoch_from AND month < _epoch_to")
        .join(broadcast(firstMonths.select(col(CountedDossiers.PUBLISHER),
            col(PublisherMonths.FIRST_MONTH).as("_first"))), CountedDossiers.PUBLISHER)
        .withColumn("_covered", expr("add_months(month, -11) >= _first"));

    List<Column> out = new ArrayList<>();
    out.add(col(CountedDossiers.PUBLISHER));
    out.add(col(UNIT_KIND));
    out.add(col(MonthlyFigures.UNIT_CODE));
    out.add(col(MONTH));
    out.add(col(MEASURE));
    out.add(col(MEASURE_KIND));
    out.add(col("value"));
    out.add(col("previous_month"));
    out.add(col("year_ago"));
    out.add(expr("CAST(value - year_ago AS " + VALUE_TYPE + ")").as("yoy_change"));
    out.add(expr("CASE WHEN value IS NULL OR year_ago IS NULL OR year_ago = 0 THEN NULL"
        + " ELSE CAST(round((value - year_ago) / year_ago, 6) AS " + VALUE_TYPE + ") END")
        .as("yoy_change_relative"));
    out.add(expr("CASE WHEN measure_kind = 'stock' THEN value ELSE "
        + valueOf("_ytd_num", "_ytd_den") + " END").as("ytd"));
    out.add(expr("CASE WHEN measure_kind = 'stock' THEN year_ago"
        + " WHEN _ytd_ago IS NULL OR _ytd_ago.y <> _y - 1 THEN NULL ELSE "
        + valueOf("_ytd_ago.num", "_ytd_ago.den") + " END").as("ytd_year_ago"));
    out.add(expr("CASE WHEN NOT _covered THEN NULL WHEN measure_kind = 'stock' THEN value ELSE "
        + valueOf("_r_num", "_r_den") + " END").as("rolling_12m"));
    // Predecessors named where a look-back reaches a month before they joined: the earliest
    // month any look-back reads is January of the year before.
    out.add(expr("nullif(array_join(transform(filter(_preds, p -> p.until >"
        + " make_date(year(month) - 1, 1, 1)), p -> p.code), ','), '')").as(PREDECESSORS));
    return windowed.select(out.toArray(Column[]::new));
  }

  /**
   * The long-form counts, each in the series ("epoch") whose windows read it: a unit without
   * predecessors has one series; a department with predecessors has one per basis (its own
   * rows and its predecessors' rows before they joined, summed per month) beside the one of its
   * months before the first predecessor joined. Adds {@code _epoch_from}, {@code _epoch_to}
   * (the months whose rows the series gives), {@code _own} (the unit has a row that month) and
   * {@code _preds}.
   */
  private static Dataset<Row> withEpochs(Dataset<Row> own, Dataset<Row> departments,
      List<Successions.Basis> bases, org.apache.spark.sql.SparkSession spark) {
    String noPreds = "CAST(array() AS ARRAY<STRUCT<code: STRING, until: DATE>>)";
    if (bases.isEmpty()) {
      return own.unionByName(departments).selectExpr("*", NO_START + " AS _epoch_from",
          NO_END + " AS _epoch_to", "true AS _own", noPreds + " AS _preds");
    }
    // (unit, epoch_from, epoch_to, member, until, preds): the members of each basis, the unit
    // itself (until null) first, and the unit's months before its first basis as an epoch of
    // its own.
    List<Row> rows = new ArrayList<>();
    java.util.Map<String, java.time.LocalDate> firstBasis = new java.util.TreeMap<>();
    for (Successions.Basis b : bases) {
      firstBasis.merge(b.unit(), b.from(), (x, y) -> x.isBefore(y) ? x : y);
      List<Row> preds = new ArrayList<>();
      b.members().forEach((code, until) -> preds.add(org.apache.spark.sql.RowFactory.create(
          code, until)));
      java.time.LocalDate from = b.from();
      java.time.LocalDate to = b.to() == null ? java.time.LocalDate.of(9999, 12, 1) : b.to();
      rows.add(org.apache.spark.sql.RowFactory.create(b.unit(), from, to, b.unit(), null,
          preds));
      b.members().forEach((code, until) -> rows.add(org.apache.spark.sql.RowFactory.create(
          b.unit(), from, to, code, until, preds)));
    }
    firstBasis.forEach((unit, first) -> rows.add(org.apache.spark.sql.RowFactory.create(unit,
        java.time.LocalDate.of(1000, 1, 1), first, unit, null,
        List.of())));
    org.apache.spark.sql.types.StructType pred = new org.apache.spark.sql.types.StructType()
        .add("code", "string").add("until", "date");
    Dataset<Row> epochs = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
        .add("_unit", "string").add("_epoch_from", "date").add("_epoch_to", "date")
        .add("_member", "string").add("_until", "date")
        .add("_preds", org.apache.spark.sql.types.DataTypes.createArrayType(pred)));

    java.util.Set<String> targets = firstBasis.keySet();
    Column isTarget = col(MonthlyFigures.UNIT_CODE).isin(targets.toArray());
    Dataset<Row> alone = departments.filter(col(MonthlyFigures.UNIT_CODE).isNull()
        .or(org.apache.spark.sql.functions.not(isTarget)));
    Dataset<Row> continued = departments
        .join(broadcast(epochs), col(MonthlyFigures.UNIT_CODE).equalTo(col("_member")))
        .filter("_until IS NULL OR month < _until")
        .groupBy(col(CountedDossiers.PUBLISHER), col(UNIT_KIND), col("_unit"),
            col("_epoch_from"), col("_epoch_to"), col(MONTH), col(MEASURE), col(MEASURE_KIND))
        .agg(sum("_num").as("_num"), sum("_den").as("_den"),
            max(expr("_until IS NULL")).as("_own"),
            org.apache.spark.sql.functions.first("_preds").as("_preds"))
        .withColumnRenamed("_unit", MonthlyFigures.UNIT_CODE);
    return own.unionByName(alone).selectExpr("*", NO_START + " AS _epoch_from",
            NO_END + " AS _epoch_to", "true AS _own", noPreds + " AS _preds")
        .unionByName(continued);
  }

  /**
   * A count as a decimal, or for a rate Σ numerator × 100 / Σ denominator rounded half up to 6
   * decimals, exactly (integer arithmetic, as {@code Share.exact}); null when the denominator
   * is zero.
   */
  private static String valueOf(String num, String den) {
    return "CASE WHEN measure_kind <> 'rate' THEN CAST(" + num + " AS " + VALUE_TYPE + ")"
        + " WHEN " + den + " IS NULL OR " + den + " = 0 THEN NULL"
        + " ELSE CAST(CAST((" + num + " * 200000000 + " + den + ") div (2 * " + den + ")"
        + " AS DECIMAL(30,0)) * CAST(0.000001 AS DECIMAL(7,6)) AS " + VALUE_TYPE + ") END";
  }

  /**
   * (publisher_code, unit_kind, unit_code, month, measure, measure_kind, _num, _den): one row
   * per month row of a gold period table and measure.
   */
  private static Dataset<Row> longForm(Dataset<Row> periods, String unitKind,
      boolean isPublisher) {
    String measures = MEASURES.stream()
        .filter(m -> isPublisher || !m.publisherOnly())
        .map(m -> "named_struct('measure', '" + m.name() + "', 'kind', '" + m.kind().label()
            + "', 'num', CAST(" + m.numerator().stream().map(Figure::key)
                .collect(Collectors.joining(" + ")) + " AS BIGINT), 'den', "
            + (m.denominator() == null ? "CAST(NULL AS BIGINT)"
                : "CAST(" + m.denominator().key() + " AS BIGINT)") + ")")
        .collect(Collectors.joining(", "));
    return periods.filter(col(PeriodRollup.PERIOD_KIND).equalTo("month"))
        .selectExpr(CountedDossiers.PUBLISHER,
            "'" + unitKind + "' AS " + UNIT_KIND,
            (isPublisher ? "CAST(NULL AS STRING)" : MonthlyFigures.UNIT_CODE) + " AS "
                + MonthlyFigures.UNIT_CODE,
            PeriodRollup.PERIOD_START + " AS " + MONTH,
            "explode(array(" + measures + ")) AS _m")
        .selectExpr(CountedDossiers.PUBLISHER, UNIT_KIND, MonthlyFigures.UNIT_CODE, MONTH,
            "_m.measure AS " + MEASURE, "_m.kind AS " + MEASURE_KIND, "_m.num AS _num",
            "_m.den AS _den");
  }
}
