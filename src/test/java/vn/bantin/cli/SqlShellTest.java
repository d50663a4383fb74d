package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.UserError;

/** The prompt on a dumb terminal fed typed lines: statements, errors, history, Ctrl-D. */
class SqlShellTest {
  @TempDir
  Path tmp;

  @Test
  void statementsOverLinesRunOnceEachAndAnErrorDoesNotEndThePrompt() throws IOException {
    String typed = ".tables\nSELECT count(*)\n  FROM gold.bulletin;\nSELEC 1;\nSELECT 2;\n";
    List<String> ran = new ArrayList<>();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    // A dumb terminal over the streams, as JLine gives for piped input (TerminalBuilder's
    // stream terminal is a pty whose pump closes it at the end of input, unread lines and all).
    try (Terminal terminal = new DumbTerminal(
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen)) {
      new SqlShell(terminal, tmp.resolve("history"), (s, out) -> {
        ran.add(s);
        if (s.startsWith("SELEC ")) {
          throw new UserError("Cannot run the query: [PARSE_SYNTAX_ERROR] Syntax error");
        }
        out.println("result of " + s.replace('\n', ' '));
      }).loop();
    }
    assertEquals(List.of(".tables", "SELECT count(*)\n  FROM gold.bulletin", "SELEC 1",
        "SELECT 2"), ran);
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("bantin: Cannot run the query: [PARSE_SYNTAX_ERROR]"), shown);
    assertTrue(shown.contains("result of SELECT 2"), shown);
    assertTrue(Files.readString(tmp.resolve("history")).contains("FROM gold.bulletin;"));
  }
}
