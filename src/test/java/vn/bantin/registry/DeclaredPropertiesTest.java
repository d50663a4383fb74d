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

  @Test
  void theDossiersKeepStatisticsOnTheirKeyAndExtractTimeOnly() throws Exception {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("stats").toString()));
    Table t = Table.CLEANED_DOSSIERS;
    java.time.LocalDateTime at = java.time.LocalDateTime.of(2024, 3, 1, 8, 0);
    store.mergeNewest(t, spark.createDataFrame(List.of(
        QualityChecksTest.dossier("a", "2403", 4, at),
        QualityChecksTest.dossier("b", "2403", 5, at.plusDays(1))), t.schema()),
        List.of("2403"));

    // Every file added says how many rows it holds (the summary's counts read that) and the
    // bounds of the two declared columns, and of no other.
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    long records = 0;
    List<String> lowest = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> commits = java.nio.file.Files.list(
        dir.resolve("stats").resolve("cleaned").resolve("dossiers").resolve("_delta_log"))) {
      for (Path commit : commits.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (String line : java.nio.file.Files.readAllLines(commit)) {
          var add = json.readTree(line).get("add");
          if (add == null) {
            continue;
          }
          var stats = json.readTree(add.get("stats").asText());
          records += stats.get("numRecords").asLong();
          List<String> bounded = new java.util.ArrayList<>();
          stats.get("minValues").fieldNames().forEachRemaining(bounded::add);
          assertEquals(List.of("dossier_id", "_extract_at"), bounded);
          lowest.add(stats.get("minValues").get("dossier_id").asText());
        }
      }
    }
    assertEquals(2, records);
    assertEquals("a", lowest.stream().sorted().findFirst().orElseThrow());
  }
}
