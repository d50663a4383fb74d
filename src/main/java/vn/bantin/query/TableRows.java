package vn.bantin.query;

import java.util.List;
import java.util.Map;
import vn.bantin.registry.Table;

/**
 * The read side's access to the tables: rows as plain Java values, optionally only those
 * whose columns equal the given values. The query layer needs nothing more, so it runs on a
 * reader without Spark ({@link KernelTableRows}) and answers in milliseconds.
 */
public interface TableRows {
  boolean exists(Table table);

  /** The rows whose columns equal every entry of {@code equals} (all rows when empty). */
  List<Map<String, Object>> rows(Table table, Map<String, Object> equals);
}
