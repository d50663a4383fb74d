package vn.bantin.cli;

import picocli.CommandLine.Option;
import vn.bantin.registry.Warehouse;

/** The {@code --warehouse} option every command that reads or writes tables shares. */
public final class WarehouseOption {
  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
      description = "Where the tables live: a folder, or a URI Hadoop reads (hdfs://, s3a://)."
          + " Default: ${DEFAULT-VALUE}")
  String warehouse;

  /**
   * The warehouse; a local folder is made absolute so Delta paths work from any directory (and
   * a {@code file://} URI under a cluster's non-local default filesystem, see {@link Location}).
   */
  public Warehouse resolve() {
    return new Warehouse(Location.resolve(warehouse));
  }
}
