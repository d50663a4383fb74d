package vn.bantin.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.expressions.Window;
import vn.bantin.registry.Check.Severity;

/**
 * The data-quality checks of every table, declared here beside the registry. Every table with
 * keys (the raw layer aside: its keys are file and line, unique by construction) checks them;
 * the cleaned tables check the codes and dates the contract allows (errors: the cleaned step
 * quarantines any other, so a failure is a bug or a foreign write) and the order of dates it
 * does not enforce (warnings); {@code gold.bulletin} warns of a month whose dossiers received
 * jump or drop by more than {@value #JUMP}× against the month before (a missing or doubled
 * extract looks like that).
 */
public final class TableChecks {
  /** The factor of a month-on-month jump that is warned of. */
  public static final int JUMP = 3;
  /** Months with fewer dossiers before them are too small to judge a jump on. */
  public static final int JUMP_FLOOR = 100;

  private TableChecks() {}

  /** The checks of the table, in the order they are reported. */
  public static List<Check> of(Table table) {
    List<Check> checks = new ArrayList<>();
    if (table.layer() == Layer.RAW || table.isLog()) {
      return checks;
    }
    if (!table.keys().isEmpty()) {
      checks.add(Check.keys(table.keys()));
    }
    switch (table) {
      case CLEANED_DOSSIERS -> {
        checks.add(Check.rows("channel_in_list", Severity.ERROR,
            "channel is 1, 2 or 3 (or unknown)", "channel NOT IN (1, 2, 3)"));
        checks.add(Check.rows("status_in_list", Severity.ERROR, "status is 1 to 10",
            "status IS NULL OR status NOT BETWEEN 1 AND 10"));
        checks.add(Check.rows("delivery_in_list", Severity.ERROR,
            "delivery is 0 or 1 (or unknown)", "delivery NOT IN (0, 1)"));
        checks.add(Check.rows("accepted_before_ended", Severity.ERROR,
            "accepted no later than processing ended", "accepted_at > ended_at"));
        checks.add(Check.rows("submitted_before_accepted", Severity.WARNING,
            "submitted no later than accepted", "submitted_at > accepted_at"));
        checks.add(Check.rows("ended_before_handed_over", Severity.WARNING,
            "result handed over no earlier than processing ended",
            "handed_over_at < ended_at"));
      }
      case CLEANED_BALLOTS -> checks.add(Check.rows("answers_in_list", Severity.ERROR,
          "both answers are 1 to 4",
          "attitude NOT BETWEEN 1 AND 4 OR overall NOT BETWEEN 1 AND 4"));
      case CLEANED_LOADED_FILES -> checks.add(Check.rows("read_is_loaded_plus_quarantined",
          Severity.ERROR, "every record read is loaded or quarantined",
          "`read` <> loaded + quarantined"));
      case GOLD_BULLETIN -> checks.add(Check.derived("received_month_on_month_jump",
          Severity.WARNING, "a month's dossiers received new are within " + JUMP + "× of the"
              + " month before's (when that had at least " + JUMP_FLOOR + ")",
          rows -> rows.where(col("period_kind").equalTo("month")).withColumn("previous",
              lag(col("received_new"), 1).over(Window.partitionBy("publisher_code")
                  .orderBy("period"))),
          "previous >= " + JUMP_FLOOR + " AND (received_new > " + JUMP + " * previous OR "
              + JUMP + " * received_new < previous)"));
      default -> { }
    }
    return checks;
  }
}
