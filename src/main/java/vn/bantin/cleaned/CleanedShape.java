package vn.bantin.cleaned;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;

/**
 * How one kind of extract becomes its cleaned table: the contract check of a raw record, the
 * typed columns, and the key under which records of one extract must agree and the newest
 * extract wins.
 */
public interface CleanedShape<T> extends Serializable {
  ExtractKind kind();

  Table table();

  /** The cleaned table's own columns (lineage columns are added after them). */
  StructType typedSchema();

  /**
   * @param extractDate the calendar date of the extract holding the record: it bounds the
   *     record's dates ({@link QuarantineReason#IMPLAUSIBLE_DATE})
   */
  Checked<T> check(Map<String, String> fields, java.time.LocalDate extractDate);

  /** The typed columns' values, in {@link #typedSchema()} order. */
  Object[] values(T record);

  /** The key one record of the cleaned table has (a version's key joins code and start). */
  String dedupeKey(T record);

  /**
   * The value of the cleaned table's partition column ({@link Table#partitionColumns}) for a
   * record's key, as the key column's function; empty when the table is not partitioned by a
   * function of its key. The cleaned step hands the records over in that column's order.
   */
  default Optional<UnaryOperator<Column>> partitionOfKey() {
    return Optional.empty();
  }
}
