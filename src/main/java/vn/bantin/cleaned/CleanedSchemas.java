package vn.bantin.cleaned;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.bantin.raw.RawColumns;

/**
 * The declared schemas of the cleaned tables: each shape's typed columns, then the lineage of
 * the record that holds the row (file, line, extract time, ingest run).
 */
public final class CleanedSchemas {
  private CleanedSchemas() {}

  /**
   * The month in a dossier's code ({@code 2021-04} of {@code 000.00.54.H54-210405-0012}), or
   * {@code none} for a code without one: the partition of {@code cleaned.dossiers}. It depends on
   * the key alone, so a dossier never moves between partitions, and it is close to the
   * dossier's acceptance, so a monthly merge touches few partitions.
   */
  public static final String CODE_MONTH = "code_month";

  public static final StructType LOADED_FILES = new StructType()
      .add(RawColumns.FILE_NAME, DataTypes.StringType, false)
      .add(RawColumns.KIND, DataTypes.StringType, false)
      .add("read", DataTypes.LongType, false)
      .add("loaded", DataTypes.LongType, false)
      .add("quarantined", DataTypes.LongType, false)
      .add("cleaned_run_id", DataTypes.StringType, false);

  /** {@link #CODE_MONTH} of a dossier id column. */
  public static Column codeMonth(Column dossierId) {
    Column yy = nullif(regexp_extract(dossierId, "-(\\d{2})(0[1-9]|1[0-2])\\d{2}-", 1), lit(""));
    Column mm = regexp_extract(dossierId, "-(\\d{2})(0[1-9]|1[0-2])\\d{2}-", 2);
    return coalesce(concat(lit("20"), yy, lit("-"), mm), lit("none"));
  }

  public static StructType dossiers() {
    StructType s = new StructType();
    for (StructField f : DossierShape.SCHEMA.fields()) {
      s = s.add(f);
    }
    return withLineage(s.add(CODE_MONTH, DataTypes.StringType, false));
  }

  public static StructType supplements() {
    StructType s = new StructType().add(DossierShape.DOSSIER_ID, DataTypes.StringType, false);
    for (StructField f : DossierShape.SUPPLEMENT.fields()) {
      s = s.add(f);
    }
    return s.add(CODE_MONTH, DataTypes.StringType, false);
  }

  public static StructType ballots() {
    return withLineage(BallotShape.SCHEMA);
  }

  public static StructType procedureVersions() {
    return withLineage(ProcedureShape.SCHEMA);
  }

  public static StructType agencyVersions() {
    return withLineage(AgencyShape.SCHEMA);
  }

  static StructType withLineage(StructType typed) {
    return typed
        .add(RawColumns.SOURCE_FILE, DataTypes.StringType, false)
        .add(RawColumns.SOURCE_LINE, DataTypes.LongType, true)
        .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType, false)
        .add(RawColumns.INGEST_RUN_ID, DataTypes.StringType, true);
  }
}
