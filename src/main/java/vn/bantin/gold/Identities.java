package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Identity;

/**
 * The identities of metrics.md, checked on every build for every period of every publisher
 * and every unit, and the units summing to their publisher. A broken identity fails the build
 * with the table, the row, the identity and both sides. Each check is one query: every row's
 * identities are evaluated together and only the broken ones come back.
 */
public final class Identities {
  private Identities() {}

  /** How many identity checks a build made, for the run's summary. */
  public record Checked(long rowChecks, long rows) {}

  /**
   * Checks the identities of every row, and carried_over(P) = pending(the period before P).
   *
   * @param table the gold table's name, for messages
   * @param periods period rows (publisher_code, [unit_code], period, period_kind, period_start, …)
   * @param withSurvey whether the rows carry the survey lines
   * @throws IdentityViolation naming the first few violations
   */
  public static Checked check(String table, Dataset<Row> periods, boolean withSurvey,
      boolean hasUnit) {
    return check(table, periods, null, withSurvey, hasUnit);
  }

  /**
   * As {@link #check(String, Dataset, boolean, boolean)}, for rows that replace part of a
   * table: {@code kept}, rows of the table that stay as they are, may hold the period before a
   * checked row (null: none do).
   */
  public static Checked check(String table, Dataset<Row> periods, Dataset<Row> kept,
      boolean withSurvey, boolean hasUnit) {
    List<Identity> identities = java.util.Arrays.stream(Identity.values())
        .filter(i -> withSurvey || !i.isSurvey()).toList();
    String unit = hasUnit ? "unit_code" : "CAST(NULL AS STRING)";
    // The period before P, of the same kind, for the carried-over identity (missing: pending 0).
    Column[] previousColumns = {col("publisher_code").as("p_pub"),
        expr(unit).as("p_unit"), col("period_kind").as("p_kind"),
        col("period_start").as("p_start"), col("pending").as("p_pending")};
    Dataset<Row> previous = periods.select(previousColumns);
    if (kept != null) {
      previous = previous.unionByName(kept.select(previousColumns));
    }
    Column isPrevious = expr("p_pub = publisher_code")
        .and(expr("p_unit <=> " + unit))
        .and(expr("p_kind = period_kind"))
        .and(expr("p_start = add_months(period_start, CASE period_kind WHEN 'month' THEN -1"
            + " WHEN 'quarter' THEN -3 ELSE -12 END)"));
    List<String> sides = new ArrayList<>();
    for (Identity i : identities) {
      sides.add(side(i.description(), i.whole().key(),
          i.parts().stream().map(Figure::key).collect(Collectors.joining(" + "))));
    }
    sides.add(side(Identity.CARRIED_OVER_IS_PREVIOUS_PENDING, Figure.CARRIED_OVER.key(),
        "coalesce(p_pending, 0)"));
    Found found = firstViolations(periods.join(previous, isPrevious, "left")
        .select(col("publisher_code"), expr(unit).as("unit"), col("period"),
            expr("filter(array(" + String.join(", ", sides) + "), x -> x.left <> x.right)")
                .as("v")));
    if (!found.violations().isEmpty()) {
      throw new IdentityViolation(describe(table, found.violations()));
    }
    return new Checked(found.rows() * (identities.size() + 1), found.rows());
  }

  /** How many rows were checked, and the first few broken identities among them. */
  private record Found(long rows, List<Row> violations) {}

  /**
   * One query over rows of (publisher_code, unit, period, v: the row's broken identities):
   * counts the rows and keeps the first five violations, so a check is one Spark action.
   */
  private static Found firstViolations(Dataset<Row> checked) {
    Row r = checked
        .selectExpr("transform(v, x -> named_struct('publisher_code', publisher_code, 'unit',"
            + " unit, 'period', period, 'identity', x.identity, 'left', x.left, 'right',"
            + " x.right)) AS v")
        .agg(expr("count(1)"),
            expr("slice(flatten(collect_list(CASE WHEN size(v) > 0 THEN v END)), 1, 5)"))
        .first();
    List<Row> violations = r.getList(1);
    return new Found(r.getLong(0), violations);
  }

  /** Checks that the rows of a unit table add up, figure by figure, to the publisher's. */
  public static Checked checkUnitsSum(String table, Dataset<Row> unitPeriods,
      Dataset<Row> publisherPeriods, List<String> figures) {
    List<Column> sums = new ArrayList<>();
    for (String f : figures) {
      sums.add(expr("CAST(sum(" + f + ") AS BIGINT)").as("u_" + f));
    }
    Dataset<Row> summed = unitPeriods.groupBy("publisher_code", "period")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    String sides = figures.stream()
        .map(f -> side("sum over units of " + f + " = the publisher total", "coalesce(u_" + f
            + ", 0)", f))
        .collect(Collectors.joining(", "));
    Found found = firstViolations(publisherPeriods.join(summed,
            new String[] {"publisher_code", "period"}, "left")
        .select(col("publisher_code"), expr("CAST(NULL AS STRING)").as("unit"), col("period"),
            expr("filter(array(" + sides + "), x -> x.left <> x.right)").as("v")));
    if (!found.violations().isEmpty()) {
      throw new IdentityViolation(describe(table, found.violations()));
    }
    return new Checked(found.rows() * figures.size(), found.rows());
  }

  private static String side(String name, String left, String right) {
    return "named_struct('identity', '" + name + "', 'left', CAST(" + left + " AS BIGINT),"
        + " 'right', CAST(" + right + " AS BIGINT))";
  }

  private static String describe(String table, List<Row> found) {
    StringBuilder b = new StringBuilder("Cannot publish " + table + ": an identity of metrics.md"
        + " does not hold (a bug in bantin, please report it):");
    for (Row r : found) {
      b.append("\n  ").append(r.getString(0));
      if (!r.isNullAt(1)) {
        b.append(" unit ").append(r.getString(1));
      }
      b.append(" ").append(r.getString(2)).append(": ").append(r.getString(3)).append(" — ")
          .append(r.getLong(4)).append(" ≠ ").append(r.getLong(5));
    }
    return b.toString();
  }
}
