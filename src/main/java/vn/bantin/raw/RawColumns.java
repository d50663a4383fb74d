package vn.bantin.raw;

/**
 * Lineage columns every raw table carries (prefixed with {@code _} so they can never clash with
 * a field of an extract), and the columns of the ingested-files log.
 */
public final class RawColumns {
  private RawColumns() {}

  /** The extract's file name: its identity (names carry the kind and the extract time). */
  public static final String SOURCE_FILE = "_source_file";
  /** 1-based line of a JSON Lines / CSV file, or row of a sheet, where the record starts. */
  public static final String SOURCE_LINE = "_source_line";
  /** The extract time from the file name, Vietnam local time. */
  public static final String EXTRACT_AT = "_extract_at";
  public static final String INGEST_RUN_ID = "_ingest_run_id";
  /** {@code malformed_record} / {@code undecodable_text} when the record could not be read. */
  public static final String READ_PROBLEM = "_read_problem";
  public static final String READ_DETAIL = "_read_detail";
  /** Fields the record holds beyond the contract's, kept as they came. */
  public static final String EXTRA_FIELDS = "_extra_fields";

  public static final String FILE_NAME = "file_name";
  public static final String KIND = "kind";
  public static final String BYTES = "bytes";
  public static final String SHA256 = "sha256";
  public static final String RECORDS = "records";
  public static final String INGEST_RUN = "ingest_run_id";
  public static final String INGESTED_AT = "ingested_at";
}
