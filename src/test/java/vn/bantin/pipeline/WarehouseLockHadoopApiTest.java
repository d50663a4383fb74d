package vn.bantin.pipeline;

import org.apache.hadoop.conf.Configuration;

/**
 * The tests of {@link WarehouseLockTest} through the Hadoop FileSystem operations the lock uses
 * on HDFS and other non-local filesystems (here on Hadoop's local filesystem).
 */
class WarehouseLockHadoopApiTest extends WarehouseLockTest {
  @Override
  Configuration conf() {
    Configuration conf = new Configuration();
    conf.setBoolean(WarehouseLock.HADOOP_API_ONLY, true);
    return conf;
  }

  /**
   * Not a test here: Hadoop's local filesystem checks and then creates (its create-if-absent is
   * not atomic), unlike HDFS; the lock uses java.nio on a local filesystem for that reason.
   */
  @Override
  void ofTwoTakersOfAStaleLockOnlyOneGetsIt() {}
}
