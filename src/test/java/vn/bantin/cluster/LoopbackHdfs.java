package vn.bantin.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS on 127.0.0.1 (Hadoop's MiniDFSCluster: a NameNode and one DataNode in this JVM,
 * from {@code hadoop-client-minicluster}, the shaded build that sits beside Spark's
 * {@code hadoop-client-api}/{@code -runtime}), so that a warehouse at {@code hdfs://…} proves
 * nothing of the job relies on local paths. Every port is picked free; the blocks live under
 * {@code baseDir}.
 */
final class LoopbackHdfs implements AutoCloseable {
  private final MiniDFSCluster dfs;

  private LoopbackHdfs(MiniDFSCluster dfs) {
    this.dfs = dfs;
  }

  static LoopbackHdfs start(Path baseDir) throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
    for (String key : new String[] {"dfs.namenode.rpc-address", "dfs.namenode.http-address",
        "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.ipc.address"}) {
      conf.set(key, "127.0.0.1:0");
    }
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      dfs.waitActive();
    } catch (IOException | RuntimeException e) {
      dfs.shutdown();
      throw e;
    }
    return new LoopbackHdfs(dfs);
  }

  /** {@code hdfs://127.0.0.1:<port>}, without a trailing slash. */
  String uri() {
    return "hdfs://127.0.0.1:" + dfs.getNameNodePort();
  }

  @Override
  public void close() {
    dfs.shutdown();
  }
}
