package vn.bantin.cleaned;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;

/**
 * {@code cleaned.procedure_versions}: one version of a catalogue procedure per
 * (procedure_code, valid_from), newest extract wins per key. Which version a dossier takes
 * (the one valid on its acceptance date; the later valid_from where two overlap) is decided
 * where it is used, so the table keeps every version as published.
 */
public final class ProcedureShape implements CleanedShape<ProcedureVersion> {
  public static final String PROCEDURE_CODE = "procedure_code";
  public static final String PROCEDURE_NAME = "procedure_name";
  public static final String SECTOR_CODE = "sector_code";
  public static final String SECTOR_NAME = "sector_name";
  public static final String DEPARTMENT_CODE = "department_code";
  public static final String ONLINE_LEVEL = "online_level";
  public static final String FIVE_ON_SPOT = "five_on_spot";
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";

  public static final StructType SCHEMA = new StructType()
      .add(PROCEDURE_CODE, DataTypes.StringType, false)
      .add(PROCEDURE_NAME, DataTypes.StringType, true)
      .add(SECTOR_CODE, DataTypes.StringType, true)
      .add(SECTOR_NAME, DataTypes.StringType, true)
      .add(DEPARTMENT_CODE, DataTypes.StringType, true)
      .add(ONLINE_LEVEL, DataTypes.StringType, true)
      .add(FIVE_ON_SPOT, DataTypes.BooleanType, true)
      .add(VALID_FROM, DataTypes.DateType, true)
      .add(VALID_TO, DataTypes.DateType, true);

  @Override
  public ExtractKind kind() {
    return ExtractKind.THUTUC;
  }

  @Override
  public Table table() {
    return Table.CLEANED_PROCEDURE_VERSIONS;
  }

  @Override
  public StructType typedSchema() {
    return SCHEMA;
  }

  @Override
  public Checked<ProcedureVersion> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    // Validity intervals are not events: 0001-01-01 and 9999-12-31 are their open ends.
    return ProcedureCheck.check(fields);
  }

  @Override
  public Object[] values(ProcedureVersion p) {
    return new Object[] {p.procedureCode(), p.procedureName(), p.sectorCode(), p.sectorName(),
        p.departmentCode(), p.onlineLevel(), p.fiveOnSpot(), p.validFrom(), p.validTo()};
  }

  @Override
  public String dedupeKey(ProcedureVersion p) {
    return p.procedureCode() + "|" + (p.validFrom() == null ? "" : p.validFrom().toString());
  }
}
