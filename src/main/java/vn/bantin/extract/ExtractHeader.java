package vn.bantin.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The header row of a CSV or XLSX extract: the field name of each column, exactly as written
 * (case and spaces kept). A blank header cell leaves its column unnamed: tolerated, since
 * exports often end rows with a stray separator, but a value in such a column has no field to
 * go to and makes its record malformed.
 *
 * <p>The header must name the kind's key field, and no field twice (one record would hold two
 * values for it); otherwise the whole file is unreadable.
 */
final class ExtractHeader {
  private final List<String> names;
  private final IntFunction<String> columnLabel;

  private ExtractHeader(List<String> names, IntFunction<String> columnLabel) {
    this.names = names;
    this.columnLabel = columnLabel;
  }

  /**
   * @param cells the header's cells in column order; null or empty for an unnamed column
   * @param columnLabel how a user finds a 0-based column: {@code 3} in CSV, {@code C} in Excel
   */
  static ExtractHeader of(ExtractFile file, List<String> cells, IntFunction<String> columnLabel) {
    List<String> names = new ArrayList<>(cells.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i);
      if (name == null || name.isEmpty()) {
        names.add(null);
        continue;
      }
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw new BadExtractException(file.fileName(), "the header names the field '" + name
            + "' twice (columns " + columnLabel.apply(before) + " and " + columnLabel.apply(i)
            + ")");
      }
      names.add(name);
    }
    String key = file.kind().keyField();
    if (!seen.containsKey(key)) {
      throw new BadExtractException(file.fileName(),
          "the header row has no " + key + " column (a " + file.kind().prefix()
              + " extract must have one)");
    }
    return new ExtractHeader(Collections.unmodifiableList(names), columnLabel);
  }

  int width() {
    return names.size();
  }

  /** The field name of a 0-based column, or null when the column is unnamed or beyond. */
  String name(int column) {
    return column < names.size() ? names.get(column) : null;
  }

  /** Why a value in this column (which has no name) makes its record malformed. */
  String unnamedColumnProblem(int column) {
    return "a value in column " + columnLabel.apply(column)
        + ", which has no name in the header row";
  }
}
