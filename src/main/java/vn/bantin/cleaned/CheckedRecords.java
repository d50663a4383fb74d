package vn.bantin.cleaned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Encoders;
import vn.bantin.raw.RawColumns;

/**
 * Every raw record of one kind, checked against the contract: one row per raw record, either
 * typed ({@code _ok}) or carrying the reason it goes to quarantine. Grain: one raw record.
 */
public final class CheckedRecords {
  private CheckedRecords() {}

  public static final String OK = "_ok";
  public static final String DEDUPE_KEY = "_dedupe_key";
  public static final String CONTENT_HASH = "_content_hash";
  public static final String RECORD_KEY = "_record_key";
  public static final String Q_FIELD = "_q_field";
  public static final String Q_REASON = "_q_reason";
  public static final String Q_DETAIL = "_q_detail";

  /** Lineage carried from raw into cleaned tables. */
  public static final List<String> LINEAGE = List.of(RawColumns.SOURCE_FILE,
      RawColumns.SOURCE_LINE, RawColumns.EXTRACT_AT, RawColumns.INGEST_RUN_ID);

  static StructType schema(CleanedShape<?> shape) {
    StructType s = new StructType()
        .add(OK, DataTypes.BooleanType, false)
        .add(DEDUPE_KEY, DataTypes.StringType, true)
        .add(CONTENT_HASH, DataTypes.StringType, true)
        .add(RECORD_KEY, DataTypes.StringType, true)
        .add(Q_FIELD, DataTypes.StringType, true)
        .add(Q_REASON, DataTypes.StringType, true)
        .add(Q_DETAIL, DataTypes.StringType, true)
        .add(RawColumns.SOURCE_FILE, DataTypes.StringType, false)
        .add(RawColumns.SOURCE_LINE, DataTypes.LongType, true)
        .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType, false)
        .add(RawColumns.INGEST_RUN_ID, DataTypes.StringType, true);
    for (StructField f : shape.typedSchema().fields()) {
      s = s.add(f.name(), f.dataType(), true);
    }
    return s;
  }

  /** Checks every record of a raw table of the shape's kind. */
  public static <T> Dataset<Row> of(Dataset<Row> raw, CleanedShape<T> shape) {
    StructType schema = schema(shape);
    return raw.mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
            rows -> checkAll(rows, shape),
        Encoders.row(schema));
  }

  private static <T> Iterator<Row> checkAll(Iterator<Row> rows, CleanedShape<T> shape) {
    List<String> fields = shape.kind().fields();
    int width = shape.typedSchema().size();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row raw = rows.next();
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
          String v = raw.getAs(f);
          if (v != null) {
            values.put(f, v);
          }
        }
        String key = trimmedOrNull(values.get(shape.kind().keyField()));
        Object[] lineage = {raw.getAs(RawColumns.SOURCE_FILE), raw.getAs(RawColumns.SOURCE_LINE),
            raw.getAs(RawColumns.EXTRACT_AT), raw.getAs(RawColumns.INGEST_RUN_ID)};
        String readProblem = raw.getAs(RawColumns.READ_PROBLEM);
        if (readProblem != null) {
          return row(false, null, null, key, null, readProblem, raw.getAs(RawColumns.READ_DETAIL),
              lineage, new Object[width]);
        }
        java.time.LocalDateTime extractAt = raw.getAs(RawColumns.EXTRACT_AT);
        Checked<T> checked = shape.check(values, extractAt.toLocalDate());
        if (!checked.isOk()) {
          Problem first = checked.problems().get(0);
          String detail = checked.problems().stream()
              .map(p -> (p.field() == null ? "" : p.field() + ": ") + p.detail())
              .collect(Collectors.joining("; "));
          return row(false, null, null, key, first.field(), first.reason().code(), detail,
              lineage, new Object[width]);
        }
        T value = checked.value();
        return row(true, shape.dedupeKey(value), contentHash(fields, values), key, null, null,
            null, lineage, shape.values(value));
      }
    };
  }

  private static Row row(boolean ok, String dedupeKey, String hash, String key, String field,
      String reason, String detail, Object[] lineage, Object[] typed) {
    List<Object> v = new ArrayList<>(11 + typed.length);
    v.add(ok);
    v.add(dedupeKey);
    v.add(hash);
    v.add(key);
    v.add(field);
    v.add(reason);
    v.add(detail);
    v.addAll(List.of(lineage));
    for (Object o : typed) {
      v.add(o);
    }
    return RowFactory.create(v.toArray());
  }

  private static String trimmedOrNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * What "identical records" means within one extract: every contract field, trimmed, the same.
   * Extra fields an extract may carry do not count.
   */
  static String contentHash(List<String> fields, Map<String, String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String f : fields) {
        String v = trimmedOrNull(values.get(f));
        md.update((v == null ? "\u0000" : v).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 1);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
