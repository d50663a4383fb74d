package vn.bantin.registry;

import java.io.Serializable;

/**
 * Where the tables of one warehouse live: {@code <root>/<layer>/<table>}. The root may be a
 * local folder or any URI Hadoop understands (hdfs://, s3a://), so the same jar runs on a
 * cluster.
 */
public record Warehouse(String root) implements Serializable {

  public Warehouse {
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  /** The location of a table. */
  public String location(Table table) {
    return root + "/" + table.layer().folder() + "/" + table.tableName();
  }
}
