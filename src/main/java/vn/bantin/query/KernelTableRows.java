package vn.bantin.query;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;
import vn.bantin.store.KernelTables;

/** {@link TableRows} read with Delta Kernel: no Spark session is started. */
public final class KernelTableRows implements TableRows {
  private final Warehouse warehouse;
  private final KernelTables kernel;

  public KernelTableRows(Warehouse warehouse, Configuration conf) {
    this.warehouse = warehouse;
    this.kernel = new KernelTables(conf);
  }

  @Override
  public boolean exists(Table table) {
    return kernel.exists(warehouse.location(table));
  }

  @Override
  public List<Map<String, Object>> rows(Table table, Map<String, Object> equals) {
    return kernel.read(warehouse.location(table), OptionalLong.empty(), equals);
  }
}
