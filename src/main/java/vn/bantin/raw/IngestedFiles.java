package vn.bantin.raw;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * {@code raw.ingested_files}: the log of extract files already in the raw layer. A file is
 * logged only after its records are written, so a crash between the two makes the next run
 * read the file again (and replace its rows), never skip it.
 */
public final class IngestedFiles {
  private IngestedFiles() {}

  public static final StructType SCHEMA = new StructType()
      .add(RawColumns.FILE_NAME, DataTypes.StringType, false)
      .add(RawColumns.KIND, DataTypes.StringType, false)
      .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType, false)
      .add(RawColumns.BYTES, DataTypes.LongType, false)
      .add(RawColumns.SHA256, DataTypes.StringType, false)
      .add(RawColumns.RECORDS, DataTypes.LongType, false)
      .add(RawColumns.INGEST_RUN, DataTypes.StringType, false)
      .add(RawColumns.INGESTED_AT, DataTypes.TimestampType, false);

  /** A logged file. */
  public record Entry(String fileName, long bytes, String sha256, long records, String runId) {}

  public static Map<String, Entry> read(TableStore store) {
    Map<String, Entry> entries = new HashMap<>();
    for (Map<String, Object> r : store.smallRows(Table.RAW_INGESTED_FILES)) {
      String name = (String) r.get(RawColumns.FILE_NAME);
      entries.put(name, new Entry(name, (Long) r.get(RawColumns.BYTES),
          (String) r.get(RawColumns.SHA256), (Long) r.get(RawColumns.RECORDS),
          (String) r.get(RawColumns.INGEST_RUN)));
    }
    return entries;
  }

  /** Logs files as their readers summed them up, replacing earlier entries. */
  public static void log(TableStore store, List<ParsedExtracts.FileSummary> summaries,
      String runId) {
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ParsedExtracts.FileSummary s : summaries) {
      names.add(s.fileName());
      rows.add(RowFactory.create(s.fileName(), s.kind(), s.extractAt(), s.bytes(), s.sha256(),
          s.records(), runId, now));
    }
    store.replaceSlices(Table.RAW_INGESTED_FILES, store.spark().createDataFrame(rows, SCHEMA),
        names);
  }
}
