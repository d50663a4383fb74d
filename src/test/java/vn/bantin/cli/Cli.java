package vn.bantin.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import vn.bantin.Bantin;
import vn.bantin.SparkTestSession;

/**
 * Runs the bantin command line in-process, on the shared test Spark session, and captures what
 * it prints.
 */
public final class Cli {
  private Cli() {}

  /**
   * Exit code, standard output (picocli's and System.out), standard error and, apart, the
   * progress lines that a terminal shows among standard error's ({@code [ 1.2 s] raw: …}).
   */
  public record Run(int code, String out, String err, String progress) {
    public List<String> errLines() {
      return err.lines().toList();
    }
  }

  public static synchronized Run bantin(String... args) {
    SparkTestSession.get(); // the commands then reuse this session and its settings
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    vn.bantin.pipeline.Progress.printTo(new PrintStream(progress, true, StandardCharsets.UTF_8));
    int code;
    try {
      // Made after the swap: a command line made before it printed usage to the old stream.
      CommandLine cl = Bantin.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      code = cl.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      vn.bantin.pipeline.Progress.printTo(null);
    }
    // Log lines of Spark (configured before the swap) go to the real stderr, not here.
    return new Run(code, out + systemOut.toString(StandardCharsets.UTF_8),
        err + systemErr.toString(StandardCharsets.UTF_8),
        progress.toString(StandardCharsets.UTF_8));
  }
}
