package vn.bantin.raw;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import vn.bantin.extract.BadExtractException;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractReader;
import vn.bantin.extract.ReadSummary;

/**
 * Reads extract files into one Dataset of parsed records, one Spark task per file, so the read
 * spreads over a cluster's executors. Each file also yields one summary row (its size, checksum
 * and record count, or the reason it could not be read): a file that cannot be read does not
 * fail a task, it is reported, and the caller refuses to write anything.
 *
 * <p>Grain: one row per record read, plus one summary row per file.
 */
public final class ParsedExtracts {
  private ParsedExtracts() {}

  public static final String IS_SUMMARY = "is_summary";
  public static final String KIND = "kind";
  public static final String FIELDS = "fields";
  public static final String FILE_BYTES = "file_bytes";
  public static final String FILE_SHA256 = "file_sha256";
  public static final String FILE_RECORDS = "file_records";
  public static final String FILE_ERROR = "file_error";

  public static final StructType SCHEMA = new StructType()
      .add(IS_SUMMARY, DataTypes.BooleanType, false)
      .add(KIND, DataTypes.StringType, false)
      .add(RawColumns.SOURCE_FILE, DataTypes.StringType, false)
      .add(RawColumns.SOURCE_LINE, DataTypes.LongType, true)
      .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType, false)
      .add(FIELDS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add(RawColumns.READ_PROBLEM, DataTypes.StringType, true)
      .add(RawColumns.READ_DETAIL, DataTypes.StringType, true)
      .add(FILE_BYTES, DataTypes.LongType, true)
      .add(FILE_SHA256, DataTypes.StringType, true)
      .add(FILE_RECORDS, DataTypes.LongType, true)
      .add(FILE_ERROR, DataTypes.StringType, true);

  /** Reads the files, lazily: nothing runs until the Dataset is used. */
  public static Dataset<Row> read(SparkSession spark, List<ExtractFile> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    JavaRDD<ExtractFile> perFile = jsc.parallelize(files, Math.max(1, files.size()));
    JavaRDD<Row> rows = perFile.mapPartitions(it -> readAll(it, conf.value()));
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Iterator<Row> readAll(Iterator<ExtractFile> files, Configuration conf) {
    // The reader pushes records; a file's rows are buffered here. Extracts are monthly
    // (~10^5 records), so a file's rows fit a task's memory comfortably.
    List<Row> out = new ArrayList<>();
    while (files.hasNext()) {
      readOne(files.next(), conf, out);
    }
    return out.iterator();
  }

  static void readOne(ExtractFile file, Configuration conf, List<Row> out) {
    int start = out.size();
    String kind = file.kind().prefix();
    Path path = new Path(file.path());
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      ReadSummary summary = ExtractReader.read(file, in, record -> out.add(RowFactory.create(
          false, kind, file.fileName(), record.line(), file.extractTime(),
          copyOf(record.fields()), record.problem(), record.detail(),
          null, null, null, null)));
      out.add(RowFactory.create(true, kind, file.fileName(), null, file.extractTime(), null,
          null, null, summary.bytes(), summary.sha256(), summary.records(), null));
    } catch (BadExtractException e) {
      out.subList(start, out.size()).clear();
      out.add(summaryOfFailure(file, e.getMessage()));
    } catch (IOException | RuntimeException e) {
      out.subList(start, out.size()).clear();
      out.add(summaryOfFailure(file, "Cannot read " + file.fileName() + ": " + e));
    }
  }

  private static Row summaryOfFailure(ExtractFile file, String message) {
    return RowFactory.create(true, file.kind().prefix(), file.fileName(), null,
        file.extractTime(), null, null, null, null, null, null, message);
  }

  private static scala.collection.Map<String, String> copyOf(Map<String, String> fields) {
    // A Row's map value must be a Scala map; copy, as the reader may reuse its own.
    return scala.jdk.javaapi.CollectionConverters.asScala(new java.util.LinkedHashMap<>(fields));
  }
}
