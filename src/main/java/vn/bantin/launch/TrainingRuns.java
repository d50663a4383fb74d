package vn.bantin.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import vn.bantin.Bantin;
import vn.bantin.extract.ExtractFile;
import vn.bantin.spark.Sessions;

/**
 * The training run of {@code bin/bantin}'s ahead-of-time cache on Java 25 and later
 * ({@code BANTIN_LAUNCH=archive}): a folder of extracts built the way an operator builds a
 * warehouse, in one JVM, so that the cache holds the classes and the method profiles of both
 * kinds of run. First every extract but those of the latest month (a first run: the whole
 * history into an empty warehouse), then all of them (a monthly run: one month merged into it);
 * a first run only when the extracts are of one month.
 *
 * <p>Why one JVM: Java records one process per cache, and a cache trained on a first run only
 * leaves a monthly run's own code (the merge of the month, the recomputed periods) to be
 * profiled from nothing (docs/benchmarks.md, session 26).
 *
 * <p>Arguments: the folder of extracts (data-samples/) and an empty working folder.
 */
public final class TrainingRuns {
  private TrainingRuns() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TrainingRuns <extracts folder> <empty working folder>");
      System.exit(Bantin.EXIT_USER_ERROR);
    }
    Path extracts = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Bantin.quietLocalLogging();
    List<Path> earlier = allButLatestMonth(extracts);
    Path history = Files.createDirectories(work.resolve("history"));
    for (Path file : earlier) {
      Files.copy(file, history.resolve(file.getFileName()));
    }
    String warehouse = work.resolve("warehouse").toString();
    int code = 0;
    // Extracts of a single month: a first run only.
    for (Path input : earlier.isEmpty() ? List.of(extracts) : List.of(history, extracts)) {
      code = Bantin.commandLine().execute("run", "--input", input.toString(),
          "--warehouse", warehouse);
      if (code != 0) {
        break;
      }
    }
    Sessions.stopIfStarted();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The extract files of the folder but those extracted in its latest month. */
  static List<Path> allButLatestMonth(Path extracts) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(extracts)) {
      files = listed.filter(Files::isRegularFile).sorted().toList();
    }
    YearMonth latest = files.stream().map(TrainingRuns::month).max(YearMonth::compareTo)
        .orElseThrow(() -> new IOException("no extract files in " + extracts));
    return files.stream().filter(f -> month(f).isBefore(latest)).toList();
  }

  private static YearMonth month(Path file) {
    return YearMonth.from(ExtractFile.of(file.toString(), file.getFileName().toString())
        .extractTime());
  }
}
