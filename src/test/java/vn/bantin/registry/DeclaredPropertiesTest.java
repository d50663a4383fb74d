package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.store.KernelTables;

/**
 * A table made by an earlier bantin, before its properties were declared (a 30-day log on the
 * tables a published bulletin is read back from), is given them by its next write, once.
 */
class DeclaredPropertiesTest {
  private final SparkSession spark = SparkTestSession.get();
  private final KernelTables kernel = new KernelTables(new Configuration());
  @TempDir Path dir;

  @Test
  void aTableMadeWithoutTheDeclaredPropertiesGetsThemOnceAndThenNoCommit() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("old").toString()));
    Table t = Table.GOLD_BULLETIN;
    spark.createDataFrame(List.<Row>of(), t.schema()).write().format("delta")
        .partitionBy("period_kind").save(store.location(t));
    assertNotEquals(t.properties().get("delta.logRetentionDuration"),
        kernel.properties(store.location(t)).get("delta.logRetentionDuration"));

    // The next write (here one with nothing to change) sets them first.
    store.sync(t, spark.createDataFrame(List.<Row>of(), t.schema()));
    var now = kernel.properties(store.location(t));
    t.properties().forEach((k, v) -> assertEquals(v, now.get(k), k));
    long version = store.version(t);
    assertFalse(store.addDeclaredProperties(t), "nothing is missing any more");
    store.sync(t, spark.createDataFrame(List.<Row>of(), t.schema()));
    assertEquals(version, store.version(t), "no commit when nothing is missing");
  }

  @Test
  void aPublicationIsReadFromTheBulletinAndItsUnitTablesWhichKeepTheirFilesTenYears() {
    assertEquals(List.of(Table.GOLD_BULLETIN, Table.GOLD_DEPARTMENT, Table.GOLD_SECTOR,
        Table.GOLD_PROCEDURE), vn.bantin.store.Publication.READ_FROM);
    for (Table t : vn.bantin.store.Publication.READ_FROM) {
      assertEquals(Table.PUBLISHED_FILE_RETENTION,
          t.properties().get("delta.deletedFileRetentionDuration"), t.qualifiedName());
    }
  }

  @Test
  void aTableTheStoreCreatesHasTheDeclaredPropertiesAlready() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("new").toString()));
    for (Table t : List.of(Table.GOLD_BULLETIN, Table.CLEANED_DOSSIERS, Table.RAW_HOSO)) {
      assertFalse(t.properties().isEmpty(), t.qualifiedName());
      assertTrue(store.createIfAbsent(t), t.qualifiedName());
      assertFalse(store.addDeclaredProperties(t), t.qualifiedName());
    }
  }
}
