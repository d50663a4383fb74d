package vn.bantin.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines typed at the SQL prompt gathered into statements: a statement ends with {@code ;} at
 * the end of a line (so a query may span lines), and a dot command such as {@code .tables}
 * is one on its own. A {@code ;} inside a quoted string or identifier does not end anything.
 */
public final class StatementBuffer {
  private final StringBuilder pending = new StringBuilder();

  /** Adds a line; returns the statements it completed (none while one is still open). */
  public List<String> add(String line) {
    List<String> done = new ArrayList<>();
    if (pending.isEmpty() && line.strip().startsWith(".")) {
      done.add(line.strip());
      return done;
    }
    pending.append(pending.isEmpty() ? "" : "\n").append(line);
    char quote = 0;
    int start = 0;
    for (int i = 0; i < pending.length(); i++) {
      char c = pending.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        String statement = pending.substring(start, i).strip();
        if (!statement.isEmpty()) {
          done.add(statement);
        }
        start = i + 1;
      }
    }
    String rest = pending.substring(start);
    pending.setLength(0);
    if (!rest.isBlank()) {
      pending.append(rest.strip());
    }
    return done;
  }

  /** Whether a statement is still open (the prompt then says so). */
  public boolean isOpen() {
    return !pending.isEmpty();
  }

  /** Forgets an open statement (Ctrl-C at the prompt). */
  public void clear() {
    pending.setLength(0);
  }
}
