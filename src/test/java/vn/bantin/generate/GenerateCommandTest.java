package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: bad values give one line and a non-zero exit; a non-empty dir is kept. */
class GenerateCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static void oneLineError(Run r, String expected) {
    assertTrue(r.code() != 0, r.toString());
    String msg = r.err().strip();
    assertEquals(1, msg.lines().count(), msg);
    assertTrue(msg.contains(expected), msg);
    assertFalse(msg.contains("Exception"), msg);
  }

  @Test
  void badValues(@TempDir Path dir) {
    String out = dir.resolve("o").toString();
    oneLineError(run("--out", out, "--volume", "abc"), "--volume must be a number");
    oneLineError(run("--out", out, "--volume", "-1"), "--volume must be > 0");
    oneLineError(run("--out", out, "--seed", "x1"), "--seed must be a whole number");
    oneLineError(run("--out", out, "--from", "2021-13"), "--from must be a month");
    oneLineError(run("--out", out, "--from", "2021-05", "--to", "2021-02"), "is after --to");
    oneLineError(run("--out", out, "--from", "2018-01"), "months must lie within");
    oneLineError(run("--out", out, "--calibrate", dir.resolve("none.json").toString()),
        "no such file");
    oneLineError(run(), "--out DIR is required");
  }

  @Test
  void writesAndRefusesANonEmptyDirectoryWithoutForce(@TempDir Path dir) throws IOException {
    String out = dir.toString();
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    oneLineError(run("--out", out, "--to", "2021-01", "--volume", "0.05"), "is not empty");
    Run r = run("--out", out, "--to", "2021-01", "--volume", "0.05", "--force");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("hoso_20210201013000.jsonl.gz"), r.out());
    assertTrue(Files.exists(dir.resolve("notes.txt")), "--force replaces extracts only");
  }
}
