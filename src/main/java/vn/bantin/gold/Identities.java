package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The identities of metrics.md, checked on every build for every period of every publisher
 * and every unit; and the units summing to their publisher. A broken identity fails the build
 * with the table, the row, the identity and both sides.
 */
public final class Identities {
  private Identities() {}

  /** Identity name → (left side, right side), SQL over one period row. */
  static final Map<String, String[]> ROW_IDENTITIES = new LinkedHashMap<>();

  static {
    ROW_IDENTITIES.put("total = resolved + pending + returned",
        new String[] {"total", "resolved + pending + returned"});
    ROW_IDENTITIES.put("total = carried_over + received_new",
        new String[] {"total", "carried_over + received_new"});
    ROW_IDENTITIES.put("resolved = early + on time + late",
        new String[] {"resolved", "resolved_early + resolved_on_time + resolved_late"});
    ROW_IDENTITIES.put("online_l34_resolved = early + on time + late",
        new String[] {"online_l34_resolved",
            "online_l34_early + online_l34_on_time + online_l34_late"});
    ROW_IDENTITIES.put("five_on_spot_resolved = early + on time + late",
        new String[] {"five_on_spot_resolved",
            "five_on_spot_early + five_on_spot_on_time + five_on_spot_late"});
    ROW_IDENTITIES.put("pending = not due + awaiting supplement + overdue",
        new String[] {"pending",
            "pending_not_due + pending_awaiting_supplement + pending_overdue"});
  }

  static final Map<String, String[]> SURVEY_IDENTITIES = Map.of(
      "survey_ballots = sum of attitude answers", new String[] {"survey_ballots",
          "survey_attitude_1 + survey_attitude_2 + survey_attitude_3 + survey_attitude_4"},
      "survey_ballots = sum of overall answers", new String[] {"survey_ballots",
          "survey_overall_1 + survey_overall_2 + survey_overall_3 + survey_overall_4"});

  /** How many identity checks a build made, for the run's summary. */
  public record Checked(long rowChecks, long rows) {}

  /**
   * Checks all identities.
   *
   * @param table the gold table's name, for messages
   * @param periods period rows of (publisher_code, [unit_code], period, period_kind, period_start, …)
   * @param withSurvey whether the rows carry the survey lines
   * @throws IdentityViolation on the first few violations
   */
  public static Checked check(String table, Dataset<Row> periods, boolean withSurvey,
      boolean hasUnit) {
    List<Dataset<Row>> violations = new ArrayList<>();
    Map<String, String[]> identities = new LinkedHashMap<>(ROW_IDENTITIES);
    if (withSurvey) {
      identities.putAll(SURVEY_IDENTITIES);
    }
    String unit = hasUnit ? "unit_code" : "CAST(NULL AS STRING)";
    for (Map.Entry<String, String[]> id : identities.entrySet()) {
      violations.add(periods.filter(id.getValue()[0] + " <> " + id.getValue()[1])
          .select(lit(id.getKey()).as("identity"), col("publisher_code"), expr(unit).as("unit"),
              col("period"), expr("CAST(" + id.getValue()[0] + " AS BIGINT)").as("left"),
              expr("CAST(" + id.getValue()[1] + " AS BIGINT)").as("right")));
    }
    // carried_over(P) = pending(the period before P), for periods of every kind.
    Dataset<Row> prev = periods.select(col("publisher_code").as("p_pub"),
        expr(unit).as("p_unit"), col("period_kind").as("p_kind"),
        col("period_start").as("p_start"), col("pending").as("p_pending"));
    Column samePrev = expr("p_pub = publisher_code")
        .and(expr("p_unit <=> " + (hasUnit ? "unit_code" : "CAST(NULL AS STRING)")))
        .and(expr("p_kind = period_kind"))
        .and(expr("p_start = add_months(period_start, CASE period_kind WHEN 'month' THEN -1"
            + " WHEN 'quarter' THEN -3 ELSE -12 END)"));
    violations.add(periods.join(prev, samePrev, "left")
        .filter("carried_over <> coalesce(p_pending, 0)")
        .select(lit("carried_over(P) = pending(period before P)").as("identity"),
            col("publisher_code"), expr(unit).as("unit"), col("period"),
            col("carried_over").as("left"), expr("coalesce(p_pending, 0)").as("right")));

    Dataset<Row> all = violations.stream().reduce(Dataset::unionByName).orElseThrow();
    List<Row> found = all.limit(5).collectAsList();
    if (!found.isEmpty()) {
      throw new IdentityViolation(describe(table, found));
    }
    long rows = periods.count();
    return new Checked(rows * (identities.size() + 1), rows);
  }

  /**
   * Checks that the rows of a unit table add up, figure by figure, to the publisher's.
   */
  public static Checked checkUnitsSum(String table, Dataset<Row> unitPeriods,
      Dataset<Row> publisherPeriods, List<String> figures) {
    List<Column> sums = new ArrayList<>();
    for (String f : figures) {
      sums.add(expr("CAST(sum(" + f + ") AS BIGINT)").as("u_" + f));
    }
    Dataset<Row> summed = unitPeriods.groupBy("publisher_code", "period")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    Dataset<Row> joined = publisherPeriods.join(summed,
        new String[] {"publisher_code", "period"}, "left");
    List<Dataset<Row>> violations = new ArrayList<>();
    for (String f : figures) {
      violations.add(joined.filter("coalesce(u_" + f + ", 0) <> " + f)
          .select(lit("sum over units of " + f + " = the publisher's").as("identity"),
              col("publisher_code"), expr("CAST(NULL AS STRING)").as("unit"), col("period"),
              expr("coalesce(u_" + f + ", 0)").as("left"), col(f).cast("bigint").as("right")));
    }
    List<Row> found = violations.stream().reduce(Dataset::unionByName).orElseThrow()
        .limit(5).collectAsList();
    if (!found.isEmpty()) {
      throw new IdentityViolation(describe(table, found));
    }
    long rows = publisherPeriods.count();
    return new Checked(rows * figures.size(), rows);
  }

  private static String describe(String table, List<Row> found) {
    StringBuilder b = new StringBuilder("Cannot publish " + table + ": an identity of metrics.md"
        + " does not hold (a bug in bantin, please report it):");
    for (Row r : found) {
      b.append("\n  ").append(r.getString(1));
      if (!r.isNullAt(2)) {
        b.append(" unit ").append(r.getString(2));
      }
      b.append(" ").append(r.getString(3)).append(": ").append(r.getString(0)).append(" — ")
          .append(r.get(4)).append(" ≠ ").append(r.get(5));
    }
    return b.toString();
  }
}
