package vn.bantin.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.bantin.UserError;
import vn.bantin.registry.Layer;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;
import vn.bantin.registry.Warehouse;
import vn.bantin.store.PublishedGold;

/**
 * The warehouse's tables by their registry names ({@code gold.bulletin}, {@code
 * cleaned.quarantine}) in a Spark session's catalog, for {@code bantin sql} and the notebooks
 * alike. Each name is an external catalog entry over the table's Delta location, held by the
 * session (Spark's in-memory catalog): nothing is written to a metastore, so any number of
 * JVMs can name the same warehouse at once. Cleaned tables read their current snapshot; a gold
 * name is a view of the version the last completed build published, and {@link #GOLD_HISTORY}
 * names the gold tables' whole history. Raw tables hold personal data (names, phone numbers) and are named only on request.
 */
public record NamedTables(Warehouse warehouse, List<Table> tables, boolean includesRaw) {

  /**
   * The database that names every version of each gold table ({@code gold_history.bulletin}),
   * for time travel: {@code SELECT * FROM gold_history.bulletin VERSION AS OF 3}.
   */
  public static final String GOLD_HISTORY = "gold_history";

  /** Where the session's databases live: empty folders, never the warehouse (see below). */
  private static Path catalogFolder;

  /**
   * Names every table of the warehouse that has been written; raw tables only with {@code
   * includeRaw}. A name left from an earlier call in the same session (another warehouse, or
   * raw included then) is replaced or removed, so the names always say what this call says.
   */
  public static NamedTables register(SparkSession spark, Warehouse warehouse,
      boolean includeRaw) {
    TableStore store = new TableStore(spark, warehouse);
    // Gold tables as the last completed build published them: a build killed half way (or
    // one running now) has committed to some of them, and a query must not mix two builds.
    PublishedGold published = store.published();
    List<Table> named = new ArrayList<>();
    for (Table table : Table.values()) {
      boolean wanted = table.layer() != Layer.RAW || includeRaw;
      if (wanted && store.exists(table) && published.isPublished(table)) {
        createDatabase(spark, table.layer().folder());
        var version = published.versionToRead(table);
        if (version.isPresent()) {
          createDatabase(spark, GOLD_HISTORY);
          store.nameVersionInCatalog(table, version.getAsLong(), GOLD_HISTORY);
        } else {
          store.nameInCatalog(table);
        }
        named.add(table);
      } else {
        store.dropNameFromCatalog(table);
      }
    }
    if (named.isEmpty()) {
      throw new UserError("Cannot query the warehouse " + warehouse.root() + ": it holds no"
          + " table (run `bantin run --warehouse " + warehouse.root() + "` first)");
    }
    return new NamedTables(warehouse, List.copyOf(named), includeRaw);
  }

  /** The qualified names, in registry order (raw, cleaned, gold). */
  public List<String> names() {
    return tables.stream().map(Table::qualifiedName).toList();
  }

  /** One line per table: its name and what one row is. */
  public String listing() {
    int width = names().stream().mapToInt(String::length).max().orElse(0);
    return tables.stream()
        .map(t -> String.format("%-" + width + "s  %s", t.qualifiedName(), t.grain()))
        .collect(Collectors.joining("\n"));
  }

  /** The registry table of a qualified name ({@code gold.bulletin}), case-insensitive. */
  public static Optional<Table> byName(String qualifiedName) {
    return Arrays.stream(Table.values())
        .filter(t -> t.qualifiedName().equalsIgnoreCase(qualifiedName.trim())).findFirst();
  }

  /** Every qualified name of the registry, for messages. */
  public static String allNames() {
    return Arrays.stream(Table.values()).map(Table::qualifiedName)
        .collect(Collectors.joining(", "));
  }

  /** Why a raw table is refused, without "Cannot …: ", for the command to prefix. */
  public static String rawRefusal(String name) {
    return name + " is a raw table and holds personal data (names, phone numbers): it is"
        + " available only with --include-raw";
  }

  /**
   * The layer's database. Its location is a new empty folder of this JVM, never a folder of
   * the warehouse: Spark's in-memory catalog deletes a database's folder when the database is
   * dropped with CASCADE, and without a location it would create {@code spark-warehouse/} in
   * the analyst's working directory.
   */
  private static void createDatabase(SparkSession spark, String database) {
    if (spark.catalog().databaseExists(database)) {
      return;
    }
    Path folder = catalogFolder().resolve(database + ".db");
    spark.sql("CREATE DATABASE IF NOT EXISTS " + database + " LOCATION '"
        + folder.toUri().toString().replace("'", "\\'") + "'");
    folder.toFile().deleteOnExit();
  }

  private static synchronized Path catalogFolder() {
    if (catalogFolder == null) {
      try {
        catalogFolder = Files.createTempDirectory("bantin-catalog-");
        catalogFolder.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return catalogFolder;
  }
}
