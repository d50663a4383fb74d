package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDateTime;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import vn.bantin.raw.RawColumns;

/**
 * Which periods are provisional: those whose last day was not yet a full day behind when the
 * newest dossier extract was taken. A month extracted at 01:30 on the 1st of the next month
 * still misses the dossiers entered late on its last day (and the night's corrections), so the
 * bulletin says "số liệu tạm tính đến …" / "provisional, data as of …" until an extract taken
 * on the 2nd or later arrives. A quarter or year is provisional when its last month is.
 *
 * <p>"The newest extract" is the latest extract time among the dossiers' states in
 * {@code cleaned.dossiers}: every dossier extract carries at least the dossiers it changed, and
 * a dossier extracted again takes the later extract time (newest wins), so it is the time of
 * the last dossier extract taken in. It is the province's, not a publisher's: one export holds
 * every publisher.
 */
public final class Provisional {
  private Provisional() {}

  /**
   * On a provisional row, when the newest dossier extract was taken (local time); null on a
   * final row.
   */
  public static final String DATA_AS_OF = "data_as_of";
  /** Whether the period's figures can still change with the dossiers of its last day. */
  public static final String PROVISIONAL = "provisional";

  /** The newest extract time of the dossiers' states, or null for no dossier. */
  static LocalDateTime dataAsOf(Dataset<Row> dossiers) {
    Row r = dossiers.agg(org.apache.spark.sql.functions.max(RawColumns.EXTRACT_AT)).first();
    return r.isNullAt(0) ? null : (LocalDateTime) r.get(0);
  }

  /**
   * As {@link #dataAsOf(Dataset)}, reading first only the dossiers extracted at or after
   * {@code near} (the largest extract time in the table's file statistics): Delta then skips
   * every file whose statistics end before it, and a decade's dossiers are not read whole for
   * one timestamp. The answer does not depend on {@code near}: when no dossier is that new (a
   * statistic of a deleted row), every dossier is read.
   */
  static LocalDateTime dataAsOf(Dataset<Row> dossiers, java.util.Optional<LocalDateTime> near) {
    if (near.isPresent()) {
      LocalDateTime newest = dataAsOf(dossiers.where(col(RawColumns.EXTRACT_AT)
          .geq(lit(near.get()))));
      if (newest != null) {
        return newest;
      }
    }
    return dataAsOf(dossiers);
  }

  /**
   * A TIMESTAMP_NTZ value as Delta's file statistics write it ({@code 2026-01-01T01:30:00.000});
   * empty for any other text.
   */
  static java.util.Optional<LocalDateTime> loggedTimestamp(String logged) {
    try {
      return java.util.Optional.of(LocalDateTime.parse(logged));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** Period rows with {@link #DATA_AS_OF} and {@link #PROVISIONAL} (the rule above). */
  static Dataset<Row> addTo(Dataset<Row> periods, LocalDateTime dataAsOf) {
    if (dataAsOf == null) {
      return periods.withColumn(DATA_AS_OF, lit(null).cast(DataTypes.TimestampNTZType))
          .withColumn(PROVISIONAL, lit(false));
    }
    // The time only on a provisional row: a final row must not change when a later extract
    // arrives, or every kept period would differ from a rebuild.
    return periods.withColumn(PROVISIONAL, lit(dataAsOf).lt(
            date_add(col(PeriodRollup.PERIOD_END), 2).cast(DataTypes.TimestampNTZType)))
        .withColumn(DATA_AS_OF, org.apache.spark.sql.functions.when(col(PROVISIONAL),
            lit(dataAsOf)).cast(DataTypes.TimestampNTZType));
  }

  /**
   * (publisher_code, month) of the months published as provisional: a build recomputes them,
   * so that a later extract turns them final even when it changes none of their figures.
   */
  static Dataset<Row> publishedMonths(Dataset<Row> publishedBulletin) {
    return publishedBulletin.where(col(PeriodRollup.PERIOD_KIND).equalTo("month")
            .and(col(PROVISIONAL)))
        .select(col(CountedDossiers.PUBLISHER), col(PeriodRollup.PERIOD_START)
            .as(MonthFacts.MONTH));
  }
}
