package vn.bantin.gold;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.bantin.bulletin.Figure;

/**
 * The dossier figures per month, for the publisher and for each of its departments, sectors
 * and procedures, in one aggregation ({@code GROUPING SETS}) over {@link MonthlyFacts}.
 * Units sum to the publisher: a dossier with no department (nor one in its procedure's
 * version) falls into a unit whose code is NULL rather than out of the table.
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

  public static final String UNIT_CODE = "unit_code";
  /** Not a bulletin figure: received dossiers whose procedure had no version valid then. */
  public static final String WITHOUT_VERSION = "received_without_procedure_version";

  /** The dossier figures summed from facts (total is derived: carried over + received). */
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

  public static Result of(SparkSession spark, Dataset<Row> facts) {
    String view = "bantin_monthly_facts";
    facts.createOrReplaceTempView(view);
    String sums = SUMMED.stream().map(f -> "CAST(sum(" + f + ") AS BIGINT) AS " + f)
        .collect(Collectors.joining(",\n  "));
    Dataset<Row> all = spark.sql(
        "SELECT publisher_code, month, department_code, sector_code, procedure_code,\n"
            + "  grouping(department_code) * 4 + grouping(sector_code) * 2 + grouping(procedure_code) AS _level,\n  "
            + sums + "\n"
            + "FROM " + view + "\n"
            + "GROUP BY GROUPING SETS ((publisher_code, month),"
            + " (publisher_code, month, department_code), (publisher_code, month, sector_code),"
            + " (publisher_code, month, procedure_code))");
    // _level bits: 4 department, 2 sector, 1 procedure, set when the column is rolled up:
    // 7 the publisher, 3 a department, 5 a sector, 6 a procedure.
    // Four tables are cut from one aggregation: compute it once (its lineage cut, see
    // GoldBuild) rather than aggregate four times.
    all = all.localCheckpoint();
    return new Result(
        level(all, 7, null),
        level(all, 3, Unit.DEPARTMENT),
        level(all, 5, Unit.SECTOR),
        level(all, 6, Unit.PROCEDURE));
  }

  private static Dataset<Row> level(Dataset<Row> all, int groupingId, Unit unit) {
    return all.filter("_level = " + groupingId).selectExpr(Stream.concat(
            Stream.of("publisher_code", unit == null ? null : unit.column + " AS " + UNIT_CODE,
                "month"),
            SUMMED.stream())
        .filter(s -> s != null).toArray(String[]::new));
  }
}
