package vn.bantin.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.bantin.UserError;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * A table's current snapshot as plain files that Excel, DuckDB or pandas read without Delta:
 * {@code <out>/<layer>.<table>.csv} (one file, header, UTF-8) or {@code
 * <out>/<layer>.<table>/} (Parquet files). The rows are read through Delta, so a table that
 * was rewritten or merged gives its current rows only: the table's folder also holds the
 * files of earlier versions, and reading it as plain Parquet counts those rows again. A gold
 * table is exported as the last completed build published it, as every reader sees it.
 */
public final class TableExport {
  /** What was written: the file or folder, and its rows. */
  public record Exported(Table table, Path path, long rows) {}

  private final TableStore store;

  public TableExport(TableStore store) {
    this.store = store;
  }

  /**
   * The path an export of the table would write, refused when it exists: an export never
   * replaces an earlier one silently (it may be the copy someone is reading).
   */
  public static Path target(Table table, String format, Path out) {
    Path path = out.resolve(table.qualifiedName() + (format.equals("csv") ? ".csv" : ""));
    if (Files.exists(path)) {
      throw new UserError("Cannot export " + table.qualifiedName() + ": " + path
          + " exists; remove it or choose another --out");
    }
    return path;
  }

  /**
   * One CSV file. It starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 as
   * the machine's code page and garbles Vietnamese; pandas, DuckDB and Python's csv module
   * with {@code utf-8-sig} skip it. Nested values (arrays, maps) are JSON text. The rows
   * stream from Spark one partition at a time into a file beside the target, moved into place
   * when complete, so a reader never sees half an export.
   */
  public Exported csv(Table table, Path out) {
    Path target = target(table, "csv", out);
    Dataset<Row> rows = TextColumns.of(store.readPublished(table));
    long n = 0;
    try {
      Files.createDirectories(out);
      Path partial = Files.createTempFile(out, "." + table.qualifiedName(), ".csv.partial");
      try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        w.write('\uFEFF');
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(rows.columns()).get()
            .print(w);
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); n++) {
          Row r = it.next();
          Object[] values = new Object[r.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = r.isNullAt(i) ? null : r.getString(i);
          }
          printer.printRecord(values);
        }
        printer.flush();
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Exported(table, target, n);
  }

  /**
   * A folder of Parquet files written by Spark, types kept (dates, decimals, nested values).
   * Timestamps are written as INT64 microseconds, which DuckDB and pandas read as timestamps,
   * not Spark's default INT96, a legacy encoding other readers handle unevenly.
   */
  public Exported parquet(Table table, Path out) {
    Path target = target(table, "parquet", out);
    SparkSession spark = store.spark();
    String key = "spark.sql.parquet.outputTimestampType";
    String before = spark.conf().get(key);
    spark.conf().set(key, "TIMESTAMP_MICROS");
    try {
      store.readPublished(table).write().mode("errorifexists").parquet(target.toUri().toString());
    } finally {
      spark.conf().set(key, before);
    }
    long n = spark.read().parquet(target.toUri().toString()).count();
    return new Exported(table, target, n);
  }
}
