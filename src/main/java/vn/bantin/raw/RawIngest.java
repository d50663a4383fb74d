package vn.bantin.raw;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import vn.bantin.extract.BadExtractException;
import vn.bantin.UserError;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.TableStore;

/**
 * Brings the extracts of an input folder into the raw layer. Files already ingested (same name,
 * same size) are skipped, so re-running on the same folder changes nothing. Every file is read
 * before anything is written: one unreadable file stops the run with its name and no table
 * touched.
 */
public final class RawIngest {
  private RawIngest() {}

  /** What ingest did: the files it read now, and those it found already ingested. */
  public record Result(List<String> ingested, List<String> alreadyIngested, long records) {}

  public static Result ingest(TableStore store, String inputFolder, String runId) {
    SparkSession spark = store.spark();
    List<ExtractFolder.Listed> listed =
        ExtractFolder.list(inputFolder, spark.sparkContext().hadoopConfiguration());
    Map<String, IngestedFiles.Entry> logged = IngestedFiles.read(store);
    List<ExtractFile> toRead = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ExtractFolder.Listed l : listed) {
      IngestedFiles.Entry before = logged.get(l.file().fileName());
      if (before == null) {
        toRead.add(l.file());
      } else if (before.bytes() == l.bytes()) {
        skipped.add(l.file().fileName());
      } else {
        throw new UserError("Cannot ingest " + l.file().fileName() + ": a file of this name was"
            + " ingested in run " + before.runId() + " with other content (" + before.bytes()
            + " bytes then, " + l.bytes() + " now); an extract is never rewritten, export the"
            + " correction as a new extract with a later timestamp");
      }
    }
    if (toRead.isEmpty()) {
      return new Result(List.of(), skipped, 0);
    }

    boolean freshWarehouse = !store.warehouseExists();
    Map<ExtractKind, List<ExtractFile>> filesByKind = new EnumMap<>(ExtractKind.class);
    for (ExtractFile f : toRead) {
      filesByKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    }
    // One write per kind, each streaming its files from reader to Delta. The files are logged
    // in raw.ingested_files only once every kind is written: until then nothing downstream
    // sees them, and a failed run leaves rows that the next run replaces.
    List<ParsedExtracts.FileSummary> summaries = new ArrayList<>();
    for (Map.Entry<ExtractKind, List<ExtractFile>> e : filesByKind.entrySet()) {
      spark.sparkContext().setJobDescription("read and write raw " + e.getKey().prefix());
      CollectionAccumulator<ParsedExtracts.FileSummary> read =
          spark.sparkContext().collectionAccumulator("files read");
      try {
        RawTables.write(store, ParsedExtracts.read(spark, e.getKey(), e.getValue(), runId, read),
            e.getKey(), e.getValue().stream().map(ExtractFile::fileName).toList());
      } catch (Exception failure) {
        // SparkException is checked (thrown from Scala undeclared): catch Exception, not only
        // RuntimeException.
        for (Throwable t = failure; t != null; t = t.getCause()) {
          if (t instanceof BadExtractException bad) {
            if (freshWarehouse) {
              // Nothing was there before this run: leave nothing behind either.
              store.removeWarehouse();
            }
            throw new UserError(bad.getMessage());
          }
        }
        throw failure instanceof RuntimeException r ? r
            : new IllegalStateException(failure.getMessage(), failure);
      }
      summaries.addAll(read.value());
    }
    IngestedFiles.log(store, summaries, runId);
    long recordCount = summaries.stream().mapToLong(ParsedExtracts.FileSummary::records).sum();
    return new Result(toRead.stream().map(ExtractFile::fileName).toList(), skipped,
        recordCount);
  }
}
