package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.cleaned.DossierShape;
import vn.bantin.cleaned.ProcedureShape;

/**
 * The dossiers the bulletin counts, one row each, with what every figure needs: local dates
 * (received {@code r}, ended {@code e}, due), the outcome, and the catalogue version of the
 * procedure valid on {@code r}.
 *
 * <p>Counted: status not 1 or 3, NgayTiepNhan present, a publisher (MaNoiTiepNhan) present.
 * Dates are {@code to_date} of Vietnam local wall-clock times, so nothing here depends on the
 * session's or the JVM's time zone.
 *
 * <p>The catalogue is small: its versions are gathered per procedure and broadcast, and the
 * version valid on {@code r} (the later {@code valid_from} where two overlap) is picked inside
 * the row, so this step shuffles no dossier.
 */
public final class CountedDossiers {
  private CountedDossiers() {}

  public static final String PUBLISHER = "publisher_code";
  public static final String DEPARTMENT = "department_code";
  public static final String SECTOR = "sector_code";
  public static final String PROCEDURE = "procedure_code";
  public static final String R = "r";
  public static final String E = "e";
  public static final String DUE = "due";
  public static final String IS_ENDED = "is_ended";
  public static final String OUTCOME = "outcome";
  public static final String HAS_VERSION = "has_procedure_version";
  public static final String IS_L34 = "is_online_l34";
  public static final String IS_FIVE = "is_five_on_spot";
  public static final String IS_POSTAL = "is_postal";
  public static final String IS_ONLINE_CHANNEL = "is_online_channel";
  /** Supplements as (requested_on, received_on, due_before_on, seq), local dates. */
  public static final String SUPPS = "supps";

  /** +1 or −1: whether the dossier's events are added or taken away. */
  public static final String SIGN = "_sign";

  public static final String RESOLVED = "resolved";
  public static final String RETURNED = "returned";
  public static final String WITHDRAWN = "withdrawn";

  /** The procedure code a catalogue join uses: {@code 1.001234} of a local form too. */
  static org.apache.spark.sql.Column procedureKey(String column) {
    return regexp_extract(col(column), "^\\s*(\\d+\\.\\d+)", 1);
  }

  public static Dataset<Row> of(Dataset<Row> dossiers, Dataset<Row> procedureVersions) {
    Dataset<Row> catalogue = procedureVersions
        .withColumn("_pkey", procedureKey(ProcedureShape.PROCEDURE_CODE))
        .groupBy("_pkey")
        .agg(collect_list(struct(
            col(ProcedureShape.VALID_FROM).as("valid_from"),
            col(ProcedureShape.VALID_TO).as("valid_to"),
            col(ProcedureShape.ONLINE_LEVEL).as("online_level"),
            col(ProcedureShape.FIVE_ON_SPOT).as("five_on_spot"),
            col(ProcedureShape.DEPARTMENT_CODE).as("department_code"),
            col(ProcedureShape.SECTOR_CODE).as("sector_code"))).as("_versions"));

    Dataset<Row> counted = dossiers
        .filter(expr("status NOT IN (1, 3) AND accepted_at IS NOT NULL"
            + " AND publisher_code IS NOT NULL"))
        .withColumn("_pkey", procedureKey(DossierShape.PROCEDURE_CODE))
        .withColumn(R, expr("to_date(accepted_at)"));

    return counted.join(broadcast(catalogue), counted.col("_pkey").equalTo(catalogue.col("_pkey")),
            "left")
        // Versions valid on r, latest valid_from first (an open start sorts last).
        .withColumn("_version", expr("try_element_at(array_sort(filter(coalesce(_versions, array()),"
            + " v -> (v.valid_from IS NULL OR v.valid_from <= r)"
            + " AND (v.valid_to IS NULL OR v.valid_to >= r)),"
            + " (a, b) -> CASE WHEN a.valid_from = b.valid_from THEN 0"
            + " WHEN a.valid_from IS NULL THEN 1 WHEN b.valid_from IS NULL THEN -1"
            + " WHEN a.valid_from > b.valid_from THEN -1 ELSE 1 END), 1)"))
        .select(
            col(DossierShape.DOSSIER_ID),
            // +1 for a dossier's state, −1 for a state it no longer has (a change feed's
            // pre-image): month facts are sums, so a change is the new events minus the old.
            (java.util.Arrays.asList(dossiers.columns()).contains(SIGN) ? col(SIGN)
                : org.apache.spark.sql.functions.lit(1)).as(SIGN),
            col(DossierShape.PUBLISHER_CODE).as(PUBLISHER),
            expr("coalesce(department_code, _version.department_code)").as(DEPARTMENT),
            expr("coalesce(sector_code, _version.sector_code)").as(SECTOR),
            // A local form (1.001234.000.00.00.H54) is the same procedure as 1.001234: the unit
            // is the code the catalogue is joined on, or the code as given when it has no such
            // form.
            org.apache.spark.sql.functions.when(counted.col("_pkey").equalTo(""),
                col(DossierShape.PROCEDURE_CODE)).otherwise(counted.col("_pkey")).as(PROCEDURE),
            col(R),
            expr("status IN (7, 9, 10) OR result_type IS NOT NULL").as(IS_ENDED),
            expr("CASE WHEN status IN (7, 9, 10) OR result_type IS NOT NULL"
                + " THEN to_date(ended_at) END").as(E),
            expr("to_date(due_at)").as(DUE),
            expr("CASE WHEN result_type = 'TRA_LAI' THEN '" + RETURNED + "'"
                + " WHEN result_type = 'XIN_RUT' OR status = 7 THEN '" + WITHDRAWN + "'"
                + " ELSE '" + RESOLVED + "' END").as(OUTCOME),
            expr("_version IS NOT NULL").as(HAS_VERSION),
            expr("coalesce(_version.online_level IN ('3', '4', 'MOT_PHAN', 'TOAN_TRINH'), false)")
                .as(IS_L34),
            expr("coalesce(_version.five_on_spot, false)").as(IS_FIVE),
            expr("coalesce(channel = 3, false) OR coalesce(delivery = 1, false)").as(IS_POSTAL),
            expr("coalesce(channel = 2, false)").as(IS_ONLINE_CHANNEL),
            expr("transform(supplements, s -> named_struct("
                + "'requested_on', to_date(s.requested_at), 'requested_at', s.requested_at,"
                + " 'seq', s.seq, 'received_on', to_date(s.received_at),"
                + " 'due_before_on', to_date(s.due_before_at)))").as(SUPPS));
  }
}
