package vn.bantin.pipeline;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.bantin.Bantin;
import vn.bantin.UserError;
import vn.bantin.bulletin.Publishers;
import vn.bantin.cleaned.CleanedBuild;
import vn.bantin.cleaned.QuarantineColumns;
import vn.bantin.gold.GoldBuild;
import vn.bantin.raw.IngestedFiles;
import vn.bantin.raw.RawIngest;
import vn.bantin.raw.WholeFileProblem;
import vn.bantin.query.BulletinQuery;
import vn.bantin.query.KernelTableRows;
import vn.bantin.registry.QualityChecks;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;
import vn.bantin.spark.Evaluation;
import vn.bantin.spark.Sessions;

/**
 * The job's steps on one warehouse and one Spark session: ingest (raw, then cleaned and the
 * quarantine), gold, and the bulletin queries. Each step returns a report the CLI prints.
 * A pipeline {@link #start started} for a run holds the warehouse's {@link WarehouseLock} until
 * it is closed.
 */
public final class Pipeline implements AutoCloseable {
  private final Warehouse warehouse;
  private final SparkSession spark;
  private final TableStore store;
  private final String runId;
  private final WarehouseLock lock;

  private Pipeline(Warehouse warehouse, SparkSession spark, String runId, WarehouseLock lock) {
    this.warehouse = warehouse;
    this.spark = spark;
    this.store = new TableStore(spark, warehouse);
    this.runId = runId;
    this.lock = lock;
  }

  private static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
        .format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A run that writes the warehouse: takes its lock first (a second run stops here, before
   * Spark starts), then the Spark session. Close it to release the lock.
   */
  public static Pipeline start(Warehouse warehouse) {
    String runId = newRunId();
    WarehouseLock lock = WarehouseLock.acquire(warehouse, runId);
    try {
      return new Pipeline(warehouse, Sessions.getOrCreate("bantin"), runId, lock);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /** For tests: a pipeline on a given session, without the lock. */
  public static Pipeline on(SparkSession spark, Warehouse warehouse) {
    return new Pipeline(warehouse, spark, newRunId(), null);
  }

  /** Releases the warehouse's lock, if this pipeline holds it. */
  @Override
  public void close() {
    if (lock != null) {
      lock.close();
    }
  }

  /** Fails before Spark starts when a local input folder is missing. */
  public static void checkInputFolder(String input) {
    if (input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return; // a remote folder is checked when it is listed
    }
    Path p = Path.of(input);
    if (!Files.exists(p)) {
      throw new UserError("Cannot ingest " + input + ": no such folder");
    }
    if (!Files.isDirectory(p)) {
      throw new UserError("Cannot ingest " + input + ": it is a file, not a folder");
    }
  }

  /** What ingest did, per file of this run's input, and in total over the warehouse. */
  public record Report(String input, Warehouse warehouse, RawIngest.Result raw,
      CleanedBuild.Result cleaned, Map<String, Long> quarantineByReason,
      Map<String, Long> cleanedRows, List<String> notReconciled, double seconds) {

    /** The files refused in this run, by the raw step or the cleaned step, in name order. */
    public List<WholeFileProblem> refused() {
      List<WholeFileProblem> out = new java.util.ArrayList<>(raw.refused());
      out.addAll(cleaned.refused());
      out.sort(java.util.Comparator.comparing(WholeFileProblem::fileName));
      return out;
    }

    public int exitCode() {
      if (!notReconciled.isEmpty()) {
        return Bantin.EXIT_NOT_RECONCILED;
      }
      return refused().isEmpty() ? 0 : Bantin.EXIT_REFUSED_FILE;
    }

    public Report print(PrintStream out) {
      Map<String, String> acceptedEmpty = new java.util.HashMap<>();
      raw.acceptedEmpty().forEach(p -> acceptedEmpty.put(p.fileName(), p.detail()));
      out.printf(Locale.ROOT, "Ingest %s → %s (%.1f s)%n", input, warehouse.root(), seconds);
      List<WholeFileProblem> refused = refused();
      out.printf(Locale.ROOT, "  %d file(s) read now, %d already ingested%s%n",
          raw.ingested().size() + raw.refused().size(), raw.alreadyIngested().size(),
          refused.isEmpty() ? "" : ", " + refused.size() + " refused");
      Set<String> thisInput = new java.util.HashSet<>(raw.ingested());
      thisInput.addAll(raw.alreadyIngested());
      out.printf(Locale.ROOT, "  %-36s %10s %10s %12s%n", "file", "read", "loaded",
          "quarantined");
      for (CleanedBuild.FileCounts f : cleaned.files()) {
        if (thisInput.contains(f.fileName())) {
          out.printf(Locale.ROOT, "  %-36s %10d %10d %12d%s%n", f.fileName(), f.read(),
              f.loaded(), f.quarantined(),
              raw.alreadyIngested().contains(f.fileName()) ? "  (ingested before)"
                  : acceptedEmpty.containsKey(f.fileName()) ? "  (" + acceptedEmpty.get(
                      f.fileName()) + "; accepted with --accept-empty)" : "");
        }
      }
      for (WholeFileProblem p : refused) {
        boolean counted = p.problem() == WholeFileProblem.Problem.ALL_QUARANTINED;
        out.printf(Locale.ROOT, "  %-36s %10d %10s %12s  REFUSED: %s%n", p.fileName(),
            p.records(), counted ? "0" : "-", counted ? String.valueOf(p.records()) : "-",
            p.detail());
      }
      out.printf(Locale.ROOT, "  %-36s %10d %10d %12d%n", "all files in the warehouse",
          cleaned.read(), cleaned.loaded(), cleaned.quarantined());
      if (notReconciled.isEmpty()) {
        out.println("  every record is loaded or quarantined: read = loaded + quarantined");
      } else {
        out.println("  NOT RECONCILED — records were lost; this run does not report success:");
        notReconciled.forEach(n -> out.println("    " + n));
      }
      if (!refused.isEmpty()) {
        out.println("  REFUSED " + refused.size() + " file(s): not registered as ingested and"
            + " none of their rows kept, so a corrected export under the same name is read by"
            + " the next run; this run does not report success (exit code "
            + Bantin.EXIT_REFUSED_FILE + ")");
        for (WholeFileProblem.Problem kind : WholeFileProblem.Problem.values()) {
          List<String> names = refused.stream().filter(p -> p.problem() == kind)
              .map(WholeFileProblem::fileName).toList();
          if (names.isEmpty()) {
            continue;
          }
          out.println("    " + String.join(", ", names) + ": " + kind.advice(names.size()));
        }
      }
      if (!cleaned.rawChecks().isEmpty()) {
        printChecks(out, "data-quality checks of the new files' raw rows", cleaned.rawChecks());
      }
      if (!quarantineByReason.isEmpty()) {
        out.println("  quarantined by reason: " + quarantineByReason.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
            + "  (table " + Table.QUARANTINE.qualifiedName() + ")");
      }
      out.println("  cleaned: " + cleanedRows.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")));
      return this;
    }
  }

  /** One summary line of the checks run ({@code what: N run, N passed, N warning(s)}), then
   * each warning. */
  static void printChecks(PrintStream out, String what, List<QualityChecks.Outcome> outcomes) {
    List<QualityChecks.Outcome> warnings = outcomes.stream()
        .filter(QualityChecks.Outcome::isWarning).toList();
    out.printf(Locale.ROOT, "  %s: %d run, %d passed, %d warning(s) (table %s)%n", what,
        outcomes.size(), outcomes.stream().filter(QualityChecks.Outcome::passed).count(),
        warnings.size(), Table.GOLD_CHECKS.qualifiedName());
    warnings.forEach(w -> out.println("    warning: " + w.line()));
  }

  public Report ingest(String input) {
    return ingest(input, WholeFileProblem.Accept.NONE);
  }

  /**
   * Ingests the new files of a folder. A file with a whole-file problem the operator did not
   * {@code accept} (no records, every record quarantined; not UTF-8 always) is refused: the
   * report lists it and exits non-zero, and the warehouse keeps nothing of it.
   */
  public Report ingest(String input, WholeFileProblem.Accept accept) {
    try (Evaluation evaluation = evaluationFor(bytesUnder(input) + bytesUnder(
        warehouse.root()))) {
      return ingestWith(input, accept);
    }
  }

  private Report ingestWith(String input, WholeFileProblem.Accept accept) {
    long start = System.nanoTime();
    Progress.phase("raw: read extracts of " + input);
    RawIngest.Result raw = RawIngest.ingest(store, input, runId, accept);
    Progress.done(raw.records(), "records");
    CleanedBuild.Result cleaned = CleanedBuild.build(store, runId, accept.quarantined());
    // Known only once cleaned: files whose every record is quarantined leave the raw layer.
    RawIngest.unregister(store, cleaned.refused());
    List<String> notReconciled = reconcile(cleaned.files(), IngestedFiles.read(store));
    // The summary's tallies from the tables' logs and one column of the quarantine, through
    // Delta Kernel: as Spark queries they were the only jobs of a run with nothing new, and
    // the first of a run pays Spark's warm-up (about 10 s of a 15 s run).
    Map<String, Long> byReason = new java.util.TreeMap<>();
    store.countsBy(Table.QUARANTINE, QuarantineColumns.REASON)
        .forEach((reason, n) -> byReason.put((String) reason, n));
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    for (Table t : List.of(Table.CLEANED_DOSSIERS, Table.CLEANED_SUPPLEMENTS,
        Table.CLEANED_BALLOTS, Table.CLEANED_PROCEDURE_VERSIONS,
        Table.CLEANED_AGENCY_VERSIONS)) {
      rows.put(t.tableName().replace('_', ' '), store.rowCount(t));
    }
    return new Report(input, warehouse, raw, cleaned, byReason, rows, notReconciled,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The files whose records do not add up: read ≠ loaded + quarantined, or the raw table holds
   * another number of records than the reader counted when it read the file.
   */
  static List<String> reconcile(List<CleanedBuild.FileCounts> files,
      Map<String, IngestedFiles.Entry> logged) {
    List<String> notReconciled = new java.util.ArrayList<>();
    for (CleanedBuild.FileCounts f : files) {
      IngestedFiles.Entry entry = logged.get(f.fileName());
      if (!f.reconciles()) {
        notReconciled.add(f.fileName() + ": read " + f.read() + " ≠ loaded " + f.loaded()
            + " + quarantined " + f.quarantined());
      } else if (entry == null || entry.records() != f.read()) {
        notReconciled.add(f.fileName() + ": the reader counted "
            + (entry == null ? "no" : String.valueOf(entry.records()))
            + " records but the raw table holds " + f.read());
      }
    }
    return notReconciled;
  }

  /** What the gold step built. */
  public record GoldReport(GoldBuild.Result result, Warehouse warehouse, double seconds) {
    public GoldReport print(PrintStream out) {
      if (result.upToDate()) {
        out.printf(Locale.ROOT, "Gold: up to date, the cleaned tables did not change since the"
            + " last build; nothing written (%.1f s)%n", seconds);
        return this;
      }
      out.printf(Locale.ROOT, "Gold: %d publisher(s) · %d months · %d quarters · %d years"
              + " (%.1f s)%n", result.publishers(), result.months(), result.quarters(),
          result.years(), seconds);
      out.printf(Locale.ROOT, "  recomputed: %s; %d department/sector/procedure rows%n",
          result.recomputedFrom().isEmpty() ? "every period (a build from scratch)"
              : "the periods ending in or after " + result.recomputedFrom().entrySet().stream()
                  .sorted(Map.Entry.comparingByKey())
                  .map(e -> YearMonth.from(e.getValue()) + " (" + e.getKey() + ")")
                  .collect(Collectors.joining(", ")),
          result.unitRows());
      out.printf(Locale.ROOT, "  identities of metrics.md: %d checks, all hold%n",
          result.identityChecks());
      printChecks(out, "data-quality checks", result.checks());
      if (result.receivedWithoutProcedureVersion() > 0) {
        out.printf(Locale.ROOT, "  %d dossier(s) had no catalogue version of their procedure"
                + " valid on acceptance (counted everywhere but online level and 5 tại chỗ)%n",
            result.receivedWithoutProcedureVersion());
      }
      out.println("  tables: " + result.tablesWritten().stream()
          .map(t -> t.qualifiedName() + " (" + warehouse.location(t) + ")")
          .collect(Collectors.joining(", ")));
      return this;
    }
  }

  public GoldReport gold(Publishers publishers) {
    return gold(publishers, null);
  }

  /**
   * Brings gold up to date; {@code successions}: the operator's predecessor → successor lines
   * (null keeps the last build's).
   */
  public GoldReport gold(Publishers publishers,
      java.util.List<vn.bantin.gold.Successions.Declared> successions) {
    long start = System.nanoTime();
    try (Evaluation evaluation = evaluationFor(bytesUnder(warehouse.root()))) {
      GoldBuild.Result result = GoldBuild.build(store, publishers, successions, runId);
      return new GoldReport(result, warehouse, (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Interpreted evaluation for a step over at most {@link Evaluation#SMALL_BYTES} (the input
   * and the warehouse), said in a progress line; Spark's compiled code otherwise.
   */
  private Evaluation evaluationFor(long bytes) {
    Evaluation evaluation = Evaluation.interpretedIfSmall(spark, bytes);
    if (evaluation.isInterpreted()) {
      Progress.note(String.format(Locale.ROOT, "a small input (%.1f MB with the warehouse):"
          + " Spark interprets expressions rather than compile them", bytes / 1e6));
    }
    return evaluation;
  }

  /** The bytes of the files under a location, 0 when there is nothing there yet. */
  private long bytesUnder(String location) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
      org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(
          spark.sparkContext().hadoopConfiguration());
      return fs.exists(path) ? fs.getContentSummary(path).getLength() : 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot measure " + location, e);
    }
  }

  public BulletinQuery bulletins(Publishers publishers) {
    return new BulletinQuery(
        new KernelTableRows(warehouse, spark.sparkContext().hadoopConfiguration()), warehouse,
        publishers);
  }
}
