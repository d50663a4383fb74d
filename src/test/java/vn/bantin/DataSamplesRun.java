package vn.bantin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.bantin.cli.Cli;

/**
 * One uninterrupted {@code run} over every file of {@code data-samples/}, made once per test
 * JVM and shared by every test that reads its warehouse or compares another against it (a run
 * costs minutes of the suite). Shared: a test reads this warehouse and never writes it.
 *
 * @param warehouse where the run wrote
 * @param run what it printed
 */
public record DataSamplesRun(Path warehouse, Cli.Run run) {
  private static DataSamplesRun made;

  public static synchronized DataSamplesRun get() {
    if (made == null) {
      try {
        Path dir = Files.createTempDirectory("bantin-data-samples-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path wh = dir.resolve("warehouse");
        Cli.Run run = Cli.bantin("run", "--input", "data-samples", "--warehouse", wh.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        made = new DataSamplesRun(wh, run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return made;
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left in the temporary folder: nothing depends on it.
    }
  }
}
