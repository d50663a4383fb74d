package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import vn.bantin.cleaned.AgencyShape;
import vn.bantin.cleaned.ProcedureShape;
import vn.bantin.registry.Table;

/**
 * The {@code unit_name} of the unit tables' rows: the department's name as the agency versions
 * give it, the sector's and the procedure's as the catalogue versions do, each for the period.
 * The name of a period is the one of the version valid on its last day (the later
 * {@code valid_from} wins where versions overlap, as contract.md says); failing that, of the
 * latest version that started by then (a unit closed inside the period keeps its last name);
 * null when no version of the code started by the period's end. Joined onto the aggregated unit
 * rows (thousands) from the versions (hundreds): a broadcast join, after the grouping sets.
 */
public final class UnitNames {
  private UnitNames() {}

  public static final String UNIT_NAME = "unit_name";

  /** (code, name, valid_from, valid_to) of the unit table's units, from the cleaned versions. */
  static Dataset<Row> versions(Table unitTable, Dataset<Row> agencies, Dataset<Row> catalogue) {
    return switch (unitTable) {
      case GOLD_DEPARTMENT -> agencies.selectExpr(AgencyShape.AGENCY_CODE + " AS _code",
          AgencyShape.AGENCY_NAME + " AS _name", AgencyShape.VALID_FROM + " AS _from",
          AgencyShape.VALID_TO + " AS _to");
      case GOLD_SECTOR -> catalogue.selectExpr(ProcedureShape.SECTOR_CODE + " AS _code",
          ProcedureShape.SECTOR_NAME + " AS _name", ProcedureShape.VALID_FROM + " AS _from",
          ProcedureShape.VALID_TO + " AS _to").distinct();
      case GOLD_PROCEDURE -> catalogue.selectExpr(ProcedureShape.PROCEDURE_CODE + " AS _code",
          ProcedureShape.PROCEDURE_NAME + " AS _name", ProcedureShape.VALID_FROM + " AS _from",
          ProcedureShape.VALID_TO + " AS _to");
      default -> throw new IllegalArgumentException("Cannot name the units of "
          + unitTable.qualifiedName() + ": it is not a unit table");
    };
  }

  /**
   * The unit rows with {@code unit_name}.
   *
   * @param versions (_code, _name, _from, _to) from {@link #versions}
   */
  public static Dataset<Row> addTo(Dataset<Row> units, Dataset<Row> versions) {
    Dataset<Row> periods = units.select(CountedDossiers.PUBLISHER, MonthlyFigures.UNIT_CODE,
        PeriodRollup.PERIOD, PeriodRollup.PERIOD_END).distinct();
    Dataset<Row> named = periods.join(broadcast(versions.filter("_name IS NOT NULL")),
            col(MonthlyFigures.UNIT_CODE).equalTo(col("_code"))
                .and(expr("_from IS NULL OR _from <= " + PeriodRollup.PERIOD_END)))
        .withColumn("_rank", expr("row_number()").over(Window
            .partitionBy(CountedDossiers.PUBLISHER, MonthlyFigures.UNIT_CODE, PeriodRollup.PERIOD)
            .orderBy(expr("_to IS NULL OR _to >= " + PeriodRollup.PERIOD_END).desc(),
                col("_from").desc_nulls_last(), col("_name").desc())))
        .filter("_rank = 1")
        // Renamed: the names derive from the unit rows, and a join of a Dataset with one
        // derived from it on same-named columns is ambiguous to Spark.
        .select(col(CountedDossiers.PUBLISHER).as("_p"), col(MonthlyFigures.UNIT_CODE).as("_u"),
            col(PeriodRollup.PERIOD).as("_per"), col("_name").as(UNIT_NAME));
    String[] columns = units.columns();
    java.util.List<org.apache.spark.sql.Column> out = new java.util.ArrayList<>();
    for (String c : columns) {
      out.add(col(c));
    }
    out.add(col(UNIT_NAME));
    return units.join(named, col(CountedDossiers.PUBLISHER).equalTo(col("_p"))
            .and(col(MonthlyFigures.UNIT_CODE).equalTo(col("_u")))
            .and(col(PeriodRollup.PERIOD).equalTo(col("_per"))), "left")
        .select(out.toArray(org.apache.spark.sql.Column[]::new));
  }
}
