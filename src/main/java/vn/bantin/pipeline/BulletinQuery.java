package vn.bantin.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.UserError;
import vn.bantin.bulletin.Bulletin;
import vn.bantin.bulletin.BulletinJson;
import vn.bantin.bulletin.BulletinPeriod;
import vn.bantin.bulletin.BulletinRenderer;
import vn.bantin.bulletin.Figure;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.PercentStyle;
import vn.bantin.bulletin.PublisherSettings;
import vn.bantin.bulletin.Publishers;
import vn.bantin.bulletin.RenderFormat;
import vn.bantin.cleaned.AgencyShape;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/**
 * Reads bulletins back from the gold tables: one publisher, a period (a month, quarter, year,
 * a range {@code 2021-01..2021-12} of one kind, or {@code all} months), for the publisher or per
 * department, sector or procedure; and prints them as JSON, Markdown or HTML.
 */
public final class BulletinQuery {
  private final TableStore store;
  private final Warehouse warehouse;
  private final Publishers publishers;

  BulletinQuery(TableStore store, Publishers publishers) {
    this.store = store;
    this.warehouse = store.warehouse();
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
    if (!store.exists(Table.GOLD_BULLETIN)) {
      throw new UserError("Cannot print the bulletin: " + warehouse.root() + " holds no gold"
          + " tables yet; run 'bantin run' first");
    }
    Dataset<Row> publisherRows = store.read(Table.GOLD_BULLETIN)
        .filter(col("publisher_code").equalTo(publisher));
    List<Row> months = publisherRows.filter("period_kind = 'month'")
        .agg(org.apache.spark.sql.functions.min("period"),
            org.apache.spark.sql.functions.max("period"))
        .collectAsList();
    if (months.isEmpty() || months.get(0).isNullAt(0)) {
      List<String> known = store.read(Table.GOLD_BULLETIN)
          .select("publisher_code").distinct().orderBy("publisher_code")
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      throw new UserError("Cannot print the bulletin: publisher " + publisher + " has no data"
          + " in " + warehouse.root() + " (publishers with data: " + String.join(", ", known)
          + ")");
    }
    String dataRange = months.get(0).getString(0) + ".." + months.get(0).getString(1);
    Dataset<Row> rows = by == null ? publisherRows
        : store.read(unitTable(by))
            .filter(col("publisher_code").equalTo(publisher));
    Dataset<Row> selected = select(rows, periodSpec, dataRange, publisher, publisherRows);
    PublisherSettings settings = settingsFor(publisher);
    if (style != null) {
      settings = new PublisherSettings(settings.code(), settings.name(), settings.englishName(),
          style);
    }
    List<Bulletin> out = new ArrayList<>();
    Dataset<Row> ordered = by == null ? selected.orderBy("period_start")
        : selected.orderBy(col("period_start"), col("unit_code").asc_nulls_last());
    for (Row r : ordered.collectAsList()) {
      Map<Figure, Long> figures = new EnumMap<>(Figure.class);
      for (Figure f : Figure.values()) {
        figures.put(f, f.isSurvey() && by != null ? 0L : r.<Long>getAs(f.key()));
      }
      String period = r.getAs("period");
      out.add(by == null ? Bulletin.of(settings, period, figures)
          : Bulletin.ofUnit(settings, period, String.valueOf(r.<String>getAs("unit_code")),
              figures));
    }
    return out;
  }

  private Dataset<Row> select(Dataset<Row> rows, String spec, String dataRange,
      String publisher, Dataset<Row> publisherRows) {
    if (spec.equals("all")) {
      return rows.filter("period_kind = 'month'");
    }
    String[] ends = spec.split("\\.\\.", -1);
    if (ends.length > 2) {
      throw new UserError("Cannot print the bulletin: period '" + spec + "' is not a period,"
          + " a range FROM..TO or 'all'");
    }
    BulletinPeriod from = BulletinPeriod.parse(ends[0]);
    BulletinPeriod to = BulletinPeriod.parse(ends[ends.length - 1]);
    if (from.kind() != to.kind()) {
      throw new UserError("Cannot print the bulletin: the range '" + spec + "' mixes a "
          + from.kind().name().toLowerCase() + " and a " + to.kind().name().toLowerCase());
    }
    for (BulletinPeriod p : List.of(from, to)) {
      if (publisherRows.filter(col("period").equalTo(p.label())).isEmpty()) {
        throw new UserError("Cannot print the bulletin: period " + p.label() + " is outside the"
            + " data of " + publisher + " (months " + dataRange + "; a quarter or year exists"
            + " once its last month does)");
      }
    }
    if (from.label().compareTo(to.label()) > 0) {
      throw new UserError("Cannot print the bulletin: the range '" + spec + "' ends before it"
          + " starts");
    }
    return rows.filter(col("period_kind").equalTo(from.kind().name().toLowerCase())
        .and(col("period").geq(from.label())).and(col("period").leq(to.label())));
  }

  /** The configured settings; an unconfigured publisher is named from the agency table. */
  PublisherSettings settingsFor(String code) {
    if (publishers.configured().containsKey(code)
        || !store.exists(Table.CLEANED_AGENCY_VERSIONS)) {
      return publishers.settingsFor(code);
    }
    List<Row> names = store.read(Table.CLEANED_AGENCY_VERSIONS)
        .filter(col(AgencyShape.AGENCY_CODE).equalTo(code)
            .and(col(AgencyShape.AGENCY_NAME).isNotNull()))
        .orderBy(col(AgencyShape.VALID_FROM).desc_nulls_last()).limit(1).collectAsList();
    PublisherSettings d = publishers.settingsFor(code);
    return names.isEmpty() ? d
        : new PublisherSettings(code, names.get(0).getAs(AgencyShape.AGENCY_NAME),
            names.get(0).getAs(AgencyShape.AGENCY_NAME), d.percentStyle());
  }

  /** Prints bulletins: one JSON bulletin pretty, several one object per line. */
  public static String render(List<Bulletin> bulletins, RenderFormat format, Language lang) {
    if (format == null) {
      return bulletins.size() == 1 && bulletins.get(0).unitCode().isEmpty()
          ? BulletinJson.pretty(bulletins.get(0))
          : BulletinJson.lines(bulletins).stripTrailing();
    }
    return new BulletinRenderer().render(bulletins, format, lang);
  }

  /** The period's bulletin of every publisher with data, for the end of a run. */
  public String forAllPublishers(String period, RenderFormat format, Language lang) {
    List<String> codes = store.read(Table.GOLD_BULLETIN)
        .filter(col("period").equalTo(period)).select("publisher_code").distinct()
        .orderBy("publisher_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
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
