package vn.bantin.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;
import vn.bantin.registry.TableStore;

/**
 * Two warehouses compared table by table, row for row, leaving out the columns that name the
 * run that wrote a row.
 */
final class SameTables {
  /** Columns that name the run that wrote a row, and so differ between two histories. */
  private static final Set<String> RUN_COLUMNS = Set.of("_ingest_run_id", "ingest_run_id",
      "cleaned_run_id", "ingested_at", "build_id", "finished_at");

  private SameTables() {}

  /**
   * Asserts that every table {@code which} selects holds the same rows in both warehouses
   * ({@code gold.builds} aside: it logs when and from what each build ran); {@code mayBeEmpty}
   * names the tables allowed to be empty (an empty pair proves nothing otherwise).
   */
  static void assertSameRows(Path actual, Path expected, Predicate<Table> which,
      Set<Table> mayBeEmpty, String what) {
    TableStore a = new TableStore(SparkTestSession.get(), Ingests.warehouse(actual));
    TableStore b = new TableStore(SparkTestSession.get(), Ingests.warehouse(expected));
    for (Table t : Table.values()) {
      if (t.isLog() || !which.test(t)) {
        continue;
      }
      List<String> rows = sortedRows(comparable(a.readOrEmpty(t)));
      assertTrue(!rows.isEmpty() || mayBeEmpty.contains(t), t.qualifiedName() + " empty");
      assertEquals(sortedRows(comparable(b.readOrEmpty(t))), rows,
          t.qualifiedName() + ": " + what);
    }
  }

  /**
   * The rows as text, sorted: a multiset compared in one collect per table (the tables of these
   * small warehouses are a few thousand rows; two exceptAll queries per table cost minutes).
   */
  static List<String> sortedRows(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Dataset<Row> comparable(Dataset<Row> rows) {
    // Set operations take no map column (raw's _extra_fields): compare its JSON text.
    List<Column> keep = new ArrayList<>();
    Arrays.stream(rows.schema().fields()).filter(f -> !RUN_COLUMNS.contains(f.name()))
        .forEach(f -> keep.add(f.dataType() instanceof org.apache.spark.sql.types.MapType
            ? functions.to_json(functions.col(f.name())).as(f.name())
            : functions.col(f.name())));
    return rows.select(keep.toArray(Column[]::new));
  }
}
