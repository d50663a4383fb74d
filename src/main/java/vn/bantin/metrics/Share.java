package vn.bantin.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Every share the bulletin prints (metrics.md, "Shares and how they are printed"), in the order
 * the published bulletins list them. A share is a numerator figure over a denominator figure, in
 * percent, printed with a fixed number of decimals: 1 for dossier shares, 2 for survey shares.
 *
 * <p>The share's key is its numerator's key (e.g. {@code resolved_early}, {@code postal}), as in
 * the bulletin JSON's {@code printed_percents}.
 */
public enum Share {
  RESOLVED_EARLY(Figure.RESOLVED_EARLY, Figure.RESOLVED, 1, Split.RESOLVED),
  RESOLVED_ON_TIME(Figure.RESOLVED_ON_TIME, Figure.RESOLVED, 1, Split.RESOLVED),
  RESOLVED_LATE(Figure.RESOLVED_LATE, Figure.RESOLVED, 1, Split.RESOLVED),
  POSTAL(Figure.POSTAL, Figure.RESOLVED, 1, null),
  ONLINE_L34_RECEIVED_ONLINE(Figure.ONLINE_L34_RECEIVED_ONLINE, Figure.ONLINE_L34_RESOLVED, 1, null),
  ONLINE_L34_EARLY(Figure.ONLINE_L34_EARLY, Figure.ONLINE_L34_RESOLVED, 1, Split.ONLINE_L34),
  ONLINE_L34_ON_TIME(Figure.ONLINE_L34_ON_TIME, Figure.ONLINE_L34_RESOLVED, 1, Split.ONLINE_L34),
  ONLINE_L34_LATE(Figure.ONLINE_L34_LATE, Figure.ONLINE_L34_RESOLVED, 1, Split.ONLINE_L34),
  FIVE_ON_SPOT_EARLY(Figure.FIVE_ON_SPOT_EARLY, Figure.FIVE_ON_SPOT_RESOLVED, 1, Split.FIVE_ON_SPOT),
  FIVE_ON_SPOT_ON_TIME(Figure.FIVE_ON_SPOT_ON_TIME, Figure.FIVE_ON_SPOT_RESOLVED, 1, Split.FIVE_ON_SPOT),
  FIVE_ON_SPOT_LATE(Figure.FIVE_ON_SPOT_LATE, Figure.FIVE_ON_SPOT_RESOLVED, 1, Split.FIVE_ON_SPOT),
  SURVEY_ATTITUDE_1(Figure.SURVEY_ATTITUDE_1, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_ATTITUDE),
  SURVEY_ATTITUDE_2(Figure.SURVEY_ATTITUDE_2, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_ATTITUDE),
  SURVEY_ATTITUDE_3(Figure.SURVEY_ATTITUDE_3, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_ATTITUDE),
  SURVEY_ATTITUDE_4(Figure.SURVEY_ATTITUDE_4, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_ATTITUDE),
  SURVEY_OVERALL_1(Figure.SURVEY_OVERALL_1, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_OVERALL),
  SURVEY_OVERALL_2(Figure.SURVEY_OVERALL_2, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_OVERALL),
  SURVEY_OVERALL_3(Figure.SURVEY_OVERALL_3, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_OVERALL),
  SURVEY_OVERALL_4(Figure.SURVEY_OVERALL_4, Figure.SURVEY_BALLOTS, 2, Split.SURVEY_OVERALL);

  /** The scale of {@link #exact}: enough for gold tables and comparisons, not a print format. */
  public static final int EXACT_SCALE = 6;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Figure numerator;
  private final Figure denominator;
  private final int decimals;
  private final Split split;

  Share(Figure numerator, Figure denominator, int decimals, Split split) {
    this.numerator = numerator;
    this.denominator = denominator;
    this.decimals = decimals;
    this.split = split;
  }

  /** The key in {@code printed_percents}: the numerator's key. */
  public String key() {
    return numerator.key();
  }

  public Figure numerator() {
    return numerator;
  }

  public Figure denominator() {
    return denominator;
  }

  /** Decimals the share prints with: 1 for dossier shares, 2 for survey shares. */
  public int decimals() {
    return decimals;
  }

  /** The split that adds up to 100% this share is part of; empty for a share that stands alone. */
  public Optional<Split> split() {
    return Optional.ofNullable(split);
  }

  /**
   * The share in percent, rounded half up to {@link #EXACT_SCALE} decimals (e.g. 5102/6225 gives
   * {@code 81.959839}); empty when the denominator is zero, since there is no share of nothing.
   * A zero numerator gives zero here, although a bulletin prints it as "none".
   */
  public Optional<BigDecimal> exact(Map<Figure, Long> figures) {
    return percent(figures, EXACT_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * The share in percent cut to {@code scale} decimals with {@code rounding}, computed exactly
   * (BigDecimal division rounds the true quotient, never a double); empty when the denominator is
   * zero.
   */
  public Optional<BigDecimal> percent(Map<Figure, Long> figures, int scale,
      RoundingMode rounding) {
    long den = figure(figures, denominator);
    long num = figure(figures, numerator);
    if (den == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(num).multiply(HUNDRED).divide(BigDecimal.valueOf(den), scale, rounding));
  }

  /** The numerator's value; fails clearly when it is missing or negative. */
  public long numeratorValue(Map<Figure, Long> figures) {
    return figure(figures, numerator);
  }

  private long figure(Map<Figure, Long> figures, Figure figure) {
    Long value = figures.get(figure);
    if (value == null) {
      throw new IllegalArgumentException(
          "Cannot compute share " + key() + ": figure " + figure.key() + " is missing");
    }
    if (value < 0) {
      throw new IllegalArgumentException(
          "Cannot compute share " + key() + ": figure " + figure.key() + " is negative (" + value + ")");
    }
    return value;
  }
}
