package vn.bantin.pipeline;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import vn.bantin.registry.Warehouse;

/**
 * A second process for {@link WriterLockCliTest}: takes the lock of the warehouse given as
 * argument, prints "held", and holds it until its standard input closes (or it is killed).
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (WarehouseLock lock = WarehouseLock.acquire(new Warehouse(args[0]), args[1],
        new Configuration(), Duration.ofSeconds(1), WarehouseLock.STALE_AFTER)) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our input
      }
    }
  }
}
