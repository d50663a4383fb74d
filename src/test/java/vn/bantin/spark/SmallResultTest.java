package vn.bantin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/** A small result is held as local rows; one larger than promised stays a query. */
class SmallResultTest {
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> windowed(int n) {
    return spark.sql("SELECT id, sum(id) OVER (ORDER BY id) AS running FROM range(" + n + ")");
  }

  private static boolean heldLocally(Dataset<Row> rows) {
    return rows.queryExecution().optimizedPlan() instanceof LocalRelation;
  }

  @Test
  void atMostTheLimitIsHeldWithTheSameRows() {
    Dataset<Row> rows = windowed(5);
    Dataset<Row> held = SmallResult.ofAtMost(rows, 5);
    assertTrue(heldLocally(held));
    assertFalse(heldLocally(rows));
    assertEquals(rows.schema(), held.schema());
    List<Row> expected = rows.orderBy("id").collectAsList();
    assertEquals(expected, held.orderBy("id").collectAsList());
    assertEquals(10L, expected.get(4).getLong(1));
    assertSame(held, SmallResult.ofAtMost(held, 5), "rows already held are not copied");
  }

  @Test
  void overTheLimitTheQueryIsKept() {
    Dataset<Row> rows = windowed(6);
    Dataset<Row> kept = SmallResult.ofAtMost(rows, 5);
    assertSame(rows, kept);
    assertEquals(6, kept.count());
  }
}
