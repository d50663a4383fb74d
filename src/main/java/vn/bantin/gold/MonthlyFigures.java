package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Measure;

/**
 * The dossier figures per month, for the publisher and for each of its departments, sectors
 * and procedures, from {@code gold.month_facts}: one {@code GROUPING SETS} aggregation over the
 * (already small) facts, then the stocks as running sums of their changes over each unit's
 * months. Units sum to the publisher: a dossier with no department (nor one in its procedure's
 * version) falls into a unit whose code is NULL rather than out of the table.
 *
 * <p>The publisher has a row for every month from its first to its last; a unit has a row in
 * each month where one of its dossiers was carried over into it or received in it, i.e. where
 * it had any activity at all.
 */
public final class MonthlyFigures {
  private MonthlyFigures() {}

  /** The unit tables' dimension. */
  public enum Unit {
    DEPARTMENT(CountedDossiers.DEPARTMENT),
    SECTOR(CountedDossiers.SECTOR),
    PROCEDURE(CountedDossiers.PROCEDURE);

    final String column;

    Unit(String column) {
      this.column = column;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final java.util.concurrent.atomic.AtomicLong VIEWS =
      new java.util.concurrent.atomic.AtomicLong();

  public static final String UNIT_CODE = "unit_code";
  /** Not a bulletin figure: received dossiers whose procedure had no version valid then. */
  public static final String WITHOUT_VERSION = Measure.WITHOUT_VERSION;

  /** The dossier figures of a month row (total is derived: carried over + received). */
  public static final List<String> SUMMED = Stream.concat(
          Stream.of(Figure.values())
              .filter(f -> !f.isSurvey() && f != Figure.TOTAL)
              .map(Figure::key),
          Stream.of(WITHOUT_VERSION))
      .toList();

  /** The monthly figures of publishers and of each unit kind. */
  public record Result(Dataset<Row> publishers, Dataset<Row> departments, Dataset<Row> sectors,
      Dataset<Row> procedures) {
    public Dataset<Row> of(Unit unit) {
      return switch (unit) {
        case DEPARTMENT -> departments;
        case SECTOR -> sectors;
        case PROCEDURE -> procedures;
      };
    }
  }

  /**
   * @param monthFacts {@link MonthFacts}
   * @param publisherMonths {@link PublisherMonths}
   */
  public static Result of(Dataset<Row> monthFacts, Dataset<Row> publisherMonths) {
    String sumsSql = Stream.of(Measure.values())
        .map(m -> "CAST(sum(" + m.column() + ") AS BIGINT) AS " + m.column())
        .collect(Collectors.joining(", "));
    // A view name of its own per call, so two builds in one session never share one.
    String view = "bantin_month_facts_" + VIEWS.incrementAndGet();
    monthFacts.createOrReplaceTempView(view);
    // _level bits: 4 department, 2 sector, 1 procedure, set when the column is rolled up:
    // 7 the publisher, 3 a department, 5 a sector, 6 a procedure.
    Dataset<Row> levels = monthFacts.sparkSession().sql(
        "SELECT publisher_code, month, department_code, sector_code, procedure_code,"
            + " grouping(department_code) * 4 + grouping(sector_code) * 2"
            + " + grouping(procedure_code) AS _level, " + sumsSql
            + " FROM " + view
            + " GROUP BY GROUPING SETS ((publisher_code, month),"
            + " (publisher_code, month, department_code), (publisher_code, month, sector_code),"
            + " (publisher_code, month, procedure_code))");
    return new Result(
        figures(level(levels, 7, null), publisherMonths, false),
        figures(level(levels, 3, Unit.DEPARTMENT), publisherMonths, true),
        figures(level(levels, 5, Unit.SECTOR), publisherMonths, true),
        figures(level(levels, 6, Unit.PROCEDURE), publisherMonths, true));
  }

  private static Dataset<Row> level(Dataset<Row> all, int groupingId, Unit unit) {
    List<Column> cols = new ArrayList<>();
    cols.add(col(CountedDossiers.PUBLISHER));
    cols.add(unit == null ? lit(null).cast("string").as(UNIT_CODE) : col(unit.column).as(UNIT_CODE));
    cols.add(col(MonthFacts.MONTH));
    for (Measure m : Measure.values()) {
      cols.add(col(m.column()));
    }
    return all.filter(col("_level").equalTo(groupingId)).select(cols.toArray(Column[]::new));
  }

  /**
   * Every month of each unit from its first to the publisher's last, the flows of the month
   * and the stocks as running sums of their changes.
   */
  private static Dataset<Row> figures(Dataset<Row> changes, Dataset<Row> publisherMonths,
      boolean isUnit) {
    Dataset<Row> starts = isUnit
        ? changes.groupBy(CountedDossiers.PUBLISHER, UNIT_CODE).agg(min(MonthFacts.MONTH)
            .as("_from")).join(publisherMonths, CountedDossiers.PUBLISHER)
        : publisherMonths.withColumn(UNIT_CODE, lit(null).cast("string"))
            .withColumn("_from", col(PublisherMonths.FIRST_MONTH));
    Dataset<Row> spine = starts.filter(col("_from").leq(col(PublisherMonths.LAST_MONTH)))
        .select(col(CountedDossiers.PUBLISHER).as("_p"), col(UNIT_CODE).as("_u"),
            expr("explode(sequence(_from, " + PublisherMonths.LAST_MONTH
                + ", interval 1 month))").as("_m"));
    Dataset<Row> joined = spine.join(changes, col("_p").equalTo(col(CountedDossiers.PUBLISHER))
        .and(col("_u").eqNullSafe(col(UNIT_CODE))).and(col("_m").equalTo(col(MonthFacts.MONTH))),
        "left");
    WindowSpec upToMonth = Window.partitionBy("_p", "_u").orderBy("_m")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    List<Column> out = new ArrayList<>();
    out.add(col("_p").as(CountedDossiers.PUBLISHER));
    if (isUnit) {
      out.add(col("_u").as(UNIT_CODE));
    }
    out.add(col("_m").as(MonthFacts.MONTH));
    for (Measure m : Measure.values()) {
      Column value = expr("coalesce(" + m.column() + ", 0)");
      out.add((m.kind() == Measure.Kind.FLOW ? value : sum(value).over(upToMonth))
          .cast("bigint").as(m.figureColumn()));
    }
    Dataset<Row> months = joined.select(out.toArray(Column[]::new));
    if (isUnit) {
      months = months.filter(col(Figure.CARRIED_OVER.key()).gt(0)
          .or(col(Figure.RECEIVED_NEW.key()).gt(0)));
    }
    return months;
  }
}
