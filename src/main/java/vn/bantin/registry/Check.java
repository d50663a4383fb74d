package vn.bantin.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One data-quality check of a table, declared beside it ({@link TableChecks}): the rows that
 * fail it are those where {@code failing} (SQL over the table's columns, or over the rows
 * {@code derive} makes of them) is true; the keys check counts duplicate and null keys. An
 * {@link Severity#ERROR} that fails stops the run before what it checks is published; a
 * {@link Severity#WARNING} is printed in the run summary. Every outcome is recorded in
 * {@code gold.checks}.
 *
 * @param name a short name, e.g. {@code channel_in_list}
 * @param description what it checks, in one line
 * @param failing SQL true for a failing row; null for the keys check
 * @param derive the rows the condition is asked of (e.g. each month beside the month before);
 *     empty for the table's own rows
 */
public record Check(String name, Severity severity, String description, String failing,
    Optional<UnaryOperator<Dataset<Row>>> derive) {

  /** How bad a failing check is. */
  public enum Severity {
    /** The table is wrong: nothing built from it is published. */
    ERROR,
    /** Worth a look: printed in the run summary, published anyway. */
    WARNING
  }

  /** Rows of the table for which {@code failing} holds. */
  public static Check rows(String name, Severity severity, String description, String failing) {
    return new Check(name, severity, description, failing, Optional.empty());
  }

  /** Rows derived from the table for which {@code failing} holds. */
  public static Check derived(String name, Severity severity, String description,
      UnaryOperator<Dataset<Row>> derive, String failing) {
    return new Check(name, severity, description, failing, Optional.of(derive));
  }

  /** The declared keys are unique, and not null where declared NOT NULL (an error). */
  public static Check keys(List<String> keys) {
    return new Check(KEYS, Severity.ERROR, "the keys (" + String.join(", ", keys)
        + ") are unique, and not null where declared NOT NULL", null, Optional.empty());
  }

  /** The name of the keys check. */
  public static final String KEYS = "keys_unique_not_null";

  public boolean isKeys() {
    return failing == null;
  }
}
