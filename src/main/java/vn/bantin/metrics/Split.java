package vn.bantin.metrics;

/**
 * A group of shares of one denominator whose numerators add up to it (metrics.md's identities),
 * so that their shares add up to 100%. Under {@code PercentStyle.TRUNCATE_REMAINDER} the last
 * non-zero part of a split is printed as 100 minus the printed others.
 */
public enum Split {
  /** Before / on / after the deadline, of all resolved dossiers. */
  RESOLVED,
  /** Before / on / after the deadline, of resolved online level 3–4 dossiers. */
  ONLINE_L34,
  /** Before / on / after the deadline, of resolved "5 tại chỗ" dossiers. */
  FIVE_ON_SPOT,
  /** The four answers to the staff-attitude question, of all ballots. */
  SURVEY_ATTITUDE,
  /** The four answers to the overall-satisfaction question, of all ballots. */
  SURVEY_OVERALL
}
