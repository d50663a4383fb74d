package vn.bantin.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.survey_answers}: the survey lines of the bulletin as rows, one per publisher,
 * period, question (attitude, overall) and answer (1–4), for charts and SQL.
 */
public final class SurveyAnswers {
  private SurveyAnswers() {}

  public static Dataset<Row> of(Dataset<Row> bulletin) {
    StringBuilder stack = new StringBuilder("stack(8");
    for (String q : new String[] {"attitude", "overall"}) {
      for (int k = 1; k <= 4; k++) {
        stack.append(", '").append(q).append("', ").append(k).append(", survey_").append(q)
            .append('_').append(k);
      }
    }
    stack.append(") AS (question, answer, ballots)");
    return bulletin.selectExpr("publisher_code", "period", "period_kind", "period_start",
            "period_end", "survey_ballots AS ballots_total", stack.toString());
  }
}
