package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a folder of the command line becomes the location driver and executors use. */
class LocationTest {
  static final String HERE = Path.of("").toAbsolutePath().toString();

  @Test
  void aUriIsKeptAsGiven() {
    assertEquals("hdfs://nn:8020/bantin/wh", Location.resolve("hdfs://nn:8020/bantin/wh",
        "file:///"));
    assertEquals("s3a://bucket/wh", Location.resolve("s3a://bucket/wh", "hdfs://nn:8020"));
    assertEquals("file:/data/wh", Location.resolve("file:/data/wh", "hdfs://nn:8020"));
  }

  @Test
  void aLocalPathIsMadeAbsoluteOnceOnTheDriver() {
    assertEquals(HERE + "/warehouse", Location.resolve("warehouse", "file:///"));
    assertEquals("/data/wh", Location.resolve("/data/./wh", "file:///"));
  }

  @Test
  void underANonLocalDefaultFilesystemALocalPathStaysLocal() {
    // A bare /data/wh would otherwise mean hdfs://nn:8020/data/wh to Spark and Delta.
    assertEquals("file:///data/wh", Location.resolve("/data/wh", "hdfs://nn:8020"));
    assertEquals("file://" + HERE + "/data-samples", Location.resolve("data-samples",
        "s3a://bucket"));
  }
}
