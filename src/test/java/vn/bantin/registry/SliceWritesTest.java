package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.cleaned.CleanedSchemas;

/**
 * A slice that holds no row yet is appended, one that does is replaced; either way the table
 * ends with the slice's new rows and every other row as it was, and a row of another slice is
 * refused.
 */
class SliceWritesTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir Path dir;

  private Dataset<Row> files(Object... fileAndRead) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < fileAndRead.length; i += 2) {
      long read = ((Number) fileAndRead[i + 1]).longValue();
      rows.add(RowFactory.create(fileAndRead[i], "hoso", read, read, 0L, "run"));
    }
    return spark.createDataFrame(rows, CleanedSchemas.LOADED_FILES);
  }

  private Map<String, Long> readByFile(TableStore store) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : store.read(Table.CLEANED_LOADED_FILES).collectAsList()) {
      if (out.put(r.getAs("file_name"), r.getAs("read")) != null) {
        throw new AssertionError("two rows of " + r.getAs("file_name"));
      }
    }
    return out;
  }

  /** How the table's latest commit wrote: Delta's mode (Append or Overwrite). */
  private String lastMode(TableStore store) {
    return spark.sql("DESCRIBE HISTORY delta.`" + store.location(Table.CLEANED_LOADED_FILES)
        + "` LIMIT 1").first().<scala.collection.Map<String, String>>getAs(
            "operationParameters").get("mode").get();
  }

  @Test
  void newSlicesAreAppendedAndSlicesWithRowsReplaced() {
    TableStore store = new TableStore(spark, new Warehouse(dir.resolve("wh").toString()));
    Table t = Table.CLEANED_LOADED_FILES;
    store.replaceSlices(t, files("b.csv", 10, "c.csv", 20), List.of("b.csv", "c.csv"));
    assertEquals("Append", lastMode(store));
    store.replaceSlices(t, files("d.csv", 30), List.of("d.csv"));
    assertEquals("Append", lastMode(store), "d.csv lies after every file's bounds");
    // One file spanning b.csv to d.csv: bb.csv lies within its bounds, but the table is small
    // and its slice column, read, holds no bb.csv.
    store.replaceSlices(t, files("b.csv", 10, "d.csv", 30).coalesce(1),
        List.of("b.csv", "d.csv"));
    store.replaceSlices(t, files("bb.csv", 15), List.of("bb.csv"));
    assertEquals("Append", lastMode(store), "bb.csv is held by no row");
    store.replaceSlices(t, files(), List.of("bb.csv"));
    assertEquals(Map.of("b.csv", 10L, "c.csv", 20L, "d.csv", 30L), readByFile(store));

    // b.csv has rows: replaced, and a.csv (no rows, asked with it) added in the same commit.
    store.replaceSlices(t, files("a.csv", 5, "b.csv", 11), List.of("a.csv", "b.csv"));
    assertEquals("Overwrite", lastMode(store));
    assertEquals(Map.of("a.csv", 5L, "b.csv", 11L, "c.csv", 20L, "d.csv", 30L),
        readByFile(store));
    // A slice emptied: its rows go, and nothing is added.
    store.replaceSlices(t, files(), List.of("c.csv"));
    assertEquals(Map.of("a.csv", 5L, "b.csv", 11L, "d.csv", 30L), readByFile(store));

    // A row of a slice not named is refused, appended or replaced, and nothing is written.
    long version = store.version(t);
    Exception appended = assertThrows(Exception.class,
        () -> store.replaceSlices(t, files("e.csv", 1, "z.csv", 1), List.of("e.csv")));
    assertTrue(rootMessage(appended).contains("file_name = z.csv"),
        rootMessage(appended));
    assertThrows(Exception.class,
        () -> store.replaceSlices(t, files("a.csv", 6, "d.csv", 31), List.of("a.csv")));
    assertEquals(version, store.version(t));
    assertEquals(Map.of("a.csv", 5L, "b.csv", 11L, "d.csv", 30L), readByFile(store));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
