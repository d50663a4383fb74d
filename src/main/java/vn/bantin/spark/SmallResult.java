package vn.bantin.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A small intermediate result (aggregated to months × units, so bounded by the calendar and the
 * catalogue, never by the number of dossiers) computed once and held as local rows.
 *
 * <p>Why not {@code persist}: a persisted Dataset keeps its whole lineage in every plan that
 * reads it, and each reader is planned, and under adaptive execution split into jobs, against
 * it. Profiled on {@code data-samples/}, the gold step ran 181 Spark jobs for seven identity
 * checks, most of them re-planning the same aggregations. A local relation cuts the lineage:
 * the checks, the writes and the trends each plan only their own query.
 */
public final class SmallResult {
  private SmallResult() {}

  /** The rows of {@code rows}, computed now (one action) and held as a local relation. */
  public static Dataset<Row> of(Dataset<Row> rows) {
    return rows.sparkSession().createDataFrame(rows.collectAsList(), rows.schema());
  }

  /**
   * As {@link #of}, when {@code rows} are at most {@code most}; otherwise {@code rows} as they
   * were given, computed again by each reader: a result larger than its grain promised is never
   * held on the driver whole (at most {@code most} + 1 rows are collected to find out). Rows
   * already held are returned as they are.
   */
  public static Dataset<Row> ofAtMost(Dataset<Row> rows, int most) {
    if (rows.queryExecution().optimizedPlan()
        instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation) {
      return rows;
    }
    java.util.List<Row> held = rows.limit(most + 1).collectAsList();
    return held.size() > most ? rows : rows.sparkSession().createDataFrame(held, rows.schema());
  }
}
