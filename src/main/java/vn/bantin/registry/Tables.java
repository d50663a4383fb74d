package vn.bantin.registry;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads and writes registry tables as Delta tables at their warehouse location. */
public final class Tables {
  private Tables() {}

  public static boolean exists(SparkSession spark, Warehouse warehouse, Table table) {
    return DeltaTable.isDeltaTable(spark, warehouse.location(table));
  }

  public static Dataset<Row> read(SparkSession spark, Warehouse warehouse, Table table) {
    return spark.read().format("delta").load(warehouse.location(table));
  }

  /** The table, or an empty Dataset of the given schema when it was never written. */
  public static Dataset<Row> readOrEmpty(SparkSession spark, Warehouse warehouse, Table table,
      StructType schema) {
    if (exists(spark, warehouse, table)) {
      return read(spark, warehouse, table);
    }
    return spark.createDataFrame(List.of(), schema);
  }

  /**
   * Replaces the whole table in one Delta commit: readers see the old version or the new one,
   * never a mix, and the old one stays reachable by time travel.
   */
  public static void overwrite(Dataset<Row> rows, Warehouse warehouse, Table table) {
    var writer = rows.write().format("delta").mode("overwrite")
        .option("overwriteSchema", "true");
    if (!table.partitionColumns().isEmpty()) {
      writer = writer.partitionBy(table.partitionColumns().toArray(String[]::new));
    }
    writer.save(warehouse.location(table));
  }
}
