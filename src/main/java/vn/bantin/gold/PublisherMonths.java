package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which months exist for each publisher (metrics.md, "Which periods exist"): from the first
 * month with an accepted dossier or a ballot to the last month in which a dossier was received
 * or ended or a ballot was filled in. Grain: one publisher.
 */
public final class PublisherMonths {
  private PublisherMonths() {}

  public static final String FIRST_MONTH = "first_month";
  public static final String LAST_MONTH = "last_month";

  /**
   * @param monthFacts {@link MonthFacts}
   * @param survey the survey lines ({@link SurveyMonthly}): one row per publisher and month
   *     with a ballot counted, so the ballots are read once for both
   */
  public static Dataset<Row> of(Dataset<Row> monthFacts, Dataset<Row> survey) {
    Dataset<Row> dossierMonths = monthFacts
        .groupBy(CountedDossiers.PUBLISHER, MonthFacts.MONTH)
        .agg(expr("sum(received_new)").as("_received"),
            expr("sum(resolved + returned)").as("_ended"))
        .filter("_received > 0 OR _ended > 0")
        .select(col(CountedDossiers.PUBLISHER),
            expr("CASE WHEN _received > 0 THEN month END").as("_start"),
            col(MonthFacts.MONTH).as("_end"));
    Dataset<Row> ballotMonths = survey
        .select(col(CountedDossiers.PUBLISHER), col(MonthFacts.MONTH).as("_start"),
            col(MonthFacts.MONTH).as("_end"));
    return dossierMonths.unionByName(ballotMonths)
        .groupBy(CountedDossiers.PUBLISHER)
        .agg(min("_start").as(FIRST_MONTH), max("_end").as(LAST_MONTH));
  }

  /** Every month of every publisher: (publisher_code, month). */
  public static Dataset<Row> spine(Dataset<Row> publisherMonths) {
    return publisherMonths.select(col(CountedDossiers.PUBLISHER),
        expr("explode(sequence(first_month, last_month, interval 1 month))")
            .as(MonthFacts.MONTH));
  }
}
