package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.gold.GoldSchemas;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;

/** Which gold versions readers follow: the last logged build's, in each state a log can be. */
class PublishedGoldTest {
  private final SparkSession spark = SparkTestSession.get();
  private final KernelTables kernel = new KernelTables(new Configuration());
  @TempDir Path dir;

  @Test
  void theVersionsTextRoundTripsAndSkipsNamesItDoesNotKnow() {
    Map<Table, Long> versions = PublishedGold.parse(
        "gold.bulletin@7,gold.some_future_table@3,gold.trends@0");
    assertEquals(Map.of(Table.GOLD_BULLETIN, 7L, Table.GOLD_TRENDS, 0L), versions);
    assertEquals(versions, PublishedGold.parse(PublishedGold.format(versions)));
  }

  @Test
  void noBuildLoggedPublishesNoGoldTable() {
    PublishedGold none = PublishedGold.read(kernel, new Warehouse(dir.toString()));
    assertFalse(none.isPublished(Table.GOLD_BULLETIN), "a killed first build shows nothing");
    assertTrue(none.isPublished(Table.CLEANED_DOSSIERS), "other layers are read as they are");
    assertTrue(none.isPublished(Table.GOLD_BUILDS));
  }

  @Test
  void readersFollowTheLastBuildAndALogOfAnEarlierVersionIsExtended() {
    Warehouse warehouse = new Warehouse(dir.toString());
    TableStore store = new TableStore(spark, warehouse);
    // gold.builds as a bantin before this one wrote it: no outputs column.
    StructType old = new StructType().add("build_id", DataTypes.StringType, false)
        .add("inputs", DataTypes.StringType, false)
        .add("finished_at", DataTypes.TimestampType, false);
    spark.createDataFrame(List.of(RowFactory.create("old", "cleaned.dossiers@1",
            java.sql.Timestamp.from(Instant.parse("2021-06-01T00:00:00Z")))), old)
        .write().format("delta").save(warehouse.location(Table.GOLD_BUILDS));
    PublishedGold legacy = PublishedGold.read(kernel, warehouse);
    assertNull(legacy.versions(), "an old log recorded no versions");
    assertTrue(legacy.isPublished(Table.GOLD_BULLETIN));
    assertEquals(OptionalLong.empty(), legacy.versionToRead(Table.GOLD_BULLETIN),
        "every gold table at its latest, as before");

    // The next build logs itself with the column added; the old row keeps null.
    store.replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(List.of(RowFactory.create(
        "new", "cleaned.dossiers@2", Instant.parse("2021-07-01T00:00:00Z"),
        "gold.bulletin@4,gold.month_facts@2")), GoldSchemas.builds()), List.of("new"));
    assertTrue(store.hasDeclaredColumns(Table.GOLD_BUILDS));
    assertEquals(2, store.read(Table.GOLD_BUILDS).count());
    PublishedGold now = PublishedGold.read(kernel, warehouse);
    assertEquals(OptionalLong.of(4), now.versionToRead(Table.GOLD_BULLETIN));
    assertEquals(OptionalLong.of(2), now.versionToRead(Table.GOLD_MONTH_FACTS));
    assertFalse(now.isPublished(Table.GOLD_TRENDS), "a table no build published is not shown");
    assertEquals(OptionalLong.empty(), now.versionToRead(Table.CLEANED_DOSSIERS));

    // An earlier build logged later in the table's order still loses to the newest finish.
    store.replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(List.of(RowFactory.create(
        "a-earlier", "cleaned.dossiers@1", Instant.parse("2021-06-15T00:00:00Z"),
        "gold.bulletin@3")), GoldSchemas.builds()), List.of("a-earlier"));
    assertEquals(OptionalLong.of(4),
        PublishedGold.read(kernel, warehouse).versionToRead(Table.GOLD_BULLETIN));
  }

  @Test
  void sqlNamesAGoldTableAsPublishedAndItsHistoryApart() {
    Warehouse warehouse = new Warehouse(dir.toString());
    String bulletin = warehouse.location(Table.GOLD_BULLETIN);
    spark.sql("SELECT 'published' AS state").write().format("delta").save(bulletin);
    spark.sql("SELECT 'killed build' AS state").write().format("delta").mode("overwrite")
        .save(bulletin);
    new TableStore(spark, warehouse).replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(
        List.of(RowFactory.create("b", "cleaned.dossiers@0", Instant.now(), "gold.bulletin@0")),
        GoldSchemas.builds()), List.of("b"));

    vn.bantin.query.NamedTables.register(spark, warehouse, false);
    assertEquals("published", spark.sql("SELECT state FROM gold.bulletin").first().getString(0));
    assertEquals("killed build", spark.sql("SELECT state FROM "
        + vn.bantin.query.NamedTables.GOLD_HISTORY + ".bulletin").first().getString(0),
        "the history is the table itself, every version");
    assertEquals("published", spark.sql("SELECT state FROM "
        + vn.bantin.query.NamedTables.GOLD_HISTORY + ".bulletin VERSION AS OF 0").first()
        .getString(0));
    // Naming again (the next query of a notebook) replaces the view, not fails on it.
    vn.bantin.query.NamedTables.register(spark, warehouse, false);
    assertEquals(1, spark.sql("SELECT * FROM gold.bulletin").count());
  }
}
