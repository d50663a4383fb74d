package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.gold.GoldSchemas;

/**
 * A synced table gets a new version exactly when its rows differ, as a multiset: compared on
 * the driver for rows held locally, in Spark otherwise; both ways give the same answers.
 */
class SyncComparisonTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir Path dir;

  private static Row row(String from, String to, String month) {
    return RowFactory.create(from, to, LocalDate.parse(month), "merged", "derived");
  }

  private static final Row A = row("A", "B", "2021-01-01");
  private static final Row B = row("C", "D", "2021-02-01");

  /** The table created by a sync of rows A and B; its version. */
  private long createdWithAAndB(TableStore store, Table t) {
    assertTrue(store.sync(t, local(A, B)), "created");
    return store.version(t);
  }

  private Dataset<Row> local(Row... rows) {
    return spark.createDataFrame(List.of(rows), GoldSchemas.unitSuccessions());
  }

  /** The same rows, through a plan that is not a local relation (compared in Spark). */
  private Dataset<Row> notLocal(Row... rows) {
    return local(rows).repartition(2);
  }

  @Test
  void theDriverComparesMultisetsAsSparkDoes() {
    Row a = row("A", "B", "2021-01-01");
    Row b = row("C", "D", "2021-02-01");
    Row b2 = row("C", "D", "2021-03-01");
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {new Row[] {a, b}, new Row[] {b, a}, true});
    cases.add(new Object[] {new Row[] {a, a, b}, new Row[] {a, b, b}, false});
    cases.add(new Object[] {new Row[] {a, b}, new Row[] {a, b, b}, false});
    cases.add(new Object[] {new Row[] {a, b, b}, new Row[] {a, b}, false});
    cases.add(new Object[] {new Row[] {a, b}, new Row[] {a, b2}, false});
    cases.add(new Object[] {new Row[] {}, new Row[] {}, true});
    cases.add(new Object[] {new Row[] {}, new Row[] {a}, false});
    for (Object[] c : cases) {
      Row[] source = (Row[]) c[0];
      Row[] current = (Row[]) c[1];
      boolean expected = (boolean) c[2];
      String what = List.of(source) + " vs " + List.of(current);
      assertEquals(expected, TableStore.sameRows(local(source), local(current)),
          "on the driver: " + what);
      assertEquals(expected, TableStore.sameRows(notLocal(source), local(current)),
          "in Spark: " + what);
    }
  }

  @Test
  void aSyncCommitsOnlyWhenARowDiffers() {
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.GOLD_UNIT_SUCCESSIONS;
    long created = createdWithAAndB(store, t);
    assertFalse(store.sync(t, local(B, A)), "the same rows in another order");
    assertFalse(store.sync(t, notLocal(A, B)), "the same rows, compared in Spark");
    assertEquals(created, store.version(t));
    assertTrue(store.sync(t, local(A, B, B)), "a row twice");
    assertEquals(3, store.read(t).count());
    assertTrue(store.sync(t, local(A, row("C", "D", "2021-03-01"))), "a value changed");
    assertEquals(created + 2, store.version(t));
  }

  /**
   * A small table's rows are compared from its local copy (read through Kernel): the
   * comparison of rows that did not change costs no Delta snapshot and no file-listing job,
   * the whole table or a part of it.
   */
  @Test
  void anUnchangedSmallTableIsComparedWithoutASparkJob() throws Exception {
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.GOLD_UNIT_SUCCESSIONS;
    long created = createdWithAAndB(store, t);
    List<Integer> jobs = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        jobs.add(start.jobId());
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    try {
      assertFalse(store.sync(t, local(B, A)), "the same rows");
      assertFalse(store.sync(t, local(B), "predecessor_code = 'C'"), "the same part");
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals(List.of(), jobs, "Spark jobs of two comparisons of a small table");
    assertEquals(created, store.version(t));
    assertTrue(store.sync(t, local(row("C", "E", "2021-02-01")), "predecessor_code = 'C'"),
        "a part changed");
    assertEquals(2, store.read(t).count());
  }
}
