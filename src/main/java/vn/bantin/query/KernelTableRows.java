package vn.bantin.query;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;
import vn.bantin.store.KernelTables;
import vn.bantin.store.PublishedGold;

/**
 * {@link TableRows} read with Delta Kernel: no Spark session is started. Gold tables are read
 * at the versions the last completed build published ({@link PublishedGold}), read once, so
 * every table a query reads comes from the same build, even while another build writes.
 */
public final class KernelTableRows implements TableRows {
  private final Warehouse warehouse;
  private final KernelTables kernel;
  private PublishedGold published;

  public KernelTableRows(Warehouse warehouse, Configuration conf) {
    this(warehouse, conf, null);
  }

  /**
   * Rows of the gold tables at the given versions (a published bulletin's, {@link
   * vn.bantin.store.Publication}), instead of the last build's; null for the last build's.
   */
  public KernelTableRows(Warehouse warehouse, Configuration conf, PublishedGold pinned) {
    this.warehouse = warehouse;
    this.kernel = new KernelTables(conf);
    this.published = pinned;
  }

  /** The gold versions these rows come from (read once, on first use). */
  public PublishedGold publishedGold() {
    return published();
  }

  @Override
  public boolean exists(Table table) {
    return kernel.exists(warehouse.location(table)) && published().isPublished(table);
  }

  @Override
  public List<Map<String, Object>> rows(Table table, Map<String, Object> equals) {
    return kernel.read(warehouse.location(table), published().versionToRead(table), equals);
  }

  private PublishedGold published() {
    if (published == null) {
      published = PublishedGold.read(kernel, warehouse);
    }
    return published;
  }
}
