package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.cleaned.BallotShape;

/**
 * The survey lines per publisher and month: ballots filled in at the publisher whose local date
 * falls in the month, and the count of each answer to each question. Ballots are not
 * attributed to departments. Grain: one publisher and month with at least one ballot.
 */
public final class SurveyMonthly {
  private SurveyMonthly() {}

  public static Dataset<Row> of(Dataset<Row> ballots) {
    List<Column> aggs = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      aggs.add(sum(expr("CAST(attitude = " + k + " AS BIGINT)")).as("survey_attitude_" + k));
    }
    for (int k = 1; k <= 4; k++) {
      aggs.add(sum(expr("CAST(overall = " + k + " AS BIGINT)")).as("survey_overall_" + k));
    }
    return counted(ballots)
        .groupBy(col(CountedDossiers.PUBLISHER), col(MonthFacts.MONTH))
        .agg(count(lit(1)).as("survey_ballots"), aggs.toArray(Column[]::new));
  }

  /**
   * The ballots the survey lines count, with the month they count in: those filled in at a
   * publisher, as {@code publisher_code}, and {@code month}, the 1st of the local date's month.
   * The one definition the survey lines, the publishers' months and a build's changed months
   * use.
   */
  static Dataset<Row> counted(Dataset<Row> ballots) {
    return ballots.filter(col(BallotShape.PUBLISHER_CODE).isNotNull())
        .withColumnRenamed(BallotShape.PUBLISHER_CODE, CountedDossiers.PUBLISHER)
        .withColumn(MonthFacts.MONTH, expr("trunc(to_date(answered_at), 'MM')"));
  }
}
