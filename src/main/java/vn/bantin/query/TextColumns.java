package vn.bantin.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows with every column as text, the way a CSV file or a printed table shows it: Spark's own
 * cast to string for plain values (dates {@code 2021-04-01}, decimals with their scale), JSON
 * for nested ones (arrays, maps, structs), which CSV cannot hold otherwise; NULL stays null.
 */
public final class TextColumns {
  private TextColumns() {}

  public static Dataset<Row> of(Dataset<Row> rows) {
    StructField[] fields = rows.schema().fields();
    // Columns by position: a query's result may hold two columns of the same name.
    String[] positional = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      positional[i] = "_c" + i;
    }
    Dataset<Row> byPosition = rows.toDF(positional);
    List<Column> text = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      Column c = functions.col(positional[i]);
      text.add((isNested(fields[i].dataType()) ? functions.to_json(c) : c.cast("string"))
          .as(fields[i].name()));
    }
    return byPosition.select(text.toArray(Column[]::new));
  }

  private static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
  }
}
