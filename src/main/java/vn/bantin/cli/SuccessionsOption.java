package vn.bantin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.bantin.UserError;
import vn.bantin.gold.Successions;

/**
 * {@code --successions FILE}: the operator's predecessor → successor lines, a CSV file with the
 * header {@code predecessor_code,successor_code,effective_from} (the successor's first day,
 * {@code yyyy-MM-dd} or {@code yyyy-MM}); lines starting with {@code #} are comments. Absent,
 * the lines of the last build are kept; a file with the header only clears them.
 */
public final class SuccessionsOption {
  static final String HEADER = "predecessor_code,successor_code,effective_from";

  @Option(names = "--successions", paramLabel = "FILE",
      description = "Departments that continue others across a reorganisation, beside those the"
          + " extracts show (CSV: " + HEADER + "). Kept for later runs; a file with the header"
          + " only clears them.")
  Path file;

  /** The lines of the file, or null when none was given (keep the last build's). */
  public List<Successions.Declared> load() {
    return file == null ? null : parse(file);
  }

  static List<Successions.Declared> parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("Cannot read the successions file " + file + ": " + e.getMessage());
    }
    List<Successions.Declared> out = new ArrayList<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
          throw new UserError("Cannot read the successions file " + file + ": its first line"
              + " must be the header " + HEADER + ", not '" + line + "'");
        }
        header = true;
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
        throw new UserError("Cannot read line " + (i + 1) + " of the successions file " + file
            + ": expected " + HEADER + ", got '" + line + "'");
      }
      if (f[0].strip().equals(f[1].strip())) {
        throw new UserError("Cannot read line " + (i + 1) + " of the successions file " + file
            + ": " + f[0].strip() + " cannot succeed itself");
      }
      out.add(new Successions.Declared(f[0].strip(), f[1].strip(), date(f[2].strip(), file,
          i + 1)));
    }
    if (!header) {
      throw new UserError("Cannot read the successions file " + file + ": it is empty; give at"
          + " least the header " + HEADER);
    }
    return List.copyOf(out);
  }

  private static LocalDate date(String text, Path file, int line) {
    try {
      return text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserError("Cannot read line " + line + " of the successions file " + file
          + ": effective_from '" + text + "' is not a date (yyyy-MM-dd or yyyy-MM)");
    }
  }
}
