package vn.bantin.bulletin;

import java.util.Objects;
import java.util.Optional;

/**
 * How one publisher (a centre, by its agency code such as {@code 000.00.54.H54}) is named and
 * prints its percents. Publishers differ in conventions (domain.md): those differences are
 * settings, read from {@link Publishers}, never forks of the code.
 *
 * @param code the publisher's agency code ({@code MaNoiTiepNhan})
 * @param name the Vietnamese display name, printed in Vietnamese bulletins and in the JSON
 * @param englishName the English display name, printed in English bulletins
 * @param percentStyle how the publisher cuts its shares to their decimals
 * @param surveyDecimals the decimals its survey shares print with (metrics.md: 2; the Lạng Sơn
 *     centre prints one, {@code 95,3})
 * @param articleTemplate the FreeMarker template, under {@code src/main/resources/templates/},
 *     that writes the publisher's own article ({@code --format article}), e.g.
 *     {@code article/thai-binh.ftl}; empty for a publisher whose article has no template
 */
public record PublisherSettings(String code, String name, String englishName,
    PercentStyle percentStyle, int surveyDecimals, Optional<String> articleTemplate) {

  /** The style of a publisher absent from the settings: what most provinces print. */
  public static final PercentStyle DEFAULT_PERCENT_STYLE = PercentStyle.HALF_UP;
  /** metrics.md: survey shares print with 2 decimals unless the publisher prints otherwise. */
  public static final int DEFAULT_SURVEY_DECIMALS = 2;
  /** The most decimals a survey share may print with (the exact shares keep 6). */
  public static final int MAX_SURVEY_DECIMALS = 4;

  public PublisherSettings {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(englishName, "englishName");
    Objects.requireNonNull(percentStyle, "percentStyle");
    Objects.requireNonNull(articleTemplate, "articleTemplate");
    if (surveyDecimals < 0 || surveyDecimals > MAX_SURVEY_DECIMALS) {
      throw new IllegalArgumentException("survey decimals " + surveyDecimals + " not in 0.."
          + MAX_SURVEY_DECIMALS);
    }
  }

  /** Settings of a publisher with no article template. */
  public PublisherSettings(String code, String name, String englishName,
      PercentStyle percentStyle, int surveyDecimals) {
    this(code, name, englishName, percentStyle, surveyDecimals, Optional.empty());
  }

  /** Settings with the survey shares printed as metrics.md prints them (2 decimals). */
  public PublisherSettings(String code, String name, String englishName,
      PercentStyle percentStyle) {
    this(code, name, englishName, percentStyle, DEFAULT_SURVEY_DECIMALS);
  }

  /** The same settings printing percents in {@code style} (the {@code --percent-style} override). */
  public PublisherSettings withPercentStyle(PercentStyle style) {
    return new PublisherSettings(code, name, englishName, style, surveyDecimals, articleTemplate);
  }

  /** How this publisher prints its percents. */
  public PercentPrinting percentPrinting() {
    return new PercentPrinting(percentStyle, surveyDecimals);
  }

  /**
   * The settings of a publisher nobody configured: its code as both names (better than inventing
   * a name) and {@link #DEFAULT_PERCENT_STYLE}.
   */
  public static PublisherSettings defaultFor(String code) {
    return new PublisherSettings(code, code, code, DEFAULT_PERCENT_STYLE);
  }
}
