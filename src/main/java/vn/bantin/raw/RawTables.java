package vn.bantin.raw;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.array_contains;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * Writes parsed records into the raw table of their kind: every contract field as the text it
 * came as, unknown fields in {@code _extra_fields}, and the lineage columns.
 *
 * <p>A write replaces exactly the rows of the files it writes ({@code replaceWhere} on
 * {@code _source_file}), so a run that crashed after writing some tables and is run again
 * leaves each file's records once, never twice.
 */
public final class RawTables {
  private RawTables() {}

  public static Table tableOf(ExtractKind kind) {
    return switch (kind) {
      case HOSO -> Table.RAW_HOSO;
      case DANHGIA -> Table.RAW_DANHGIA;
      case THUTUC -> Table.RAW_THUTUC;
      case DONVI -> Table.RAW_DONVI;
    };
  }

  /** The declared schema of a kind's raw table: lineage, every contract field as text, extras. */
  public static StructType schema(ExtractKind kind) {
    StructType schema = new StructType()
        .add(RawColumns.SOURCE_FILE, DataTypes.StringType, false)
        .add(RawColumns.SOURCE_LINE, DataTypes.LongType, true)
        .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType, false)
        .add(RawColumns.INGEST_RUN_ID, DataTypes.StringType, false)
        .add(RawColumns.READ_PROBLEM, DataTypes.StringType, true)
        .add(RawColumns.READ_DETAIL, DataTypes.StringType, true);
    for (String field : kind.fields()) {
      schema = schema.add(field, DataTypes.StringType, true);
    }
    return schema.add(RawColumns.EXTRA_FIELDS,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true);
  }

  /** Writes one kind's records of the given files, replacing any earlier rows of those files. */
  public static void write(TableStore store, Dataset<Row> rawRows, ExtractKind kind,
      List<String> fileNames) {
    store.replaceSlices(tableOf(kind), rawRows, fileNames);
  }

}
