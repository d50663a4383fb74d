package vn.bantin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.bantin.registry.Warehouse;

/** The {@code --warehouse} option every command that reads or writes tables shares. */
public final class WarehouseOption {
  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
      description = "Where the tables live: a folder, or a URI Hadoop reads (hdfs://, s3a://)."
          + " Default: ${DEFAULT-VALUE}")
  String warehouse;

  /** The warehouse; a local folder is made absolute so Delta paths work from any directory. */
  public Warehouse resolve() {
    if (warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return new Warehouse(warehouse);
    }
    return new Warehouse(Path.of(warehouse).toAbsolutePath().normalize().toString());
  }
}
