package vn.bantin.cleaned;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;

/**
 * {@code cleaned.dossiers}: one row per dossier, its state from the newest extract holding it.
 * Times are Vietnam local wall-clock times ({@code TIMESTAMP_NTZ}), so the local calendar date
 * of any of them is {@code to_date(x)} whatever the session's time zone. The supplement
 * requests are nested (the figures need them per dossier) and also exploded into
 * {@code cleaned.supplements} for analysts.
 */
public final class DossierShape implements CleanedShape<DossierRecord> {
  public static final String DOSSIER_ID = "dossier_id";
  public static final String PROCEDURE_CODE = "procedure_code";
  public static final String PROCEDURE_NAME = "procedure_name";
  public static final String SECTOR_CODE = "sector_code";
  public static final String SECTOR_NAME = "sector_name";
  public static final String DEPARTMENT_CODE = "department_code";
  public static final String PUBLISHER_CODE = "publisher_code";
  public static final String CHANNEL = "channel";
  public static final String DELIVERY = "delivery";
  public static final String STATUS = "status";
  public static final String RESULT_TYPE = "result_type";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String ACCEPTED_AT = "accepted_at";
  public static final String DUE_AT = "due_at";
  public static final String ENDED_AT = "ended_at";
  public static final String HANDED_OVER_AT = "handed_over_at";
  public static final String REFUSED_AT = "refused_at";
  public static final String SUPPLEMENTS = "supplements";

  public static final String SEQ = "seq";
  public static final String REQUESTED_AT = "requested_at";
  public static final String RECEIVED_AT = "received_at";
  public static final String DUE_BEFORE_AT = "due_before_at";
  public static final String DUE_AFTER_AT = "due_after_at";

  private static final DataType TS = DataTypes.TimestampNTZType;

  /** The columns whose values nearly never repeat: the key, and times to the second. */
  public static final java.util.List<String> DISTINCT_PER_RECORD = java.util.List.of(
      DOSSIER_ID, SUBMITTED_AT, ACCEPTED_AT, DUE_AT, ENDED_AT, HANDED_OVER_AT, REFUSED_AT);

  public static final StructType SUPPLEMENT = new StructType()
      .add(SEQ, DataTypes.IntegerType, false)
      .add(REQUESTED_AT, TS, false)
      .add(RECEIVED_AT, TS, true)
      .add(DUE_BEFORE_AT, TS, true)
      .add(DUE_AFTER_AT, TS, true);

  public static final StructType SCHEMA = new StructType()
      .add(DOSSIER_ID, DataTypes.StringType, false)
      .add(PROCEDURE_CODE, DataTypes.StringType, true)
      .add(PROCEDURE_NAME, DataTypes.StringType, true)
      .add(SECTOR_CODE, DataTypes.StringType, true)
      .add(SECTOR_NAME, DataTypes.StringType, true)
      .add(DEPARTMENT_CODE, DataTypes.StringType, true)
      .add(PUBLISHER_CODE, DataTypes.StringType, true)
      .add(CHANNEL, DataTypes.IntegerType, true)
      .add(DELIVERY, DataTypes.IntegerType, true)
      .add(STATUS, DataTypes.IntegerType, false)
      .add(RESULT_TYPE, DataTypes.StringType, true)
      .add(SUBMITTED_AT, TS, true)
      .add(ACCEPTED_AT, TS, true)
      .add(DUE_AT, TS, true)
      .add(ENDED_AT, TS, true)
      .add(HANDED_OVER_AT, TS, true)
      .add(REFUSED_AT, TS, true)
      .add(SUPPLEMENTS, new ArrayType(SUPPLEMENT, false), false);

  @Override
  public ExtractKind kind() {
    return ExtractKind.HOSO;
  }

  @Override
  public Table table() {
    return Table.CLEANED_DOSSIERS;
  }

  /** The month of the dossier's code ({@link CleanedSchemas#codeMonth}). */
  @Override
  public Optional<UnaryOperator<Column>> partitionOfKey() {
    return Optional.of(CleanedSchemas::codeMonth);
  }

  @Override
  public StructType typedSchema() {
    return SCHEMA;
  }

  @Override
  public Checked<DossierRecord> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    return DossierCheck.check(fields, extractDate);
  }

  @Override
  public Object[] values(DossierRecord d) {
    Row[] supplements = d.supplements().stream()
        .map(s -> RowFactory.create(s.seq(), s.requestedAt(), s.receivedAt(), s.dueBeforeAt(),
            s.dueAfterAt()))
        .toArray(Row[]::new);
    return new Object[] {
        d.dossierId(), d.procedureCode(), d.procedureName(), d.sectorCode(), d.sectorName(),
        d.departmentCode(), d.publisherCode(), d.channel(), d.delivery(), d.status(),
        d.resultType(), d.submittedAt(), d.acceptedAt(), d.dueAt(), d.endedAt(),
        d.handedOverAt(), d.refusedAt(),
        // Rows made for an encoder hold Scala collections.
        scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(supplements))
            .toSeq()};
  }

  @Override
  public String dedupeKey(DossierRecord record) {
    return record.dossierId();
  }
}
