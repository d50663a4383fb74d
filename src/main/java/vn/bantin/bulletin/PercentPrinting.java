package vn.bantin.bulletin;

import java.io.Serializable;
import vn.bantin.metrics.Share;

/**
 * How a publisher prints its percents: how it cuts a share to its decimals, and how many
 * decimals its survey shares have (dossier shares always print with one, metrics.md).
 */
public record PercentPrinting(PercentStyle style, int surveyDecimals) implements Serializable {

  /** metrics.md's printing in {@code style}: survey shares with 2 decimals. */
  public static PercentPrinting of(PercentStyle style) {
    return new PercentPrinting(style, PublisherSettings.DEFAULT_SURVEY_DECIMALS);
  }

  /** The decimals {@code share} prints with. */
  public int decimals(Share share) {
    return share.numerator().isSurvey() ? surveyDecimals : share.decimals();
  }
}
