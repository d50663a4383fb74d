package vn.bantin.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent steps on separate driver threads, each submitting its own Spark jobs. Many
 * of a run's steps are small (a table of a few rows checked, a kind of extract with one small
 * file written): their time goes to the driver (planning, the Delta log, the commit), not to
 * tasks, so side by side they overlap where one after the other they add up (measured on
 * data-samples: see docs/benchmarks.md). Only for steps that write different tables, or none.
 */
public final class SideBySide {
  /** At most this many steps at once: the driver's own work is what overlaps. */
  private static final int THREADS = 4;

  private SideBySide() {}

  /**
   * {@code step} applied to every item, side by side; the results in the items' order. Every
   * step runs to its end before the first failure is rethrown, so none is still writing when
   * the caller handles it.
   */
  public static <T, R> List<R> each(List<T> items, Function<T, R> step) {
    if (items.size() <= 1) {
      return items.stream().map(step).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, items.size()));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> step.apply(item)));
      }
      List<R> out = new ArrayList<>();
      Throwable failed = null;
      for (Future<R> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          failed = failed == null ? e.getCause() : failed;
        }
      }
      if (failed instanceof RuntimeException r) {
        throw r;
      } else if (failed instanceof Error err) {
        throw err;
      } else if (failed != null) {
        throw new IllegalStateException(failed);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a step", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
