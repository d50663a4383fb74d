package vn.bantin.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.expressions.Window;
import vn.bantin.cleaned.QuarantineReason;
import vn.bantin.extract.ExtractKind;
import vn.bantin.raw.RawColumns;
import vn.bantin.registry.Check.Severity;

/**
 * The data-quality checks of every table, declared here beside the registry. Every table with
 * keys checks them; the raw tables check what the readers promise of every record (where it
 * starts in its file, a read problem of a known kind) and {@code raw.ingested_files} what it
 * logs of every file (its kind, checksum and counts), errors all: a failure is a bug or a write
 * behind bantin's back, and nothing is cleaned from it; the cleaned tables check the codes and dates the contract allows (errors: the cleaned step
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

  /** What a reader may say of a record it could not read ({@code SourceRecord#problem}). */
  private static final List<String> READ_PROBLEMS = List.of(
      QuarantineReason.MALFORMED_RECORD.code(), QuarantineReason.UNDECODABLE_TEXT.code());
  /** The kinds of extract, as {@code raw.ingested_files} names them. */
  private static final List<String> KINDS = java.util.Arrays.stream(ExtractKind.values())
      .map(ExtractKind::prefix).toList();

  /** The checks of the table, in the order they are reported. */
  public static List<Check> of(Table table) {
    List<Check> checks = new ArrayList<>();
    if (table.isLog()) {
      return checks;
    }
    if (!table.keys().isEmpty()) {
      checks.add(Check.keys(table.keys()));
    }
    switch (table) {
      case RAW_HOSO, RAW_DANHGIA, RAW_THUTUC, RAW_DONVI -> {
        checks.add(Check.rows("line_at_least_one", Severity.ERROR,
            "every record says where it starts in its file (line or row 1 or later)",
            RawColumns.SOURCE_LINE + " IS NULL OR " + RawColumns.SOURCE_LINE + " < 1"));
        checks.add(Check.rows("read_problem_in_list", Severity.ERROR,
            "a record that could not be read says why: " + String.join(" or ", READ_PROBLEMS),
            RawColumns.READ_PROBLEM + " NOT IN ('" + String.join("', '", READ_PROBLEMS)
                + "')"));
      }
      case RAW_INGESTED_FILES -> {
        checks.add(Check.rows("kind_in_list", Severity.ERROR, "the file's kind is one of "
            + String.join(", ", KINDS), RawColumns.KIND + " NOT IN ('"
            + String.join("', '", KINDS) + "')"));
        checks.add(Check.rows("sha256_is_hex", Severity.ERROR,
            "the file's checksum is 64 lower-case hexadecimal digits",
            RawColumns.SHA256 + " NOT RLIKE '^[0-9a-f]{64}$'"));
        checks.add(Check.rows("counts_not_negative", Severity.ERROR,
            "the file's bytes and records are not negative",
            RawColumns.BYTES + " < 0 OR " + RawColumns.RECORDS + " < 0"));
      }
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
