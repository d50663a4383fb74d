package vn.bantin.metrics;

import static vn.bantin.metrics.Figure.CARRIED_OVER;
import static vn.bantin.metrics.Figure.FIVE_ON_SPOT_EARLY;
import static vn.bantin.metrics.Figure.FIVE_ON_SPOT_LATE;
import static vn.bantin.metrics.Figure.FIVE_ON_SPOT_ON_TIME;
import static vn.bantin.metrics.Figure.FIVE_ON_SPOT_RESOLVED;
import static vn.bantin.metrics.Figure.ONLINE_L34_EARLY;
import static vn.bantin.metrics.Figure.ONLINE_L34_LATE;
import static vn.bantin.metrics.Figure.ONLINE_L34_ON_TIME;
import static vn.bantin.metrics.Figure.ONLINE_L34_RESOLVED;
import static vn.bantin.metrics.Figure.PENDING;
import static vn.bantin.metrics.Figure.PENDING_AWAITING_SUPPLEMENT;
import static vn.bantin.metrics.Figure.PENDING_NOT_DUE;
import static vn.bantin.metrics.Figure.PENDING_OVERDUE;
import static vn.bantin.metrics.Figure.RECEIVED_NEW;
import static vn.bantin.metrics.Figure.RESOLVED;
import static vn.bantin.metrics.Figure.RESOLVED_EARLY;
import static vn.bantin.metrics.Figure.RESOLVED_LATE;
import static vn.bantin.metrics.Figure.RESOLVED_ON_TIME;
import static vn.bantin.metrics.Figure.RETURNED;
import static vn.bantin.metrics.Figure.SURVEY_ATTITUDE_1;
import static vn.bantin.metrics.Figure.SURVEY_ATTITUDE_2;
import static vn.bantin.metrics.Figure.SURVEY_ATTITUDE_3;
import static vn.bantin.metrics.Figure.SURVEY_ATTITUDE_4;
import static vn.bantin.metrics.Figure.SURVEY_BALLOTS;
import static vn.bantin.metrics.Figure.SURVEY_OVERALL_1;
import static vn.bantin.metrics.Figure.SURVEY_OVERALL_2;
import static vn.bantin.metrics.Figure.SURVEY_OVERALL_3;
import static vn.bantin.metrics.Figure.SURVEY_OVERALL_4;
import static vn.bantin.metrics.Figure.TOTAL;

import java.util.List;

/**
 * The identities of metrics.md within one period row: a whole equals the sum of its parts.
 * (The identity across periods, carried_over(P) = pending(the period before P), joins two
 * rows and is checked beside these.) Every layer that checks an identity reads it from here.
 */
public enum Identity {
  TOTAL_IS_RESOLVED_PENDING_RETURNED("total = resolved + pending + returned", TOTAL,
      RESOLVED, PENDING, RETURNED),
  TOTAL_IS_CARRIED_OVER_AND_RECEIVED("total = carried_over + received_new", TOTAL,
      CARRIED_OVER, RECEIVED_NEW),
  RESOLVED_BY_DEADLINE("resolved = early + on time + late", RESOLVED,
      RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE),
  ONLINE_L34_BY_DEADLINE("online_l34_resolved = early + on time + late", ONLINE_L34_RESOLVED,
      ONLINE_L34_EARLY, ONLINE_L34_ON_TIME, ONLINE_L34_LATE),
  FIVE_ON_SPOT_BY_DEADLINE("five_on_spot_resolved = early + on time + late",
      FIVE_ON_SPOT_RESOLVED, FIVE_ON_SPOT_EARLY, FIVE_ON_SPOT_ON_TIME, FIVE_ON_SPOT_LATE),
  PENDING_BY_STATE("pending = not due + awaiting supplement + overdue", PENDING,
      PENDING_NOT_DUE, PENDING_AWAITING_SUPPLEMENT, PENDING_OVERDUE),
  SURVEY_BY_ATTITUDE("survey_ballots = sum of attitude answers", SURVEY_BALLOTS,
      SURVEY_ATTITUDE_1, SURVEY_ATTITUDE_2, SURVEY_ATTITUDE_3, SURVEY_ATTITUDE_4),
  SURVEY_BY_OVERALL("survey_ballots = sum of overall answers", SURVEY_BALLOTS,
      SURVEY_OVERALL_1, SURVEY_OVERALL_2, SURVEY_OVERALL_3, SURVEY_OVERALL_4);

  /** The identity across periods, named as the other identities are. */
  public static final String CARRIED_OVER_IS_PREVIOUS_PENDING =
      "carried_over(P) = pending(the period before P)";

  private final String description;
  private final Figure whole;
  private final List<Figure> parts;

  Identity(String description, Figure whole, Figure... parts) {
    this.description = description;
    this.whole = whole;
    this.parts = List.of(parts);
  }

  /** How a failure names it. */
  public String description() {
    return description;
  }

  public Figure whole() {
    return whole;
  }

  public List<Figure> parts() {
    return parts;
  }

  /** True for the survey identities, which hold where the survey lines exist (publishers). */
  public boolean isSurvey() {
    return whole.isSurvey();
  }
}
