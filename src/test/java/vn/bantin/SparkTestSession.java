package vn.bantin;

import org.apache.spark.sql.SparkSession;
import vn.bantin.spark.Sessions;

/**
 * The one Spark session of a test JVM, built by the production {@link Sessions} so tests run
 * what users run. The session time zone is UTC (and surefire starts the JVM in UTC), so any
 * figure that silently depended on the machine's zone instead of Vietnam local dates would
 * break here.
 */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      System.setProperty("spark.master", "local[2]");
      spark = Sessions.getOrCreate("bantin-tests");
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      spark.conf().set("spark.sql.shuffle.partitions", "2");
    }
    return spark;
  }
}
