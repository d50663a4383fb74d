package vn.bantin.cleaned;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cleaned.quarantine}: one row per input record that breaks the contract. It names the
 * file and line so the record can be found in the raw table, and never quotes personal data.
 */
public final class QuarantineColumns {
  private QuarantineColumns() {}

  public static final String KIND = "kind";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";
  public static final String EXTRACT_AT = "extract_at";
  /** The record's key as given (MaHoSo, MaPhieu, MaTTHC, MaDonVi), when it has one. */
  public static final String RECORD_KEY = "record_key";
  public static final String FIELD = "field";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String INGEST_RUN_ID = "ingest_run_id";

  public static final StructType SCHEMA = new StructType()
      .add(KIND, DataTypes.StringType, false)
      .add(SOURCE_FILE, DataTypes.StringType, false)
      .add(SOURCE_LINE, DataTypes.LongType, true)
      .add(EXTRACT_AT, DataTypes.TimestampNTZType, false)
      .add(RECORD_KEY, DataTypes.StringType, true)
      .add(FIELD, DataTypes.StringType, true)
      .add(REASON, DataTypes.StringType, false)
      .add(DETAIL, DataTypes.StringType, true)
      .add(INGEST_RUN_ID, DataTypes.StringType, true);
}
