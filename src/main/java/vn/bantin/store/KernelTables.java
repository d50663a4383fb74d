package vn.bantin.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads small Delta tables with Delta Kernel, without a Spark session.
 *
 * <p>Why it exists: a command such as {@code bulletin} only looks up a few thousand rows of
 * gold tables, and it must answer in well under five seconds including JVM start. Starting
 * Spark alone costs about five seconds; Kernel replays the Delta log and reads the snapshot's
 * Parquet files directly, so such queries are answered in milliseconds to a few hundred
 * milliseconds once the JVM is up.
 *
 * <p>What it honours: only the files of the chosen snapshot are read (an overwritten table does
 * not double-count), deletion vectors are applied (rows deleted by DELETE/MERGE with deletion
 * vectors do not appear), and column mapping is resolved by Kernel. Equality filters are pushed
 * down to Kernel as predicates (partition pruning and min/max data skipping) where the type is
 * simple, and are always applied again in Java, so the result is exact.
 *
 * <p>Values come back as plain Java: string→{@link String}, long→{@link Long},
 * integer→{@link Integer}, short→{@link Short}, byte→{@link Byte}, boolean→{@link Boolean},
 * double→{@link Double}, float→{@link Float}, decimal→{@link BigDecimal}, date→{@link
 * LocalDate}, timestamp_ntz→{@link LocalDateTime}, timestamp→{@link Instant}, binary→{@code
 * byte[]}, array→{@link List}, struct→{@link Map} in field order, map→{@link Map}; null stays
 * null. Each row is a {@link LinkedHashMap} in the table's column order.
 *
 * <p>Everything is loaded into memory: meant for small tables (tens of thousands of rows).
 */
public final class KernelTables {
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.(json|checkpoint\\..*parquet)");

  /** Column names and types in table order; {@code type} is Kernel's type name. */
  public record StructTypeInfo(List<Field> fields) {
    public record Field(String name, String type, boolean nullable) {}

    public List<String> names() {
      return fields.stream().map(Field::name).toList();
    }
  }

  private final Configuration conf;
  private final Engine engine;

  public KernelTables(Configuration conf) {
    this.conf = Objects.requireNonNull(conf, "conf");
    this.engine = DefaultEngine.create(conf);
  }

  /** Whether a Delta table is at the path: its {@code _delta_log} holds at least one commit. */
  public boolean exists(String tablePath) {
    String path = qualify(tablePath);
    try {
      Path log = new Path(path, "_delta_log");
      FileSystem fs = log.getFileSystem(conf);
      if (!fs.exists(log)) {
        return false;
      }
      for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(log)) {
        if (s.isFile() && COMMIT_FILE.matcher(s.getPath().getName()).matches()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  /** The table's latest version. */
  public long latestVersion(String tablePath) {
    return snapshot(tablePath, OptionalLong.empty()).getVersion();
  }

  /**
   * When the oldest data file of the table at {@code version} was last modified (as the file
   * system lists it), or empty when that version holds no file left: a {@code VACUUM} that
   * keeps every file modified since keeps that version readable.
   */
  public Optional<Instant> oldestFileModifiedAt(String tablePath, long version) {
    long[] oldest = {Long.MAX_VALUE};
    eachScanFile(tablePath, OptionalLong.of(version), false, scanFile -> {
      // The file system's time, not the log's: VACUUM judges a file by its listing.
      Path file = new Path(InternalScanFileUtils.getAddFileStatus(scanFile).getPath());
      try {
        oldest[0] = Math.min(oldest[0],
            file.getFileSystem(conf).getFileStatus(file).getModificationTime());
      } catch (java.io.FileNotFoundException gone) {
        // deleted already: nothing left to keep
      }
      return true;
    });
    return oldest[0] == Long.MAX_VALUE ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(oldest[0]));
  }

  /**
   * The table's rows as its log counts them, no data file read: each file's record count from
   * its statistics, less the rows its deletion vector marks deleted. Empty when a file of the
   * snapshot has no record count in the log (a writer that kept no statistics): then only
   * reading the rows can count them.
   */
  public OptionalLong rowCount(String tablePath) {
    return filesSize(tablePath).rows();
  }

  /**
   * What the log lists of the table's data files, in one walk of it: their rows (those deleted
   * by a deletion vector left out; empty when a file has no count) and their bytes (deleted
   * rows included).
   */
  public record FilesSize(OptionalLong rows, long bytes) {}

  /** The {@link FilesSize} of the table at its latest version. */
  public FilesSize filesSize(String tablePath) {
    long[] rows = {0};
    long[] bytes = {0};
    boolean[] counted = {true};
    eachScanFile(tablePath, OptionalLong.empty(), true, scanFile -> {
      io.delta.kernel.internal.actions.AddFile add = new io.delta.kernel.internal.actions
          .AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
      bytes[0] += add.getSize();
      Optional<Long> records = add.getNumRecords();
      if (records.isEmpty()) {
        counted[0] = false;
      } else {
        rows[0] += records.get() - add.getDeletionVector()
            .map(io.delta.kernel.internal.actions.DeletionVectorDescriptor::getCardinality)
            .orElse(0L);
      }
      return true;
    });
    return new FilesSize(counted[0] ? OptionalLong.of(rows[0]) : OptionalLong.empty(), bytes[0]);
  }

  /**
   * The largest value of a text, date or timestamp {@code column} in the statistics the log
   * keeps of the table's files, as the log writes it (a timestamp as
   * {@code 2026-01-01T01:30:00.000}, cut to the millisecond); empty when the table has no file
   * or a file has no such statistic. Not necessarily the largest value of the rows: a file's
   * statistics still cover the rows a deletion vector has deleted since.
   */
  public Optional<String> largestLoggedValue(String tablePath, String column) {
    String[] largest = {null};
    boolean complete = eachScanFile(tablePath, OptionalLong.empty(), true, scanFile -> {
      Optional<JsonNode> stats = loggedStats(scanFile);
      if (stats.isEmpty()) {
        return false;
      }
      JsonNode max = stats.get().path("maxValues").path(column);
      if (!max.isTextual()) {
        return false;
      }
      if (largest[0] == null || max.asText().compareTo(largest[0]) > 0) {
        largest[0] = max.asText();
      }
      return true;
    });
    return complete ? Optional.ofNullable(largest[0]) : Optional.empty();
  }

  /**
   * Whether the table may hold a row whose text {@code column} takes one of {@code values},
   * judged from its log alone: false only when every data file records where that column's
   * values lie (its partition value, or its minimum and maximum) and no value given lies there.
   * Conservative everywhere else: a file without such statistics, a bound Delta may have cut
   * (statistics keep a text's first 32 characters, or the table's
   * {@code delta.dataSkippingStringPrefixLength}) and a file whose deleted rows still
   * widen its bounds all answer true.
   *
   * @param partitionColumn whether {@code column} partitions the table
   */
  public boolean mayHoldAny(String tablePath, String column, boolean partitionColumn,
      java.util.Collection<String> values) {
    List<byte[]> sought = values.stream()
        .map(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
    Snapshot snapshot = snapshot(tablePath, OptionalLong.empty());
    // Delta keeps a text's first N characters (UTF-16 units) in the statistics, N = 32 unless
    // the table says otherwise: a bound of N or more may be a cut one.
    int prefix = Integer.parseInt(snapshot.getTableProperties()
        .getOrDefault("delta.dataSkippingStringPrefixLength", "32").trim());
    return !eachScanFile(tablePath, snapshot, !partitionColumn, scanFile -> {
      if (partitionColumn) {
        String value = InternalScanFileUtils.getPartitionValues(scanFile).get(column);
        return value == null || !values.contains(value);
      }
      Optional<JsonNode> stats = loggedStats(scanFile);
      if (stats.isEmpty()) {
        return false;
      }
      JsonNode json = stats.get();
      JsonNode min = json.path("minValues").path(column);
      JsonNode max = json.path("maxValues").path(column);
      if (min.isMissingNode() && max.isMissingNode()) {
        // No bounds: only a file whose every value of the column is null holds none sought.
        return json.path("numRecords").canConvertToLong()
            && json.path("numRecords").asLong() == json.path("nullCount").path(column).asLong(-1);
      }
      if (!min.isTextual() || !max.isTextual() || min.asText().length() >= prefix
          || max.asText().length() >= prefix) {
        return false;
      }
      // Compared as Delta compares text: by UTF-8 bytes.
      byte[] low = min.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] high = max.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return sought.stream().noneMatch(v -> java.util.Arrays.compareUnsigned(low, v) <= 0
          && java.util.Arrays.compareUnsigned(v, high) <= 0);
    });
  }

  /**
   * Whether the table holds a row whose text {@code column} takes one of {@code values}: no
   * when its log rules them all out ({@link #mayHoldAny}); otherwise, when its statistics count
   * at most {@code exactUpTo} rows, that column alone is read and the values looked up (a small
   * table's one file spans every value written so far, so its bounds rule out almost nothing);
   * yes in every other case.
   */
  public boolean holdsAny(String tablePath, String column, boolean partitionColumn,
      java.util.Collection<String> values, long exactUpTo) {
    if (!mayHoldAny(tablePath, column, partitionColumn, values)) {
      return false;
    }
    OptionalLong rows = rowCount(tablePath);
    if (partitionColumn || rows.isEmpty() || rows.getAsLong() > exactUpTo) {
      return true;
    }
    java.util.Set<String> sought = new java.util.HashSet<>(values);
    return read(tablePath, OptionalLong.empty(), Map.of(), List.of(column)).stream()
        .anyMatch(r -> sought.contains(r.get(column)));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper STATS_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The statistics the log keeps of a scan file's data file (Delta's JSON), if any. */
  private static Optional<JsonNode> loggedStats(Row scanFile) throws IOException {
    Optional<String> json = new io.delta.kernel.internal.actions.AddFile(
        scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL)).getStatsJson();
    return json.isEmpty() ? Optional.empty() : Optional.of(STATS_JSON.readTree(json.get()));
  }

  /** What is done with each data file of a snapshot; false stops the walk. */
  private interface ScanFileVisit {
    boolean next(Row scanFile) throws IOException;
  }

  /**
   * Hands every data file of the table at {@code version} (latest when empty) to
   * {@code visit}, with its statistics when {@code withStats} (Kernel's own scan: the public
   * interface does not offer them); false when a visit stopped the walk.
   */
  private boolean eachScanFile(String tablePath, OptionalLong version, boolean withStats,
      ScanFileVisit visit) {
    return eachScanFile(tablePath, snapshot(tablePath, version), withStats, visit);
  }

  private boolean eachScanFile(String tablePath, Snapshot snapshot, boolean withStats,
      ScanFileVisit visit) {
    Scan scan = snapshot.getScanBuilder().build();
    try (CloseableIterator<FilteredColumnarBatch> files =
        ((io.delta.kernel.internal.ScanImpl) scan).getScanFiles(engine, withStats)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            if (!visit.next(fileRows.next())) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + tablePath + ": "
          + e.getMessage(), e);
    } catch (KernelException e) {
      throw cannotRead(qualify(tablePath), oneLine(e));
    }
  }

  /**
   * How many rows hold each value of one column (null counts as a value), as of the latest
   * version: only that column is read.
   */
  public Map<Object, Long> countsBy(String tablePath, String column) {
    Map<Object, Long> counts = new LinkedHashMap<>();
    for (Map<String, Object> row : read(tablePath, OptionalLong.empty(), Map.of(),
        List.of(column))) {
      counts.merge(row.get(column), 1L, Long::sum);
    }
    return counts;
  }

  /** The table's properties ({@code delta.…}) at its latest version. */
  public Map<String, String> properties(String tablePath) {
    return snapshot(tablePath, OptionalLong.empty()).getTableProperties();
  }

  /** Column names and types in order, as of the latest version or the given one. */
  public StructTypeInfo schema(String tablePath, OptionalLong version) {
    StructType schema = snapshot(tablePath, version).getSchema();
    List<StructTypeInfo.Field> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      fields.add(new StructTypeInfo.Field(f.getName(), f.getDataType().toString(), f.isNullable()));
    }
    return new StructTypeInfo(List.copyOf(fields));
  }

  /** Every row, as of the latest version. */
  public List<Map<String, Object>> read(String tablePath) {
    return read(tablePath, OptionalLong.empty(), Map.of());
  }

  /**
   * Every row (or only rows whose column equals the value, for each entry of {@code equals}; a
   * null value matches null), as of the latest version or the given one.
   *
   * @throws IllegalArgumentException "Cannot read &lt;path&gt;: …" when the table or version is
   *     missing, or a filter names an unknown column or a value of the wrong type
   */
  public List<Map<String, Object>> read(
      String tablePath, OptionalLong version, Map<String, Object> equals) {
    return read(tablePath, version, equals, null);
  }

  /**
   * As {@link #read(String, OptionalLong, Map)}, each row holding only {@code columns} (null:
   * every column); the filter's columns must be among them.
   */
  private List<Map<String, Object>> read(String tablePath, OptionalLong version,
      Map<String, Object> equals, List<String> columns) {
    Snapshot snapshot = snapshot(tablePath, version);
    String path = qualify(tablePath);
    StructType schema = snapshot.getSchema();

    // Filter values converted to the Java type a read value of that column has.
    Map<String, Object> wanted = new LinkedHashMap<>();
    List<Predicate> pushed = new ArrayList<>();
    for (Map.Entry<String, Object> e : (equals == null ? Map.<String, Object>of() : equals).entrySet()) {
      String name = e.getKey();
      int idx = schema.indexOf(name);
      if (idx < 0) {
        throw cannotRead(path, "no column " + name + " (columns: " + schema.fieldNames() + ")");
      }
      DataType type = schema.at(idx).getDataType();
      Object value = coerce(path, name, type, e.getValue());
      wanted.put(name, value);
      literal(type, value).ifPresent(l -> pushed.add(new Predicate("=", new Column(name), l)));
    }

    ScanBuilder builder = snapshot.getScanBuilder();
    if (columns != null) {
      StructType read = new StructType();
      for (String name : columns) {
        int idx = schema.indexOf(name);
        if (idx < 0) {
          throw cannotRead(path, "no column " + name + " (columns: " + schema.fieldNames() + ")");
        }
        read = read.add(schema.at(idx));
      }
      builder = builder.withReadSchema(read);
    }
    if (!pushed.isEmpty()) {
      Predicate all = pushed.get(0);
      for (int i = 1; i < pushed.size(); i++) {
        all = new Predicate("AND", all, pushed.get(i));
      }
      builder = builder.withFilter(all);
    }
    Scan scan = builder.build();
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);

    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row scanFile = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> physical =
                engine
                    .getParquetHandler()
                    .readParquetFiles(single(status), physicalSchema, Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
              while (data.hasNext()) {
                collect(data.next(), wanted, rows);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    } catch (KernelException e) {
      throw cannotRead(path, oneLine(e));
    }
    return rows;
  }

  private static void collect(
      FilteredColumnarBatch batch, Map<String, Object> wanted, List<Map<String, Object>> out) {
    ColumnarBatch data = batch.getData();
    StructType schema = data.getSchema();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    int n = data.getSize();
    int width = schema.length();
    ColumnVector[] columns = new ColumnVector[width];
    DataType[] types = new DataType[width];
    String[] names = new String[width];
    for (int c = 0; c < width; c++) {
      columns[c] = data.getColumnVector(c);
      types[c] = schema.at(c).getDataType();
      names[c] = schema.at(c).getName();
    }
    rows:
    for (int r = 0; r < n; r++) {
      if (selection.isPresent()) {
        ColumnVector sel = selection.get();
        if (sel.isNullAt(r) || !sel.getBoolean(r)) {
          continue;
        }
      }
      Map<String, Object> row = new LinkedHashMap<>(width * 2);
      for (int c = 0; c < width; c++) {
        row.put(names[c], value(columns[c], types[c], r));
      }
      for (Map.Entry<String, Object> w : wanted.entrySet()) {
        if (!sameValue(row.get(w.getKey()), w.getValue())) {
          continue rows;
        }
      }
      out.add(row);
    }
  }

  private static boolean sameValue(Object actual, Object wanted) {
    if (actual instanceof BigDecimal a && wanted instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (actual instanceof byte[] a && wanted instanceof byte[] b) {
      return java.util.Arrays.equals(a, b);
    }
    return Objects.equals(actual, wanted);
  }

  /** The value at row {@code r} of a vector, as plain Java. */
  static Object value(ColumnVector v, DataType type, int r) {
    if (v.isNullAt(r)) {
      return null;
    }
    if (type instanceof StringType) {
      return v.getString(r);
    } else if (type instanceof LongType) {
      return v.getLong(r);
    } else if (type instanceof IntegerType) {
      return v.getInt(r);
    } else if (type instanceof ShortType) {
      return v.getShort(r);
    } else if (type instanceof ByteType) {
      return v.getByte(r);
    } else if (type instanceof BooleanType) {
      return v.getBoolean(r);
    } else if (type instanceof DoubleType) {
      return v.getDouble(r);
    } else if (type instanceof FloatType) {
      return v.getFloat(r);
    } else if (type instanceof DecimalType) {
      return v.getDecimal(r);
    } else if (type instanceof DateType) {
      return LocalDate.ofEpochDay(v.getInt(r));
    } else if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofEpochSecond(
          Math.floorDiv(v.getLong(r), 1_000_000L),
          (int) Math.floorMod(v.getLong(r), 1_000_000L) * 1000,
          ZoneOffset.UTC);
    } else if (type instanceof TimestampType) {
      return micros(v.getLong(r));
    } else if (type instanceof BinaryType) {
      return v.getBinary(r);
    } else if (type instanceof ArrayType at) {
      ArrayValue a = v.getArray(r);
      ColumnVector elems = a.getElements();
      List<Object> list = new ArrayList<>(a.getSize());
      for (int i = 0; i < a.getSize(); i++) {
        list.add(value(elems, at.getElementType(), i));
      }
      return Collections.unmodifiableList(list);
    } else if (type instanceof MapType mt) {
      MapValue m = v.getMap(r);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < m.getSize(); i++) {
        map.put(value(m.getKeys(), mt.getKeyType(), i), value(m.getValues(), mt.getValueType(), i));
      }
      return Collections.unmodifiableMap(map);
    } else if (type instanceof StructType st) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < st.length(); i++) {
        map.put(st.at(i).getName(), value(v.getChild(i), st.at(i).getDataType(), r));
      }
      return Collections.unmodifiableMap(map);
    }
    throw new UnsupportedOperationException("Unsupported Delta type " + type);
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
  }

  /** A filter value converted to the Java type read values of the column have. */
  private static Object coerce(String path, String column, DataType type, Object value) {
    if (value == null) {
      return null;
    }
    try {
      if (type instanceof StringType) {
        return value.toString();
      } else if (type instanceof LongType && value instanceof Number n) {
        return n.longValue();
      } else if (type instanceof IntegerType && value instanceof Number n) {
        return Math.toIntExact(n.longValue());
      } else if (type instanceof ShortType && value instanceof Number n) {
        return n.shortValue();
      } else if (type instanceof ByteType && value instanceof Number n) {
        return n.byteValue();
      } else if (type instanceof DoubleType && value instanceof Number n) {
        return n.doubleValue();
      } else if (type instanceof FloatType && value instanceof Number n) {
        return n.floatValue();
      } else if (type instanceof DecimalType && value instanceof Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
      } else if (type instanceof BooleanType && value instanceof Boolean) {
        return value;
      } else if (type instanceof DateType && value instanceof LocalDate) {
        return value;
      } else if (type instanceof DateType && value instanceof String s) {
        return LocalDate.parse(s);
      } else if (type instanceof TimestampNTZType && value instanceof LocalDateTime) {
        return value;
      } else if (type instanceof TimestampType && value instanceof Instant) {
        return value;
      } else if (type instanceof BinaryType && value instanceof byte[]) {
        return value;
      }
    } catch (RuntimeException e) {
      throw cannotRead(path, "bad filter value " + value + " for " + column + " " + type);
    }
    if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
      return value;
    }
    throw cannotRead(
        path,
        "filter value " + value + " (" + value.getClass().getSimpleName() + ") does not fit "
            + column + " " + type);
  }

  /** A Kernel literal for pushing an equality down, for the simple types where that is safe. */
  private static Optional<Literal> literal(DataType type, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (type instanceof StringType) {
      return Optional.of(Literal.ofString((String) value));
    } else if (type instanceof LongType) {
      return Optional.of(Literal.ofLong((Long) value));
    } else if (type instanceof IntegerType) {
      return Optional.of(Literal.ofInt((Integer) value));
    } else if (type instanceof ShortType) {
      return Optional.of(Literal.ofShort((Short) value));
    } else if (type instanceof ByteType) {
      return Optional.of(Literal.ofByte((Byte) value));
    } else if (type instanceof BooleanType) {
      return Optional.of(Literal.ofBoolean((Boolean) value));
    } else if (type instanceof DateType) {
      return Optional.of(Literal.ofDate((int) ((LocalDate) value).toEpochDay()));
    }
    return Optional.empty(); // filtered in Java only
  }

  private Snapshot snapshot(String tablePath, OptionalLong version) {
    String path = qualify(tablePath);
    try {
      Table table = Table.forPath(engine, path);
      return version.isPresent()
          ? table.getSnapshotAsOfVersion(engine, version.getAsLong())
          : table.getLatestSnapshot(engine);
    } catch (TableNotFoundException e) {
      throw cannotRead(path, "no Delta table there");
    } catch (KernelException e) {
      throw cannotRead(path, oneLine(e));
    } catch (RuntimeException e) {
      if (e.getCause() instanceof java.io.FileNotFoundException) {
        throw cannotRead(path, "no Delta table there");
      }
      throw cannotRead(path, oneLine(e));
    }
  }

  /** A local path made an absolute {@code file:} URI; a URI with a scheme is kept. */
  static String qualify(String tablePath) {
    Objects.requireNonNull(tablePath, "tablePath");
    if (tablePath.isBlank()) {
      throw new IllegalArgumentException("Cannot read " + tablePath + ": empty table path");
    }
    try {
      URI uri = new URI(tablePath);
      if (uri.getScheme() != null && uri.getScheme().length() > 1) {
        return tablePath;
      }
    } catch (java.net.URISyntaxException ignored) {
      // a local path with characters a URI does not allow
    }
    String uri = new File(tablePath).getAbsoluteFile().toPath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static IllegalArgumentException cannotRead(String path, String reason) {
    return new IllegalArgumentException("Cannot read " + path + ": " + reason);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }

  private static <T> CloseableIterator<T> single(T item) {
    return io.delta.kernel.internal.util.Utils.singletonCloseableIterator(item);
  }
}
