package vn.bantin.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * Which version of each gold table the last completed build published (write-audit-publish).
 * A gold build writes its tables one commit each, checks them, and only then logs itself in
 * {@code gold.builds} with the version it left each gold table at: that row is the one pointer
 * readers follow. A build killed half way leaves newer commits on some tables, but no reader
 * sees them (every reader reads the versions of the last logged build), and the next build
 * first restores those tables to the logged versions, so it starts from the set it would have
 * started from had the killed one never run.
 *
 * <p>Read through Delta Kernel: no Spark job, so every query can afford it.
 *
 * @param versions the published version of each gold table, or null when the last build was
 *     logged by a bantin that did not record them (every gold table then counts at its latest)
 * @param anyBuild whether any build was ever logged (no build: no gold table is published)
 */
public record PublishedGold(Map<Table, Long> versions, boolean anyBuild) {
  /** The column of {@code gold.builds} that holds the versions: {@code gold.bulletin@7,…}. */
  public static final String OUTPUTS = "outputs";

  /** The row of {@code gold.builds} that finished last, or null when there is none. */
  public static Map<String, Object> lastBuild(List<Map<String, Object>> builds) {
    return builds.stream().max(Comparator.comparing(r -> (Instant) r.get("finished_at")))
        .orElse(null);
  }

  /** The last logged build's versions, as the log of {@code gold.builds} says now. */
  public static PublishedGold read(KernelTables kernel, Warehouse warehouse) {
    String builds = warehouse.location(Table.GOLD_BUILDS);
    if (!kernel.exists(builds)) {
      return new PublishedGold(Map.of(), false);
    }
    Map<String, Object> last = lastBuild(kernel.read(builds));
    if (last == null) {
      return new PublishedGold(Map.of(), false);
    }
    Object outputs = last.get(OUTPUTS);
    return new PublishedGold(outputs == null ? null : parse((String) outputs), true);
  }

  /** {@code gold.bulletin@7,gold.trends@3} → the tables and versions (unknown names skipped). */
  public static Map<Table, Long> parse(String outputs) {
    Map<Table, Long> parsed = new EnumMap<>(Table.class);
    for (String part : outputs.split(",")) {
      int at = part.lastIndexOf('@');
      if (at < 0) {
        continue;
      }
      String name = part.substring(0, at);
      long version = Long.parseLong(part.substring(at + 1));
      for (Table t : Table.values()) {
        if (t.qualifiedName().equals(name)) {
          parsed.put(t, version);
        }
      }
    }
    return parsed;
  }

  /** The text {@link #parse} reads back. */
  public static String format(Map<Table, Long> versions) {
    StringBuilder b = new StringBuilder();
    versions.forEach((t, v) -> b.append(b.length() == 0 ? "" : ",").append(t.qualifiedName())
        .append('@').append(v));
    return b.toString();
  }

  /** Whether the table's versions are followed: a gold table other than the logs. */
  public static boolean follows(Table table) {
    return table.layer() == Layer.GOLD && !table.isLog();
  }

  /**
   * The version a reader reads: the published one for a gold table; empty for the latest
   * (another layer, the log itself, or a warehouse whose last build recorded no versions).
   */
  public OptionalLong versionToRead(Table table) {
    if (!follows(table) || versions == null || !versions.containsKey(table)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(versions.get(table));
  }

  /**
   * Whether a reader sees the table at all (given that it exists): a gold table only once a
   * build published it; a table a killed build created is not there yet.
   */
  public boolean isPublished(Table table) {
    if (!follows(table)) {
      return true;
    }
    return anyBuild && (versions == null || versions.containsKey(table));
  }
}
