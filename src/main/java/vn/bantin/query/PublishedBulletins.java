package vn.bantin.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import vn.bantin.UserError;
import vn.bantin.bulletin.Bulletin;
import vn.bantin.bulletin.BulletinJson;
import vn.bantin.bulletin.BulletinPeriod;
import vn.bantin.bulletin.PercentStyle;
import vn.bantin.bulletin.PublisherSettings;
import vn.bantin.bulletin.Publishers;
import vn.bantin.metrics.Figure;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;
import vn.bantin.store.KernelTables;
import vn.bantin.store.Publication;
import vn.bantin.store.PublishedGold;

/**
 * Published bulletins read back: the publication a {@code --publish} records, the bulletin as
 * it was published ({@code --as-published}: the gold tables at the recorded versions, the
 * recorded settings, checked against the recorded digest) and the figures that changed since
 * ({@code --revisions}). Read with Delta Kernel, like every query.
 */
public final class PublishedBulletins {
  private final Warehouse warehouse;
  private final Configuration conf;
  private final KernelTables kernel;

  public PublishedBulletins(Warehouse warehouse, Configuration conf) {
    this.warehouse = warehouse;
    this.conf = conf;
    this.kernel = new KernelTables(conf);
  }

  /**
   * The publication of the publisher's period as the last build has it now (not yet
   * recorded): the versions of the tables its bulletins are read from, its settings and the
   * digest of its figures.
   *
   * @param style null for the publisher's own percent style
   */
  public Publication prepare(Publishers publishers, String publisher, String periodLabel,
      PercentStyle style, String publishedBy) {
    String period = singlePeriod(periodLabel, "publish");
    KernelTableRows tables = new KernelTableRows(warehouse, conf);
    BulletinQuery query = new BulletinQuery(tables, warehouse, publishers);
    List<Bulletin> bulletins = query.query(publisher, period, null, style);
    PublishedGold gold = tables.publishedGold();
    if (gold.versions() == null) {
      throw new UserError("Cannot publish " + period + ": the last gold build was made by an"
          + " earlier bantin that did not record its table versions; run 'bantin run' once"
          + " (it rebuilds the gold tables) and publish again");
    }
    Map<Table, Long> versions = new EnumMap<>(Table.class);
    for (Table t : Publication.READ_FROM) {
      if (gold.versions().containsKey(t)) {
        versions.put(t, gold.versions().get(t));
      }
    }
    PublisherSettings settings = query.settingsFor(publisher);
    if (style != null) {
      settings = settings.withPercentStyle(style);
    }
    return new Publication(UUID.randomUUID().toString(), publisher, period, Instant.now(),
        publishedBy, versions, settings, digest(bulletins));
  }

  /** The latest publication of the period, or a clear error when it was never published. */
  public Publication latest(String publisher, String periodLabel, String what) {
    List<Publication> all = published(publisher, periodLabel, what);
    return all.get(all.size() - 1);
  }

  /**
   * The period's publication whose id is {@code id} or begins with it (as short as is unique,
   * like a commit id), or a clear error naming how to list them.
   */
  public Publication withId(String publisher, String periodLabel, String id, String what) {
    List<Publication> all = published(publisher, periodLabel, what);
    List<Publication> found = all.stream().filter(p -> p.id().startsWith(id)).toList();
    if (found.size() == 1) {
      return found.get(0);
    }
    String period = all.get(0).period();
    String list = "'bantin bulletin --period " + period + " --publications' lists them";
    throw new UserError(found.isEmpty()
        ? "Cannot " + what + ": no publication of " + period + " of " + publisher
            + " has the id '" + id + "' (it was published " + all.size() + " time(s); " + list
            + ")"
        : "Cannot " + what + ": " + found.size() + " publications of " + period + " of "
            + publisher + " have an id beginning with '" + id + "': give more of it (" + list
            + ")");
  }

  /** Every publication of the publisher's period, oldest first (none when never published). */
  public List<Publication> ofPeriod(String publisher, String periodLabel) {
    return ofPeriod(publisher, periodLabel, "list the publications");
  }

  private List<Publication> ofPeriod(String publisher, String periodLabel, String what) {
    String period = singlePeriod(periodLabel, what);
    return Publication.all(kernel, warehouse).stream()
        .filter(p -> p.publisherCode().equals(publisher) && p.period().equals(period))
        .toList();
  }

  /** The period's publications, oldest first; a clear error when it was never published. */
  private List<Publication> published(String publisher, String periodLabel, String what) {
    List<Publication> all = ofPeriod(publisher, periodLabel, what);
    if (all.isEmpty()) {
      String period = singlePeriod(periodLabel, what);
      throw new UserError("Cannot " + what + ": the bulletin " + period + " of " + publisher
          + " was never published in " + warehouse.root() + " ('bantin bulletin --period "
          + period + " --publish' records a publication)");
    }
    return all;
  }

  /**
   * The bulletins as published ({@code by}: null for the publisher's own, else its units):
   * read at the recorded versions with the recorded settings; fails, rather than print other
   * figures, when the publisher's bulletin read back does not match the recorded digest.
   */
  public List<Bulletin> asPublished(Publication publication, String by) {
    BulletinQuery query = publishedQuery(publication);
    List<Bulletin> own = verifiedOwn(query, publication);
    return by == null ? own
        : query.query(publication.publisherCode(), publication.period(), by, null);
  }

  /** The publisher's own bulletin read back through {@code query}, checked against the digest. */
  private static List<Bulletin> verifiedOwn(BulletinQuery query, Publication publication) {
    String when = "published on " + publication.publishedAt();
    List<Bulletin> own;
    try {
      own = query.query(publication.publisherCode(), publication.period(), null, null);
    } catch (IllegalArgumentException e) {
      throw new UserError("Cannot print the bulletin as " + when + ": the gold tables at the"
          + " versions it was read from (" + PublishedGold.format(publication.versions())
          + ") are no longer readable (" + e.getMessage() + ")");
    }
    if (!digest(own).equals(publication.digest())) {
      throw new UserError("Cannot print the bulletin as " + when + ": read back at the"
          + " versions recorded (" + PublishedGold.format(publication.versions()) + "), its"
          + " figures are not those published (digest " + publication.digest() + ")");
    }
    return own;
  }

  /** One published figure of the publisher or one unit that is different now. */
  public record Revision(String unitCode, String unitName, Figure figure, long published,
      long current) {
    /** Now minus then. */
    public long change() {
      return current - published;
    }
  }

  /** What changed in a published bulletin since it was published. */
  public record Revisions(Publication publication, String by, List<Revision> changed) {}

  /**
   * Every figure of the publisher and of each of its units ({@code by}: department, sector or
   * procedure) that differs now from the published one, publisher first, then units in code
   * order. A unit missing on one side counts as zeros there.
   */
  public Revisions revisions(Publication publication, String by) {
    BulletinQuery thenQuery = publishedQuery(publication);
    List<Bulletin> then = new ArrayList<>(verifiedOwn(thenQuery, publication));
    then.addAll(thenQuery.query(publication.publisherCode(), publication.period(), by, null));
    BulletinQuery nowQuery = new BulletinQuery(new KernelTableRows(warehouse, conf), warehouse,
        Publishers.of(publication.settings()));
    List<Bulletin> now = new ArrayList<>(nowQuery.query(publication.publisherCode(),
        publication.period(), null, null));
    now.addAll(nowQuery.query(publication.publisherCode(), publication.period(), by, null));
    Map<String, Bulletin> thenByUnit = byUnit(then);
    Map<String, Bulletin> nowByUnit = byUnit(now);
    java.util.TreeSet<String> units = new java.util.TreeSet<>(thenByUnit.keySet());
    units.addAll(nowByUnit.keySet());
    List<Revision> changed = new ArrayList<>();
    for (String unit : units) { // "" (the publisher) sorts first
      Bulletin a = thenByUnit.get(unit);
      Bulletin b = nowByUnit.get(unit);
      String name = (b != null ? b : a).unitName().orElse("");
      for (Figure f : Figure.values()) {
        if (f.isSurvey() && !unit.isEmpty()) {
          continue; // ballots are the publisher's only
        }
        long was = a == null ? 0 : a.figure(f);
        long is = b == null ? 0 : b.figure(f);
        if (was != is) {
          changed.add(new Revision(unit, name, f, was, is));
        }
      }
    }
    return new Revisions(publication, by, changed);
  }

  private static Map<String, Bulletin> byUnit(List<Bulletin> bulletins) {
    Map<String, Bulletin> out = new LinkedHashMap<>();
    for (Bulletin b : bulletins) {
      out.put(b.unitCode().orElse(""), b);
    }
    return out;
  }

  private BulletinQuery publishedQuery(Publication publication) {
    return new BulletinQuery(new KernelTableRows(warehouse, conf, publication.asPublishedGold()),
        warehouse, Publishers.of(publication.settings()));
  }

  /** The digest of the publisher's bulletin: its JSON, figures, percents, names and marks. */
  static String digest(List<Bulletin> own) {
    return Publication.sha256(BulletinJson.lines(own));
  }

  /** The period's label; a range or a word for every period cannot be published. */
  private static String singlePeriod(String label, String what) {
    try {
      return BulletinPeriod.parse(label).label();
    } catch (IllegalArgumentException e) {
      throw new UserError("Cannot " + what + ": --period must name one period (2021-04,"
          + " 2021-Q2, 2021), not '" + label + "'");
    }
  }
}
