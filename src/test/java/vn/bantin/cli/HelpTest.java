package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} of every command: usage on standard output, exit code 0, nothing on stderr. */
class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"run", "ingest", "bulletin", "report", "sql", "export", "vacuum",
      "generate"})
  void everyCommandPrintsItsUsage(String command) {
    Cli.Run run = Cli.bantin(command, "--help");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Usage: bantin " + command + " "), run.out());
    assertTrue(run.out().contains("-h, --help"), run.out());
    assertEquals("", run.err());

    Cli.Run viaHelp = Cli.bantin("help", command);
    assertEquals(0, viaHelp.code(), viaHelp.err());
    assertEquals(run.out(), viaHelp.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void theTopLevelHelpListsTheCommands(String option) {
    Cli.Run run = Cli.bantin(option);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Usage: bantin "), run.out());
    for (String command : new String[] {"run", "ingest", "bulletin", "report", "sql", "export", "vacuum",
        "generate"}) {
      assertTrue(run.out().contains("\n  " + command + " "), command + " in " + run.out());
    }
  }
}
