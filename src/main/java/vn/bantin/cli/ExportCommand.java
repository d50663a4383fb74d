package vn.bantin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.bantin.UserError;
import vn.bantin.query.NamedTables;
import vn.bantin.query.TableExport;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.spark.Sessions;

/** {@code bantin export}: one table's current rows as plain CSV or Parquet files. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes a table's current rows as plain files that Excel, DuckDB or pandas"
        + " read: OUT/<table>.csv (one file, header, UTF-8) or OUT/<table>/ (Parquet files)."
        + " Read through Delta, so a table rewritten or merged gives its current rows only."})
public final class ExportCommand implements Callable<Integer> {
  @Mixin
  WarehouseOption warehouse;

  @Option(names = "--table", paramLabel = "NAME", required = true,
      description = "The table by its name, e.g. gold.bulletin or cleaned.quarantine.")
  String table;

  @Option(names = "--format", paramLabel = "FORMAT", required = true,
      description = "csv or parquet.")
  String format;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The folder to write into (created if absent).")
  Path out;

  @Mixin
  RawAccessOption raw;

  @Override
  public Integer call() {
    // Every argument is checked before Spark starts.
    Table t = NamedTables.byName(table).orElseThrow(() -> new UserError("Cannot export "
        + table + ": no such table; the tables are " + NamedTables.allNames()));
    if (t.layer() == Layer.RAW && !raw.included()) {
      throw new UserError("Cannot export " + t.qualifiedName() + ": "
          + NamedTables.rawRefusal(t.qualifiedName()));
    }
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new UserError("Cannot export " + t.qualifiedName() + ": format '" + format
          + "' is not csv or parquet");
    }
    Path folder = out.toAbsolutePath().normalize();
    TableExport.target(t, format, folder);
    TableStore store = new TableStore(Sessions.getOrCreate("bantin-export"),
        warehouse.resolve());
    if (!store.exists(t)) {
      throw new UserError("Cannot export " + t.qualifiedName() + ": the warehouse "
          + store.warehouse().root() + " has no such table yet");
    }
    TableExport export = new TableExport(store);
    TableExport.Exported done = format.equals("csv") ? export.csv(t, folder)
        : export.parquet(t, folder);
    System.out.println("exported " + t.qualifiedName() + " (version " + store.version(t)
        + "): " + done.rows() + " rows to " + done.path());
    return 0;
  }
}
