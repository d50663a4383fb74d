package vn.bantin.bulletin;

import vn.bantin.metrics.Share;
import vn.bantin.metrics.Figure;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One bulletin: a publisher's figures for one period, optionally for one of its units (a
 * department, when the job produces per-department bulletins). All 31 {@link Figure}s are
 * required, none negative, so that every output (JSON, Markdown, HTML) says the same thing.
 *
 * @param publisher who publishes it, and how it prints percents
 * @param period the period covered
 * @param unitCode the unit (department) code, empty for the publisher's own bulletin
 * @param figures every figure of the period, copied and unmodifiable
 * @param unitName the unit's name for the period (the unit tables' {@code unit_name}), empty
 *     when unknown or for the publisher's own bulletin
 * @param provisionalAsOf when the period is provisional (gold's {@code provisional}), the time
 *     of the newest extract its figures come from; empty for a final period
 */
public record Bulletin(
    PublisherSettings publisher, BulletinPeriod period, Optional<String> unitCode, Map<Figure, Long> figures,
    Optional<String> unitName, Optional<java.time.LocalDateTime> provisionalAsOf) {

  /** A bulletin without a unit name. */
  public Bulletin(PublisherSettings publisher, BulletinPeriod period, Optional<String> unitCode,
      Map<Figure, Long> figures) {
    this(publisher, period, unitCode, figures, Optional.empty());
  }

  /** A final bulletin (not provisional). */
  public Bulletin(PublisherSettings publisher, BulletinPeriod period, Optional<String> unitCode,
      Map<Figure, Long> figures, Optional<String> unitName) {
    this(publisher, period, unitCode, figures, unitName, Optional.empty());
  }

  /** The same bulletin, marked provisional with the data as of {@code asOf} (null: final). */
  public Bulletin provisional(java.time.LocalDateTime asOf) {
    return new Bulletin(publisher, period, unitCode, figures, unitName, Optional.ofNullable(asOf));
  }

  public Bulletin {
    Objects.requireNonNull(unitName, "unitName");
    Objects.requireNonNull(provisionalAsOf, "provisionalAsOf");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(figures, "figures");
    Map<Figure, Long> copy = new EnumMap<>(Figure.class);
    for (Figure figure : Figure.values()) {
      Long value = figures.get(figure);
      if (value == null || value < 0) {
        throw new IllegalArgumentException("Cannot build bulletin " + period + " of " + publisher.code()
            + ": figure " + figure.key() + (value == null ? " is missing" : " is negative (" + value + ")"));
      }
      copy.put(figure, value);
    }
    figures = Collections.unmodifiableMap(copy);
  }

  /** The publisher's own bulletin for the period labelled {@code period} (e.g. {@code 2021-04}). */
  public static Bulletin of(PublisherSettings publisher, String period, Map<Figure, Long> figures) {
    return new Bulletin(publisher, BulletinPeriod.parse(period), Optional.empty(), figures);
  }

  /** The bulletin of one unit (department) {@code unitCode} of the publisher. */
  public static Bulletin ofUnit(
      PublisherSettings publisher, String period, String unitCode, Map<Figure, Long> figures) {
    return new Bulletin(publisher, BulletinPeriod.parse(period), Optional.of(unitCode), figures);
  }

  /** The bulletin of one unit with its name for the period ({@code unitName} may be null). */
  public static Bulletin ofUnit(PublisherSettings publisher, String period, String unitCode,
      String unitName, Map<Figure, Long> figures) {
    return new Bulletin(publisher, BulletinPeriod.parse(period), Optional.of(unitCode), figures,
        Optional.ofNullable(unitName));
  }

  /** The value of one figure. */
  public long figure(Figure figure) {
    return figures.get(figure);
  }

  /**
   * The percents as the publisher prints them: its style and survey decimals (see
   * {@link PrintedPercents#values}).
   */
  public Map<Share, BigDecimal> printedPercents() {
    return PrintedPercents.values(figures, publisher.percentPrinting());
  }
}
