package vn.bantin.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.bantin.UserError;
import vn.bantin.pipeline.Vacuum;
import vn.bantin.pipeline.WarehouseLock;
import vn.bantin.registry.TableStore;
import vn.bantin.spark.Sessions;
import vn.bantin.store.KernelTables;

/** {@code bantin vacuum}: deletes the files no kept version of any table needs. */
@Command(name = "vacuum", mixinStandardHelpOptions = true,
    description = {"Deletes the data files no table needs any more (replaced by later runs"
        + " longer ago than the table's retention, 7 days, or left by a killed run), keeping"
        + " every version readers and published bulletins (bulletin --publish) are read from:"
        + " the tables bulletins are read from keep replaced files ten years. Run it after the"
        + " monthly run; it takes the warehouse's writer lock."})
public final class VacuumCommand implements Callable<Integer> {
  @Mixin
  WarehouseOption warehouse;

  @Override
  public Integer call() {
    var wh = warehouse.resolve();
    TableStore store = new TableStore(Sessions.getOrCreate("bantin-vacuum"), wh);
    if (!store.warehouseExists()) {
      throw new UserError("Cannot vacuum " + wh.root() + ": no such warehouse");
    }
    try (WarehouseLock lock = WarehouseLock.acquire(wh, "vacuum-"
        + java.util.UUID.randomUUID().toString().substring(0, 8))) {
      KernelTables kernel = new KernelTables(store.spark().sparkContext().hadoopConfiguration());
      long total = 0;
      for (Vacuum.Vacuumed v : Vacuum.all(store, kernel, Instant.now())) {
        total += v.filesDeleted();
        String kept = v.keptHours().map(h -> "; its kept versions hold files " + h + " h old")
            .orElse("");
        System.out.println(v.table().qualifiedName() + ": " + (v.vacuumed()
            ? v.filesDeleted() + " files deleted, retention " + v.retentionHours() + " h" + kept
            : "left whole: its kept versions hold files " + v.keptHours().orElseThrow()
                + " h old, beyond its retention of " + v.retentionHours() + " h")
            + String.format(Locale.ROOT, " [%.1f s]", v.seconds()));
      }
      System.out.println("vacuum: " + total + " files deleted in " + wh.root());
    }
    return 0;
  }
}
