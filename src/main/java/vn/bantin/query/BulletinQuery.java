package vn.bantin.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.bantin.UserError;
import vn.bantin.bulletin.Bulletin;
import vn.bantin.bulletin.BulletinJson;
import vn.bantin.bulletin.BulletinPeriod;
import vn.bantin.bulletin.BulletinRenderer;
import vn.bantin.metrics.Figure;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.PercentStyle;
import vn.bantin.bulletin.PublisherSettings;
import vn.bantin.bulletin.Publishers;
import vn.bantin.bulletin.RenderFormat;
import vn.bantin.cleaned.AgencyShape;
import vn.bantin.gold.Provisional;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * Reads bulletins back from the gold tables: one publisher, a period (a month, quarter, year,
 * a range {@code 2021-01..2021-12} of one kind, or {@code all} months), for the publisher or per
 * department, sector or procedure; and prints them as JSON, Markdown or HTML. It reads through
 * {@link TableRows}, so a query needs no Spark session.
 */
public final class BulletinQuery {
  private final TableRows tables;
  private final Warehouse warehouse;
  private final Publishers publishers;

  public BulletinQuery(TableRows tables, Warehouse warehouse, Publishers publishers) {
    this.tables = tables;
    this.warehouse = warehouse;
    this.publishers = publishers;
  }

  /** The unit tables, by the {@code --by} word. */
  public static Table unitTable(String by) {
    return switch (by) {
      case "department" -> Table.GOLD_DEPARTMENT;
      case "sector" -> Table.GOLD_SECTOR;
      case "procedure" -> Table.GOLD_PROCEDURE;
      default -> throw new UserError("Cannot print the bulletin: --by takes department, sector"
          + " or procedure, not '" + by + "'");
    };
  }

  /**
   * The bulletins asked for, in period (then unit) order.
   *
   * @param by null for the publisher's own bulletin
   * @param style null for the publisher's own percent style
   */
  public List<Bulletin> query(String publisher, String periodSpec, String by, PercentStyle style) {
    if (!tables.exists(Table.GOLD_BULLETIN)) {
      throw new UserError("Cannot print the bulletin: " + warehouse.root() + " holds no gold"
          + " tables yet; run 'bantin run' first");
    }
    List<Map<String, Object>> publisherRows =
        tables.rows(Table.GOLD_BULLETIN, Map.of("publisher_code", publisher));
    TreeSet<String> months = new TreeSet<>();
    for (Map<String, Object> r : publisherRows) {
      if ("month".equals(r.get("period_kind"))) {
        months.add((String) r.get("period"));
      }
    }
    if (months.isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      tables.rows(Table.GOLD_BULLETIN, Map.of())
          .forEach(r -> known.add((String) r.get("publisher_code")));
      throw new UserError("Cannot print the bulletin: publisher " + publisher + " has no data"
          + " in " + warehouse.root() + " (publishers with data: " + String.join(", ", known)
          + ")");
    }
    String dataRange = months.first() + ".." + months.last();
    List<Map<String, Object>> rows = by == null ? publisherRows
        : tables.rows(unitTable(by), Map.of("publisher_code", publisher));
    List<Map<String, Object>> selected =
        select(rows, periodSpec, dataRange, publisher, publisherRows);
    PublisherSettings settings = settingsFor(publisher);
    if (style != null) {
      settings = settings.withPercentStyle(style);
    }
    selected.sort(Comparator.comparing((Map<String, Object> r) -> r.get("period_start").toString())
        .thenComparing(r -> (String) r.get("unit_code"),
            Comparator.nullsLast(Comparator.naturalOrder())));
    // A unit's period is provisional when its publisher's is (one extract holds them all).
    Map<String, java.time.LocalDateTime> provisional = new java.util.HashMap<>();
    for (Map<String, Object> r : publisherRows) {
      if (Boolean.TRUE.equals(r.get(Provisional.PROVISIONAL))) {
        provisional.put((String) r.get("period"),
            (java.time.LocalDateTime) r.get(Provisional.DATA_AS_OF));
      }
    }
    List<Bulletin> out = new ArrayList<>();
    for (Map<String, Object> r : selected) {
      Map<Figure, Long> figures = new EnumMap<>(Figure.class);
      for (Figure f : Figure.values()) {
        figures.put(f, f.isSurvey() && by != null ? 0L : (Long) r.get(f.key()));
      }
      String period = (String) r.get("period");
      out.add((by == null ? Bulletin.of(settings, period, figures)
          : Bulletin.ofUnit(settings, period, String.valueOf(r.get("unit_code")),
              (String) r.get(vn.bantin.gold.UnitNames.UNIT_NAME), figures))
          .provisional(provisional.get(period)));
    }
    return out;
  }

  /** The {@code --period} words for every period of a kind: all (every month), months, … */
  public static final Map<String, String> EVERY = Map.of("all", "month", "months", "month",
      "quarters", "quarter", "years", "year");

  private static List<Map<String, Object>> select(List<Map<String, Object>> rows, String spec,
      String dataRange, String publisher, List<Map<String, Object>> publisherRows) {
    String every = EVERY.get(spec);
    if (every != null) {
      List<Map<String, Object>> all = filter(rows, every, null, null);
      if (all.isEmpty() && filter(publisherRows, every, null, null).isEmpty()) {
        throw new UserError("Cannot print the bulletin: " + publisher + " has no complete "
            + every + " yet (months " + dataRange + "; a quarter or year exists once its last"
            + " month does)");
      }
      return all;
    }
    String[] ends = spec.split("\\.\\.", -1);
    if (ends.length > 2) {
      throw new UserError("Cannot print the bulletin: period '" + spec + "' is not a period,"
          + " a range FROM..TO, all, months, quarters or years");
    }
    BulletinPeriod from = BulletinPeriod.parse(ends[0]);
    BulletinPeriod to = BulletinPeriod.parse(ends[ends.length - 1]);
    if (from.kind() != to.kind()) {
      throw new UserError("Cannot print the bulletin: the range '" + spec + "' mixes a "
          + from.kind().name().toLowerCase() + " and a " + to.kind().name().toLowerCase());
    }
    for (BulletinPeriod p : List.of(from, to)) {
      if (publisherRows.stream().noneMatch(r -> p.label().equals(r.get("period")))) {
        throw new UserError("Cannot print the bulletin: period " + p.label() + " is outside the"
            + " data of " + publisher + " (months " + dataRange + "; a quarter or year exists"
            + " once its last month does)");
      }
    }
    if (from.label().compareTo(to.label()) > 0) {
      throw new UserError("Cannot print the bulletin: the range '" + spec + "' ends before it"
          + " starts");
    }
    return filter(rows, from.kind().name().toLowerCase(), from.label(), to.label());
  }

  private static List<Map<String, Object>> filter(List<Map<String, Object>> rows, String kind,
      String from, String to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      String period = (String) r.get("period");
      if (kind.equals(r.get("period_kind")) && (from == null || (period.compareTo(from) >= 0
          && period.compareTo(to) <= 0))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The configured settings; an unconfigured publisher is named from the agency table. */
  public PublisherSettings settingsFor(String code) {
    PublisherSettings d = publishers.settingsFor(code);
    if (publishers.configured().containsKey(code)
        || !tables.exists(Table.CLEANED_AGENCY_VERSIONS)) {
      return d;
    }
    Map<String, Object> latest = null;
    for (Map<String, Object> r : tables.rows(Table.CLEANED_AGENCY_VERSIONS,
        Map.of(AgencyShape.AGENCY_CODE, code))) {
      if (r.get(AgencyShape.AGENCY_NAME) == null) {
        continue;
      }
      Object from = r.get(AgencyShape.VALID_FROM);
      Object best = latest == null ? null : latest.get(AgencyShape.VALID_FROM);
      if (latest == null || (from != null && (best == null
          || ((java.time.LocalDate) from).isAfter((java.time.LocalDate) best)))) {
        latest = r;
      }
    }
    if (latest == null) {
      return d;
    }
    String name = (String) latest.get(AgencyShape.AGENCY_NAME);
    return new PublisherSettings(code, name, name, d.percentStyle(), d.surveyDecimals());
  }

  /** Prints bulletins: one JSON bulletin pretty, several one object per line. */
  public static String render(List<Bulletin> bulletins, RenderFormat format, Language lang) {
    return render(bulletins, format, lang, null);
  }

  /**
   * As {@link #render(List, RenderFormat, Language)}; the bulletins of units ({@code by}:
   * department, sector, procedure) print in Markdown and HTML as one table per period, the
   * units side by side with their total.
   */
  public static String render(List<Bulletin> bulletins, RenderFormat format, Language lang,
      String by) {
    if (by != null && (format == RenderFormat.MD || format == RenderFormat.HTML)) {
      return new BulletinRenderer().renderUnits(bulletins, format, lang, by);
    }
    if (format == null) {
      return bulletins.size() == 1 && bulletins.get(0).unitCode().isEmpty()
          ? BulletinJson.pretty(bulletins.get(0))
          : BulletinJson.lines(bulletins).stripTrailing();
    }
    return new BulletinRenderer().render(bulletins, format, lang);
  }

  /** The period's bulletin of every publisher with data, for the end of a run. */
  public String forAllPublishers(String period, RenderFormat format, Language lang) {
    TreeSet<String> codes = new TreeSet<>();
    if (tables.exists(Table.GOLD_BULLETIN)) {
      tables.rows(Table.GOLD_BULLETIN, Map.of("period", period))
          .forEach(r -> codes.add((String) r.get("publisher_code")));
    }
    if (codes.isEmpty()) {
      return "(no publisher has data for " + period + ")";
    }
    List<Bulletin> all = new ArrayList<>();
    for (String code : codes) {
      all.addAll(query(code, period, null, null));
    }
    return render(all, format, lang);
  }
}
