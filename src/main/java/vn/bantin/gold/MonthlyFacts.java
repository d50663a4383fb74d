package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per counted dossier and month in which it appears in a bulletin: the months from its
 * acceptance to its end (or to the publisher's last month while it stays open). Each row holds
 * the dossier's 0/1 contribution to every dossier figure of that month, each computed from the
 * definitions of metrics.md on the month's own dates, so summing them gives the month's
 * figures and no figure is derived from another.
 *
 * <p>This is the single pass over the dossiers: every month of every publisher comes out of it
 * (a dossier resolved in its month of acceptance yields one row).
 */
public final class MonthlyFacts {
  private MonthlyFacts() {}

  public static final String MONTH = "month";

  /**
   * @param counted {@link CountedDossiers}
   * @param publisherMonths {@link PublisherMonths}: each publisher's first and last month
   */
  public static Dataset<Row> of(Dataset<Row> counted, Dataset<Row> publisherMonths) {
    Dataset<Row> bounded = counted.join(broadcast(publisherMonths), CountedDossiers.PUBLISHER);
    return bounded
        .withColumn(MONTH, expr("explode(sequence(trunc(r, 'MM'),"
            + " CASE WHEN is_ended THEN trunc(e, 'MM') ELSE last_month END, interval 1 month))"))
        .withColumn("_first", col(MONTH))
        .withColumn("_last", expr("last_day(month)"))
        .withColumn("_ends_here", expr("is_ended AND e >= _first AND e <= _last"))
        .withColumn("_open_at_end", expr("r <= _last AND (NOT is_ended OR e > _last)"))
        // Open on the day before the month: accepted before it, not ended before it.
        .withColumn("_open_at_start", expr("r < _first AND (NOT is_ended OR e >= _first)"))
        .withColumn("_awaiting", expr("_open_at_end AND exists(supps, s -> s.requested_on <= _last"
            + " AND (s.received_on IS NULL OR s.received_on > _last))"))
        // The due date in force on t: NgayHenTraTruoc of the earliest request made after t.
        .withColumn("_due_in_force", expr("coalesce(array_min(transform(filter(supps,"
            + " s -> s.requested_on > _last), s -> named_struct('at', s.requested_at,"
            + " 'seq', s.seq, 'due', s.due_before_on))).due, due)"))
        .withColumn("_overdue", expr("_open_at_end AND NOT _awaiting"
            + " AND coalesce(_due_in_force < _last, false)"))
        .withColumn("_resolved", expr("_ends_here AND outcome = 'resolved'"))
        .withColumn("_timing", expr("CASE WHEN due IS NULL OR e = due THEN 'on_time'"
            + " WHEN e < due THEN 'early' ELSE 'late' END"))
        .select(
            col(CountedDossiers.PUBLISHER), col(CountedDossiers.DEPARTMENT),
            col(CountedDossiers.SECTOR), col(CountedDossiers.PROCEDURE), col(MONTH),
            flag("_open_at_start", "carried_over"),
            flag("r >= _first AND r <= _last", "received_new"),
            flag("_resolved", "resolved"),
            flag("_resolved AND _timing = 'early'", "resolved_early"),
            flag("_resolved AND _timing = 'on_time'", "resolved_on_time"),
            flag("_resolved AND _timing = 'late'", "resolved_late"),
            flag("_open_at_end", "pending"),
            flag("_open_at_end AND NOT _awaiting AND NOT _overdue", "pending_not_due"),
            flag("_awaiting", "pending_awaiting_supplement"),
            flag("_overdue", "pending_overdue"),
            flag("_ends_here AND outcome <> 'resolved'", "returned"),
            flag("_resolved AND is_postal", "postal"),
            flag("_resolved AND is_online_l34", "online_l34_resolved"),
            flag("_resolved AND is_online_l34 AND is_online_channel",
                "online_l34_received_online"),
            flag("_resolved AND is_online_l34 AND _timing = 'early'", "online_l34_early"),
            flag("_resolved AND is_online_l34 AND _timing = 'on_time'", "online_l34_on_time"),
            flag("_resolved AND is_online_l34 AND _timing = 'late'", "online_l34_late"),
            flag("_resolved AND is_five_on_spot", "five_on_spot_resolved"),
            flag("_resolved AND is_five_on_spot AND _timing = 'early'", "five_on_spot_early"),
            flag("_resolved AND is_five_on_spot AND _timing = 'on_time'", "five_on_spot_on_time"),
            flag("_resolved AND is_five_on_spot AND _timing = 'late'", "five_on_spot_late"),
            flag("r >= _first AND r <= _last AND NOT has_procedure_version",
                "received_without_procedure_version"));
  }

  private static org.apache.spark.sql.Column flag(String condition, String name) {
    return expr("CAST(coalesce(" + condition + ", false) AS INT)").as(name);
  }
}
