package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import vn.bantin.UserError;
import vn.bantin.query.StatementBuffer;

/**
 * The interactive prompt of {@code bantin sql}: line editing and a history kept across
 * sessions (JLine), statements ending with {@code ;}, {@code .tables} to list the names, Ctrl-C
 * to drop the statement being typed, Ctrl-D to leave. A statement that fails prints its one
 * line and the prompt goes on.
 */
final class SqlShell {
  private final Terminal terminal;
  private final Path history;
  private final BiConsumer<String, PrintWriter> run;

  /** {@code run} executes one statement and prints its result to the writer. */
  SqlShell(Terminal terminal, Path history, BiConsumer<String, PrintWriter> run) {
    this.terminal = terminal;
    this.history = history;
    this.run = run;
  }

  void loop() {
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("bantin")
        .variable(LineReader.HISTORY_FILE, history)
        .option(LineReader.Option.HISTORY_INCREMENTAL, true)
        // An indented continuation line (  FROM …) is kept too; JLine drops lines that start
        // with a space by default, as shells do.
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
        .build();
    PrintWriter out = terminal.writer();
    out.println("Tables by name (.tables lists them); end a statement with ; and leave with"
        + " Ctrl-D.");
    out.flush();
    StatementBuffer buffer = new StatementBuffer();
    while (true) {
      String line;
      try {
        line = reader.readLine(buffer.isOpen() ? "     -> " : "bantin> ");
      } catch (UserInterruptException e) {
        buffer.clear();
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      for (String statement : buffer.add(line)) {
        try {
          run.accept(statement, out);
        } catch (UserError e) {
          out.println("bantin: " + e.getMessage());
        }
        out.flush();
      }
    }
    try {
      reader.getHistory().save();
    } catch (java.io.IOException e) {
      out.println("bantin: Cannot save the history to " + history + ": " + e.getMessage());
    }
    out.flush();
  }
}
