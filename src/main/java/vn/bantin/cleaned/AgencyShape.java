package vn.bantin.cleaned;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;

/** {@code cleaned.agency_versions}: one version of an agency per (agency_code, valid_from). */
public final class AgencyShape implements CleanedShape<AgencyVersion> {
  public static final String AGENCY_CODE = "agency_code";
  public static final String AGENCY_NAME = "agency_name";
  public static final String LEVEL = "level";
  public static final String PARENT_CODE = "parent_code";
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";

  public static final StructType SCHEMA = new StructType()
      .add(AGENCY_CODE, DataTypes.StringType, false)
      .add(AGENCY_NAME, DataTypes.StringType, true)
      .add(LEVEL, DataTypes.IntegerType, true)
      .add(PARENT_CODE, DataTypes.StringType, true)
      .add(VALID_FROM, DataTypes.DateType, true)
      .add(VALID_TO, DataTypes.DateType, true);

  @Override
  public ExtractKind kind() {
    return ExtractKind.DONVI;
  }

  @Override
  public Table table() {
    return Table.CLEANED_AGENCY_VERSIONS;
  }

  @Override
  public StructType typedSchema() {
    return SCHEMA;
  }

  @Override
  public Checked<AgencyVersion> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    // Validity intervals are not events: 0001-01-01 and 9999-12-31 are their open ends.
    return AgencyCheck.check(fields);
  }

  @Override
  public Object[] values(AgencyVersion a) {
    return new Object[] {a.agencyCode(), a.agencyName(), a.level(), a.parentCode(),
        a.validFrom(), a.validTo()};
  }

  @Override
  public String dedupeKey(AgencyVersion a) {
    return a.agencyCode() + "|" + (a.validFrom() == null ? "" : a.validFrom().toString());
  }
}
