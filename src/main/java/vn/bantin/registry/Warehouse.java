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

  /**
   * The writers' lock file: beside the root, {@code <root>.bantin-lock}, so that taking the
   * lock neither creates the warehouse folder nor is removed with it. A root that is the top
   * of its filesystem (no folder above it, e.g. {@code s3a://bucket}) keeps it inside, as
   * {@code <root>/_bantin-lock}.
   */
  public String lockLocation() {
    String path = root.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*:(//[^/]*)?", "");
    return path.isEmpty() || path.equals("/") ? root.replaceFirst("/$", "") + "/_bantin-lock"
        : root + ".bantin-lock";
  }
}
