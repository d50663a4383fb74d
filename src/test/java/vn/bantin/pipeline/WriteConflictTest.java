package vn.bantin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.ProtocolChangedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.bantin.Bantin;

/** A Delta conflict that reaches the user is one "Cannot write" line with advice. */
class WriteConflictTest {

  @Test
  void aConflictNamingItsTableNamesItByItsQualifiedName() {
    var e = new ConcurrentAppendException("DELTA_CONCURRENT_APPEND.WITHOUT_HINT",
        "Transaction conflict detected. {\"json\": 1}",
        new String[] {"WRITE", "delta.`file:/x/wh/cleaned/dossiers`", "7", "https://docs"});
    String m = WriteConflict.message(e);
    assertTrue(m.startsWith("Cannot write the warehouse /x/wh: another process changed table"
        + " cleaned.dossiers at the same time (ConcurrentAppendException"), m);
    assertTrue(m.contains("run the same command again"), m);
  }

  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      // As Spark hands it over: wrapped.
      throw new IllegalStateException("job aborted", new ProtocolChangedException(
          "ProtocolChangedException: The protocol version of the Delta table has been changed"
              + " by a concurrent update. {\"commitInfo\":{\"timestamp\":1}}"));
    }
  }

  @Test
  void throughTheCommandLineItIsOneLineAndExitCode2() {
    CommandLine cl = Bantin.commandLine();
    cl.addSubcommand("boom", new Boom());
    java.io.StringWriter err = new java.io.StringWriter();
    cl.setErr(new java.io.PrintWriter(err, true));
    assertEquals(2, cl.execute("boom"));
    var lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("bantin: Cannot write the warehouse: another process"
        + " changed one of its tables at the same time (ProtocolChangedException"), lines.get(0));
    assertTrue(!lines.get(0).contains("commitInfo"), lines.get(0));
  }
}
