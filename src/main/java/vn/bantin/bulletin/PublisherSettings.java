package vn.bantin.bulletin;

import java.util.Objects;

/**
 * How one publisher (a centre, by its agency code such as {@code 000.00.54.H54}) is named and
 * prints its percents. Publishers differ in conventions (domain.md): those differences are
 * settings, read from {@link Publishers}, never forks of the code.
 *
 * @param code the publisher's agency code ({@code MaNoiTiepNhan})
 * @param name the Vietnamese display name, printed in Vietnamese bulletins and in the JSON
 * @param englishName the English display name, printed in English bulletins
 * @param percentStyle how the publisher cuts its shares to their decimals
 */
public record PublisherSettings(String code, String name, String englishName, PercentStyle percentStyle) {

  /** The style of a publisher absent from the settings: what most provinces print. */
  public static final PercentStyle DEFAULT_PERCENT_STYLE = PercentStyle.HALF_UP;

  public PublisherSettings {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(englishName, "englishName");
    Objects.requireNonNull(percentStyle, "percentStyle");
  }

  /**
   * The settings of a publisher nobody configured: its code as both names (better than inventing
   * a name) and {@link #DEFAULT_PERCENT_STYLE}.
   */
  public static PublisherSettings defaultFor(String code) {
    return new PublisherSettings(code, code, code, DEFAULT_PERCENT_STYLE);
  }
}
