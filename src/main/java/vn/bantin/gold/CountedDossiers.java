package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.regexp_extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.cleaned.DossierShape;

/**
 * The dossiers the bulletin counts, one row each, with what every figure needs: local dates
 * (received {@code r}, ended {@code e}, due), the outcome, the procedure key the catalogue is
 * looked up by, and the dossier's own department and sector (a dossier without them takes its
 * procedure's version's, {@link CatalogueVersions}).
 *
 * <p>Counted: status not 1 or 3, NgayTiepNhan present, a publisher (MaNoiTiepNhan) present.
 * Dates are {@code to_date} of Vietnam local wall-clock times, so nothing here depends on the
 * session's or the JVM's time zone.
 *
 * <p>The catalogue is small: the version valid on {@code r} is looked up per dossier where the
 * dossiers are summed ({@link MonthFacts}), so this step shuffles no dossier.
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
  public static final String IS_POSTAL = "is_postal";
  public static final String IS_ONLINE_CHANNEL = "is_online_channel";
  /**
   * Supplements as (requested_on, requested_at, seq, received_on, due_before_on), dates local;
   * {@link MonthFacts} reads them by position.
   */
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

  /** The procedure key of the dossier or catalogue version: {@code 1.001234}, or "". */
  public static final String PROCEDURE_KEY = "_pkey";

  public static Dataset<Row> of(Dataset<Row> dossiers) {
    Dataset<Row> counted = dossiers
        .filter(expr("status NOT IN (1, 3) AND accepted_at IS NOT NULL"
            + " AND publisher_code IS NOT NULL"))
        .withColumn(PROCEDURE_KEY, procedureKey(DossierShape.PROCEDURE_CODE))
        .withColumn(R, expr("to_date(accepted_at)"));

    return counted
        .select(
            col(DossierShape.DOSSIER_ID),
            // +1 for a dossier's state, −1 for a state it no longer has (a change feed's
            // pre-image): month facts are sums, so a change is the new events minus the old.
            (java.util.Arrays.asList(dossiers.columns()).contains(SIGN) ? col(SIGN)
                : org.apache.spark.sql.functions.lit(1)).as(SIGN),
            col(DossierShape.PUBLISHER_CODE).as(PUBLISHER),
            // The dossier's own; where it has none, its procedure version's (MonthFacts).
            col(DossierShape.DEPARTMENT_CODE).as(DEPARTMENT),
            col(DossierShape.SECTOR_CODE).as(SECTOR),
            // A local form (1.001234.000.00.00.H54) is the same procedure as 1.001234: the unit
            // is the code the catalogue is looked up by, or the code as given when it has no
            // such form.
            org.apache.spark.sql.functions.when(col(PROCEDURE_KEY).equalTo(""),
                col(DossierShape.PROCEDURE_CODE)).otherwise(col(PROCEDURE_KEY)).as(PROCEDURE),
            col(PROCEDURE_KEY),
            col(R),
            expr("status IN (7, 9, 10) OR result_type IS NOT NULL").as(IS_ENDED),
            expr("CASE WHEN status IN (7, 9, 10) OR result_type IS NOT NULL"
                + " THEN to_date(ended_at) END").as(E),
            expr("to_date(due_at)").as(DUE),
            expr("CASE WHEN result_type = 'TRA_LAI' THEN '" + RETURNED + "'"
                + " WHEN result_type = 'XIN_RUT' OR status = 7 THEN '" + WITHDRAWN + "'"
                + " ELSE '" + RESOLVED + "' END").as(OUTCOME),
            expr("coalesce(channel = 3, false) OR coalesce(delivery = 1, false)").as(IS_POSTAL),
            expr("coalesce(channel = 2, false)").as(IS_ONLINE_CHANNEL),
            expr("transform(supplements, s -> named_struct("
                + "'requested_on', to_date(s.requested_at), 'requested_at', s.requested_at,"
                + " 'seq', s.seq, 'received_on', to_date(s.received_at),"
                + " 'due_before_on', to_date(s.due_before_at)))").as(SUPPS));
  }
}
