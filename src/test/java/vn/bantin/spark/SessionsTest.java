package vn.bantin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/**
 * A master given from outside (spark-submit passes it as the system property the test session
 * sets) wins over bantin's local default; the local tuning still applies to a local master.
 */
class SessionsTest {
  @Test
  void aGivenMasterWinsAndLocalRunsAreTuned() {
    SparkSession spark = SparkTestSession.get();
    assertEquals("local[2]", spark.sparkContext().master());
    assertEquals("2", spark.conf().get("spark.databricks.delta.snapshotPartitions"));
    assertEquals("127.0.0.1", spark.conf().get("spark.driver.host"));
    assertEquals("true", spark.conf().get("spark.sql.datetime.java8API.enabled"));
    assertEquals("8000", spark.conf().get("spark.sql.codegen.hugeMethodLimit"));
  }
}
