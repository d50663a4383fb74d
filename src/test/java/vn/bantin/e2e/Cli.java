package vn.bantin.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import vn.bantin.Bantin;
import vn.bantin.SparkTestSession;

/** Runs bantin's command line in this JVM (on the shared Spark session) and keeps its output. */
final class Cli {
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    SparkTestSession.get(); // the commands then reuse this session
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cl = Bantin.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }
}
