package vn.bantin.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.store.KernelTables;
import vn.bantin.store.Publication;
import vn.bantin.store.PublishedGold;

/**
 * {@code bantin vacuum}: deletes the data files no table needs any more (files replaced by
 * later commits longer ago than the table's retention, files a killed run left), with Delta's
 * VACUUM. Every version a reader may still ask for stays readable: the gold versions the last
 * build published and the versions every published bulletin was read from
 * ({@code gold.publications}). The tables bulletins are read from keep replaced files ten years
 * ({@link Table#PUBLISHED_FILE_RETENTION}); a table whose kept versions hold a file older than
 * its retention allows (a table created by an earlier bantin, a publication over ten years old)
 * is left whole, and said so.
 */
public final class Vacuum {
  private Vacuum() {}

  /**
   * One table: the files deleted, its retention, and the age of the oldest file its kept
   * versions hold; {@code vacuumed} false when it was left whole for them.
   */
  public record Vacuumed(Table table, boolean vacuumed, long filesDeleted, long retentionHours,
      Optional<Long> keptHours, double seconds) {}

  /** Vacuums every table of the warehouse; the caller holds the writer lock. */
  public static List<Vacuumed> all(TableStore store, KernelTables kernel, Instant now) {
    List<Map<Table, Long>> pins = new ArrayList<>();
    PublishedGold published = store.published();
    if (published.versions() != null) {
      pins.add(published.versions());
    }
    for (Publication p : Publication.all(kernel, store.warehouse())) {
      pins.add(p.versions());
    }
    List<Vacuumed> out = new ArrayList<>();
    for (Table t : Table.values()) {
      if (!store.exists(t)) {
        continue;
      }
      long start = System.nanoTime();
      String location = store.location(t);
      Optional<Long> keptHours = oldestPinnedFile(kernel, location, t, pins)
          .map(at -> Duration.between(at, now).toHours() + 1);
      long retention = retentionHours(kernel.properties(location)
          .getOrDefault("delta.deletedFileRetentionDuration", Table.DEFAULT_FILE_RETENTION));
      boolean safe = keptHours.isEmpty() || keptHours.get() < retention;
      long deleted = safe ? store.vacuum(t) : 0;
      out.add(new Vacuumed(t, safe, deleted, retention, keptHours,
          (System.nanoTime() - start) / 1e9));
    }
    return out;
  }

  private static final Pattern INTERVAL = Pattern.compile(
      "(?:interval\\s+)?(\\d+)\\s+(week|day|hour|minute)s?", Pattern.CASE_INSENSITIVE);

  /** {@code interval 7 days} → 168 (Delta's interval text; a form not known: 7 days). */
  static long retentionHours(String interval) {
    Matcher m = INTERVAL.matcher(interval.trim());
    if (!m.matches()) {
      return Duration.ofDays(7).toHours();
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "week" -> n * 7 * 24;
      case "day" -> n * 24;
      case "hour" -> n;
      default -> Math.max(1, n / 60);
    };
  }

  /** The oldest file among the table's kept versions, if any of its versions is kept. */
  private static Optional<Instant> oldestPinnedFile(KernelTables kernel, String location,
      Table table, List<Map<Table, Long>> pins) {
    Optional<Instant> oldest = Optional.empty();
    for (Map<Table, Long> pin : pins) {
      Long version = pin.get(table);
      if (version == null) {
        continue;
      }
      Optional<Instant> at = kernel.oldestFileModifiedAt(location, version);
      if (at.isPresent() && (oldest.isEmpty() || at.get().isBefore(oldest.get()))) {
        oldest = at;
      }
    }
    return oldest;
  }
}
