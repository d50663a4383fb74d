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
import vn.bantin.UserError;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractKind;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * Brings the extracts of an input folder into the raw layer. Files already ingested (same name,
 * same size) are skipped, so re-running on the same folder changes nothing. Every file is read
 * before anything is written: one unreadable file stops the run with its name and no table
 * touched.
 */
public final class RawIngest {
  private RawIngest() {}

  /**
   * What ingest did: the files it read and registered now, those it found already ingested, the
   * records of the files registered now, the files it refused (read, but not registered and none
   * of their rows kept) and the empty files it registered because the operator accepted them.
   */
  public record Result(List<String> ingested, List<String> alreadyIngested, long records,
      List<WholeFileProblem> refused, List<WholeFileProblem> acceptedEmpty) {
    public Result(List<String> ingested, List<String> alreadyIngested, long records) {
      this(ingested, alreadyIngested, records, List.of(), List.of());
    }
  }

  public static Result ingest(TableStore store, String inputFolder, String runId) {
    return ingest(store, inputFolder, runId, WholeFileProblem.Accept.NONE);
  }

  /**
   * Reads the new files of the folder into the raw tables and registers them in
   * {@code raw.ingested_files}, except those with a whole-file problem (no records, not UTF-8)
   * the operator did not accept: their rows are removed again and they are not registered, so a
   * corrected export under the same name is read by a later run.
   */
  public static Result ingest(TableStore store, String inputFolder, String runId,
      WholeFileProblem.Accept accept) {
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

    Map<ExtractKind, List<ExtractFile>> filesByKind = new EnumMap<>(ExtractKind.class);
    for (ExtractFile f : toRead) {
      filesByKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    }
    // One write per kind, each streaming its files from reader to Delta, the kinds side by
    // side (each its own table; a kind of a few small files costs its planning and commit,
    // which overlap the others'). The files are logged in raw.ingested_files only once every
    // kind is written: until then nothing downstream sees them, and a failed run leaves rows
    // that the next run replaces.
    List<ParsedExtracts.FileSummary> summaries = new ArrayList<>();
    vn.bantin.spark.SideBySide.each(List.copyOf(filesByKind.entrySet()), e -> {
      spark.sparkContext().setJobDescription("read and write raw " + e.getKey().prefix());
      CollectionAccumulator<ParsedExtracts.FileSummary> read =
          spark.sparkContext().collectionAccumulator("files read");
      // A file that cannot be read to its end is not a failure of the write: the reader
      // records it (FileSummary.unreadable) and it is refused below, on its own.
      RawTables.write(store, ParsedExtracts.read(spark, e.getKey(), e.getValue(), runId, read),
          e.getKey(), e.getValue().stream().map(ExtractFile::fileName).toList());
      return read.value();
    }).forEach(summaries::addAll);
    // Whole-file problems are decided here, before anything is registered.
    Map<String, ExtractFile> byName = new java.util.HashMap<>();
    toRead.forEach(f -> byName.put(f.fileName(), f));
    List<ParsedExtracts.FileSummary> registered = new ArrayList<>();
    List<WholeFileProblem> refused = new ArrayList<>();
    List<WholeFileProblem> acceptedEmpty = new ArrayList<>();
    for (ParsedExtracts.FileSummary s : summaries) {
      WholeFileProblem p = WholeFileProblem.of(s, byName.get(s.fileName()).format());
      if (p == null) {
        registered.add(s);
      } else if (p.problem() == WholeFileProblem.Problem.EMPTY && accept.empty()) {
        registered.add(s);
        acceptedEmpty.add(p);
      } else {
        refused.add(p);
      }
    }
    // A refused file's rows were written with its kind's (the write streams, the problem is
    // known only at the file's end): removed before anything downstream can see them.
    removeRows(store, refused.stream().filter(p -> p.records() > 0).toList());
    IngestedFiles.log(store, registered, runId);
    long recordCount = registered.stream().mapToLong(ParsedExtracts.FileSummary::records).sum();
    refused.sort(java.util.Comparator.comparing(WholeFileProblem::fileName));
    acceptedEmpty.sort(java.util.Comparator.comparing(WholeFileProblem::fileName));
    java.util.Set<String> registeredNames = new java.util.HashSet<>();
    registered.forEach(s -> registeredNames.add(s.fileName()));
    return new Result(toRead.stream().map(ExtractFile::fileName)
        .filter(registeredNames::contains).toList(), skipped, recordCount,
        List.copyOf(refused), List.copyOf(acceptedEmpty));
  }

  /**
   * Forgets files that were registered but are refused after all (every record quarantined):
   * first their entries in {@code raw.ingested_files}, then their raw rows. A run killed in
   * between leaves rows of a file that is not registered, which the next read of that file
   * replaces and nothing else reads.
   */
  public static void unregister(TableStore store, List<WholeFileProblem> files) {
    if (files.isEmpty()) {
      return;
    }
    store.replaceSlices(Table.RAW_INGESTED_FILES,
        store.spark().createDataFrame(List.of(), IngestedFiles.SCHEMA),
        files.stream().map(WholeFileProblem::fileName).toList());
    removeRows(store, files);
  }

  /** Removes the raw rows of the files, one commit per kind. */
  private static void removeRows(TableStore store, List<WholeFileProblem> files) {
    Map<ExtractKind, List<String>> byKind = new EnumMap<>(ExtractKind.class);
    for (WholeFileProblem p : files) {
      byKind.computeIfAbsent(ExtractKind.ofPrefix(p.kind()), k -> new ArrayList<>())
          .add(p.fileName());
    }
    for (Map.Entry<ExtractKind, List<String>> e : byKind.entrySet()) {
      Table table = RawTables.tableOf(e.getKey());
      if (store.exists(table)) {
        RawTables.write(store, store.spark().createDataFrame(List.of(),
            RawTables.schema(e.getKey())), e.getKey(), e.getValue());
      }
    }
  }
}
