package vn.bantin.cleaned;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;

/** {@code cleaned.ballots}: one satisfaction ballot per {@code ballot_id}, newest extract wins. */
public final class BallotShape implements CleanedShape<BallotRecord> {
  public static final String BALLOT_ID = "ballot_id";
  public static final String ANSWERED_AT = "answered_at";
  public static final String PUBLISHER_CODE = "publisher_code";
  public static final String DOSSIER_ID = "dossier_id";
  public static final String ATTITUDE = "attitude";
  public static final String OVERALL = "overall";

  public static final StructType SCHEMA = new StructType()
      .add(BALLOT_ID, DataTypes.StringType, false)
      .add(ANSWERED_AT, DataTypes.TimestampNTZType, false)
      .add(PUBLISHER_CODE, DataTypes.StringType, true)
      .add(DOSSIER_ID, DataTypes.StringType, true)
      .add(ATTITUDE, DataTypes.IntegerType, false)
      .add(OVERALL, DataTypes.IntegerType, false);

  @Override
  public ExtractKind kind() {
    return ExtractKind.DANHGIA;
  }

  @Override
  public Table table() {
    return Table.CLEANED_BALLOTS;
  }

  @Override
  public StructType typedSchema() {
    return SCHEMA;
  }

  @Override
  public Checked<BallotRecord> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    return BallotCheck.check(fields, extractDate);
  }

  @Override
  public Object[] values(BallotRecord b) {
    return new Object[] {b.ballotId(), b.answeredAt(), b.publisherCode(), b.dossierId(),
        b.attitude(), b.overall()};
  }

  @Override
  public String dedupeKey(BallotRecord record) {
    return record.ballotId();
  }
}
