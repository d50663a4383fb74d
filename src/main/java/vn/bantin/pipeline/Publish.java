package vn.bantin.pipeline;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.bantin.bulletin.PercentStyle;
import vn.bantin.bulletin.Publishers;
import vn.bantin.query.PublishedBulletins;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;
import vn.bantin.spark.Sessions;
import vn.bantin.store.Publication;

/**
 * {@code bulletin --publish}: records that a period's bulletin was published, in
 * {@code gold.publications}. Done holding the warehouse's writer lock, so no build changes the
 * gold tables between reading their versions and recording them.
 */
public final class Publish {
  private Publish() {}

  /**
   * Records the publication of the publisher's period, as the last build has it now.
   *
   * @param style null for the publisher's own percent style
   */
  public static Publication publish(Warehouse warehouse, Publishers publishers, String publisher,
      String period, PercentStyle style) {
    String runId = "publish-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    try (WarehouseLock lock = WarehouseLock.acquire(warehouse, runId)) {
      Publication publication = new PublishedBulletins(warehouse, new Configuration())
          .prepare(publishers, publisher, period, style, publishedBy());
      SparkSession spark = Sessions.getOrCreate("bantin-publish");
      new TableStore(spark, warehouse).replaceSlices(Table.GOLD_PUBLICATIONS,
          spark.createDataFrame(List.of(RowFactory.create(publication.row())),
              Table.GOLD_PUBLICATIONS.schema()), List.of(publication.id()));
      return publication;
    }
  }

  /** The operator: {@code user@host}. */
  static String publishedBy() {
    return System.getProperty("user.name", "unknown") + "@" + WarehouseLock.thisHost();
  }
}
