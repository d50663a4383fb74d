package vn.bantin.cli;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * A folder named on the command line, resolved once, on the driver, before Spark starts, to
 * the location every JVM of the run (driver and executors) reads the same way. A URI with a
 * scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) is kept as given. A path without one
 * is a folder of the driver's machine, made absolute against the driver's working directory:
 * written as a plain absolute path when Hadoop's default filesystem is the local one (as with
 * {@code java -jar}; the path prints as the operator gave it), and as a {@code file://} URI
 * when a cluster's {@code fs.defaultFS} is HDFS or an object store, where a bare
 * {@code /data/wh} would silently mean {@code hdfs:///data/wh} to Spark and Delta while the
 * input check looked at the local disk.
 */
public final class Location {
  private Location() {}

  /** {@code given} as the run uses it, for this JVM's default filesystem. */
  public static String resolve(String given) {
    return resolve(given, defaultFileSystem());
  }

  /** {@code given} as the run uses it when the default filesystem is {@code defaultFs}. */
  public static String resolve(String given, String defaultFs) {
    if (hasScheme(given)) {
      return given;
    }
    String absolute = Path.of(given).toAbsolutePath().normalize().toString();
    return defaultFs.startsWith("file:") ? absolute : "file://" + absolute;
  }

  static boolean hasScheme(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:\\\\.*");
  }

  /**
   * Hadoop's default filesystem as Spark will see it, before Spark starts: the Hadoop
   * configuration Spark builds from the same sources (the {@code core-site.xml} of
   * {@code HADOOP_CONF_DIR}, then {@code spark.hadoop.*} given with {@code --conf}), as the
   * warehouse lock reads it.
   */
  static String defaultFileSystem() {
    return SparkHadoopUtil.get().newConfiguration(new SparkConf())
        .get("fs.defaultFS", "file:///");
  }
}
