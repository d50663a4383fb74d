package vn.bantin.metrics;

import java.util.Locale;

/**
 * Every figure of the bulletin ({@code shared/spec/metrics.md}), in the order the published
 * bulletins list them. The lower-case name is the key in the bulletin JSON and the column name
 * in the gold tables.
 */
public enum Figure {
  CARRIED_OVER,
  RECEIVED_NEW,
  TOTAL,
  RESOLVED,
  RESOLVED_EARLY,
  RESOLVED_ON_TIME,
  RESOLVED_LATE,
  PENDING,
  PENDING_NOT_DUE,
  PENDING_AWAITING_SUPPLEMENT,
  PENDING_OVERDUE,
  RETURNED,
  POSTAL,
  ONLINE_L34_RESOLVED,
  ONLINE_L34_RECEIVED_ONLINE,
  ONLINE_L34_EARLY,
  ONLINE_L34_ON_TIME,
  ONLINE_L34_LATE,
  FIVE_ON_SPOT_RESOLVED,
  FIVE_ON_SPOT_EARLY,
  FIVE_ON_SPOT_ON_TIME,
  FIVE_ON_SPOT_LATE,
  SURVEY_BALLOTS,
  SURVEY_ATTITUDE_1,
  SURVEY_ATTITUDE_2,
  SURVEY_ATTITUDE_3,
  SURVEY_ATTITUDE_4,
  SURVEY_OVERALL_1,
  SURVEY_OVERALL_2,
  SURVEY_OVERALL_3,
  SURVEY_OVERALL_4;

  /** The key of this figure in the bulletin JSON and its gold column name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the survey lines, which exist for the publisher only, never per department. */
  public boolean isSurvey() {
    return name().startsWith("SURVEY_");
  }
}
