package vn.bantin.cleaned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import vn.bantin.raw.RawColumns;

/**
 * One raw record checked against the contract: either typed ({@code _ok}) or carrying the
 * reason it goes to quarantine. {@link RecordOutcomes} checks every record this way.
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

  /** Where the typed values start in a checked record: after the seven checks, the lineage. */
  private static final int TYPED_FROM = 7 + LINEAGE.size();

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

  /**
   * Checks one raw record: the values of a row of {@link #schema(CleanedShape)} in Spark's
   * internal types, either typed ({@code _ok}) or carrying the reason the record goes to
   * quarantine. The raw row's lineage is passed on as it is, not decoded.
   */
  static <T> Object[] check(InternalRow raw, Reading<T> at) {
    CleanedShape<T> shape = at.shape;
    Map<String, String> values = at.fieldValues(raw);
    UTF8String key =
        UTF8String.fromString(trimmedOrNull(values.get(shape.kind().keyField())));
    Object[] lineage = new Object[at.lineageIndex.length];
    for (int i = 0; i < lineage.length; i++) {
      int from = at.lineageIndex[i];
      // Typed getters: the generic get(i, type) looks up the session's configuration per call.
      lineage[i] = raw.isNullAt(from) ? null
          : at.lineageIsText[i] ? raw.getUTF8String(from) : (Object) raw.getLong(from);
    }
    int width = at.toCatalyst.length;
    if (!raw.isNullAt(at.problemIndex[0])) {
      return row(false, null, null, key, null, raw.getUTF8String(at.problemIndex[0]),
          raw.getUTF8String(at.problemIndex[1]), lineage, new Object[width]);
    }
    java.time.LocalDate extractDate =
        DateTimeUtils.microsToLocalDateTime((Long) lineage[2]).toLocalDate();
    Checked<T> checked = shape.check(values, extractDate);
    if (!checked.isOk()) {
      Problem first = checked.problems().get(0);
      String detail = checked.problems().stream()
          .map(p -> (p.field() == null ? "" : p.field() + ": ") + p.detail())
          .collect(Collectors.joining("; "));
      return row(false, null, null, key, UTF8String.fromString(first.field()),
          UTF8String.fromString(first.reason().code()), UTF8String.fromString(detail), lineage,
          new Object[width]);
    }
    T value = checked.value();
    Object[] typed = shape.values(value);
    for (int i = 0; i < width; i++) {
      typed[i] = at.toCatalyst[i].apply(typed[i]);
    }
    // The content hash is needed only where one extract holds a key twice: computed then.
    return row(true, UTF8String.fromString(shape.dedupeKey(value)), null, key, null, null, null,
        lineage, typed);
  }

  /**
   * Where a kind's raw rows hold what a check reads, and how typed values become Spark's: made
   * once per task from the raw rows' schema.
   */
  static final class Reading<T> {
    final CleanedShape<T> shape;
    final List<String> fields;
    final int[] fieldIndex;
    private final Map<String, Integer> position;
    final int[] lineageIndex;
    final boolean[] lineageIsText;
    final int[] problemIndex;
    @SuppressWarnings("rawtypes")
    final scala.Function1[] toCatalyst;

    Reading(CleanedShape<T> shape, StructType rawSchema) {
      this.shape = shape;
      this.fields = shape.kind().fields();
      this.fieldIndex = fields.stream().mapToInt(rawSchema::fieldIndex).toArray();
      this.position = new java.util.HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        position.put(fields.get(i), i);
      }
      this.lineageIndex = LINEAGE.stream().mapToInt(rawSchema::fieldIndex).toArray();
      this.lineageIsText = new boolean[LINEAGE.size()];
      for (int i = 0; i < lineageIsText.length; i++) {
        // The rest are longs: the line, and the extract time as microseconds.
        lineageIsText[i] = rawSchema.apply(LINEAGE.get(i)).dataType()
            instanceof org.apache.spark.sql.types.StringType;
      }
      this.problemIndex = new int[] {rawSchema.fieldIndex(RawColumns.READ_PROBLEM),
          rawSchema.fieldIndex(RawColumns.READ_DETAIL)};
      StructField[] typed = shape.typedSchema().fields();
      this.toCatalyst = new scala.Function1[typed.length];
      for (int i = 0; i < typed.length; i++) {
        toCatalyst[i] = CatalystTypeConverters.createToCatalystConverter(typed[i].dataType());
      }
    }

    /**
     * The record's contract fields that are present, by name, as text. A field is decoded when
     * a check reads it: the checks of a dossier never read its personal fields, which are the
     * longest texts of the record.
     */
    Map<String, String> fieldValues(InternalRow raw) {
      return new RawFields(raw);
    }

    /** A raw row's contract fields as a map, each decoded at its first read. */
    private final class RawFields extends java.util.AbstractMap<String, String> {
      private final InternalRow raw;
      private final String[] decoded = new String[fieldIndex.length];

      RawFields(InternalRow raw) {
        this.raw = raw;
      }

      @Override
      public String get(Object name) {
        Integer i = position.get(name);
        if (i == null || raw.isNullAt(fieldIndex[i])) {
          return null;
        }
        if (decoded[i] == null) {
          decoded[i] = raw.getUTF8String(fieldIndex[i]).toString();
        }
        return decoded[i];
      }

      @Override
      public boolean containsKey(Object name) {
        Integer i = position.get(name);
        return i != null && !raw.isNullAt(fieldIndex[i]);
      }

      @Override
      public java.util.Set<Map.Entry<String, String>> entrySet() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String f : fields) {
          String v = get(f);
          if (v != null) {
            all.put(f, v);
          }
        }
        return all.entrySet();
      }
    }
  }

  /**
   * Drops from a checked record ({@link #check}) what only a merged record needs: its dedupe
   * key, content hash and typed values. A record that is counted or quarantined keeps its
   * lineage, key and reason.
   */
  static void dropMergedValues(Object[] checked) {
    checked[1] = null;
    checked[2] = null;
    java.util.Arrays.fill(checked, TYPED_FROM, checked.length, null);
  }

  private static Object[] row(boolean ok, UTF8String dedupeKey, UTF8String hash,
      UTF8String key, UTF8String field, UTF8String reason, UTF8String detail, Object[] lineage,
      Object[] typed) {
    Object[] v = new Object[TYPED_FROM + typed.length];
    v[0] = ok;
    v[1] = dedupeKey;
    v[2] = hash;
    v[3] = key;
    v[4] = field;
    v[5] = reason;
    v[6] = detail;
    System.arraycopy(lineage, 0, v, 7, lineage.length);
    System.arraycopy(typed, 0, v, TYPED_FROM, typed.length);
    return v;
  }

  private static String trimmedOrNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** {@link #contentHash(List, Map)} of a raw record. */
  static <T> UTF8String contentHash(InternalRow raw, Reading<T> at) {
    return UTF8String.fromString(contentHash(at.fields, at.fieldValues(raw)));
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
