package vn.bantin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;

/**
 * A Delta commit in a session whose time zone is not UTC (a run's is Asia/Ho_Chi_Minh) does not
 * rebuild the table's whole state with Spark jobs to verify the file list its checksum carries.
 * Delta forces that verification outside UTC by default; it cost a monthly run on ten years 78
 * state jobs (docs/benchmarks.md, session 18). The list is still verified when Delta writes a
 * checkpoint.
 */
class CommitWithoutStateRebuildTest {
  @TempDir
  Path tmp;

  @Test
  void commitsInVietnamTimeRunNoMoreJobsThanInUtc() throws Exception {
    SparkSession spark = SparkTestSession.get();
    List<String> utc = jobsOfThreeCommits(spark, "UTC", tmp.resolve("utc"));
    List<String> vietnam = jobsOfThreeCommits(spark, "Asia/Ho_Chi_Minh", tmp.resolve("vn"));
    assertEquals(utc.size(), vietnam.size(), "UTC: " + utc + "\nAsia/Ho_Chi_Minh: " + vietnam);
  }

  /** The Spark jobs (their descriptions) of a table's creation and two appends in the zone. */
  private static List<String> jobsOfThreeCommits(SparkSession spark, String zone, Path dir)
      throws Exception {
    String before = spark.conf().get("spark.sql.session.timeZone");
    List<String> jobs = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String description = start.properties() == null ? null
            : start.properties().getProperty("spark.job.description");
        jobs.add(description == null ? "" : description);
      }
    };
    String table = dir.toUri().toString();
    spark.conf().set("spark.sql.session.timeZone", zone);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    try {
      spark.range(3).write().format("delta").save(table);
      spark.range(3, 6).write().format("delta").mode("append").save(table);
      spark.range(6, 9).write().format("delta").mode("append").save(table);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.conf().set("spark.sql.session.timeZone", before);
    }
    assertEquals(9L, spark.read().format("delta").load(table).count());
    return List.copyOf(jobs);
  }
}
