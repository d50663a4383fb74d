package vn.bantin.query;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import vn.bantin.UserError;

/**
 * How {@code bantin sql} prints a result: an aligned table for reading, CSV (RFC 4180, with a
 * header) or JSON Lines (one object per row, nulls kept) for other programs. CSV and JSON
 * stream every row; the table shows the first {@link #TABLE_ROWS}, since a terminal cannot
 * show more usefully, and says so when there were more.
 */
public enum ResultFormat {
  TABLE, CSV, JSON;

  /** Rows the table format prints at most. */
  public static final int TABLE_ROWS = 1000;

  public static ResultFormat parse(String text) {
    return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> new UserError("Cannot run the query: format '" + text
            + "' is not one of table, csv, json"));
  }

  /** Writes the rows; returns how many were written. */
  public long write(Dataset<Row> rows, PrintWriter out) {
    return switch (this) {
      case TABLE -> table(rows, out);
      case CSV -> csv(rows, out);
      case JSON -> json(rows, out);
    };
  }

  private static long table(Dataset<Row> rows, PrintWriter out) {
    List<Row> first = TextColumns.of(rows).limit(TABLE_ROWS + 1).collectAsList();
    List<String> header = Arrays.asList(rows.columns());
    List<Boolean> numeric = Arrays.stream(rows.schema().fields())
        .map(f -> f.dataType() instanceof NumericType).toList();
    List<List<String>> cells = new ArrayList<>();
    for (Row r : first.subList(0, Math.min(first.size(), TABLE_ROWS))) {
      cells.add(strings(r));
    }
    out.print(AlignedTable.render(header, numeric, cells));
    out.println(first.size() > TABLE_ROWS
        ? "(the first " + TABLE_ROWS + " rows; --format csv or json prints them all)"
        : "(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    out.flush();
    return cells.size();
  }

  private static long csv(Dataset<Row> rows, PrintWriter out) {
    long n = 0;
    try {
      CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(rows.columns()).get()
          .print(out);
      for (Iterator<Row> it = TextColumns.of(rows).toLocalIterator(); it.hasNext(); n++) {
        printer.printRecord(strings(it.next()));
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static long json(Dataset<Row> rows, PrintWriter out) {
    StructField[] fields = rows.schema().fields();
    String[] positional = new String[fields.length];
    Column[] named = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      positional[i] = "_c" + i;
      named[i] = functions.col(positional[i]).as(fields[i].name());
    }
    // A row as one object, NULL as null rather than a missing key, so every line has every
    // column.
    Dataset<Row> lines = rows.toDF(positional).select(functions.to_json(functions.struct(named),
        Map.of("ignoreNullFields", "false")));
    long n = 0;
    for (Iterator<Row> it = lines.toLocalIterator(); it.hasNext(); n++) {
      out.println(it.next().getString(0));
    }
    out.flush();
    return n;
  }

  private static List<String> strings(Row r) {
    List<String> values = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      values.add(r.isNullAt(i) ? null : r.getString(i));
    }
    return values;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
