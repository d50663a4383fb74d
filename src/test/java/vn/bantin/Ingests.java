package vn.bantin;

import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.bantin.cleaned.CleanedBuild;
import vn.bantin.pipeline.Pipeline;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/** Tiny extract files written inline, and what an ingest left in the warehouse. */
public final class Ingests {
  private Ingests() {}

  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Lines joined with {@code \n}, each ending with one. */
  public static String lines(String... lines) {
    return Arrays.stream(lines).map(l -> l + "\n").collect(Collectors.joining());
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A workbook whose first sheet holds the rows; a cell is a String, a Double, a LocalDateTime
   * (an Excel date cell) or null (no cell).
   */
  public static byte[] xlsx(Object[]... rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      Sheet sheet = wb.createSheet("HoSo");
      for (int r = 0; r < rows.length; r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof String s) {
            row.createCell(c).setCellValue(s);
          } else if (v instanceof Double d) {
            row.createCell(c).setCellValue(d);
          } else if (v instanceof LocalDateTime t) {
            row.createCell(c).setCellValue(t);
            row.getCell(c).setCellStyle(date);
          } else if (v != null) {
            throw new IllegalArgumentException("cell " + v);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String name, byte[] content) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String name, String text) {
    return write(dir, name, utf8(text));
  }

  public static Warehouse warehouse(Path dir) {
    return new Warehouse(dir.toAbsolutePath().toString());
  }

  public static Pipeline.Report ingest(Warehouse warehouse, Path input) {
    return Pipeline.on(SparkTestSession.get(), warehouse).ingest(input.toString());
  }

  /** The latest Delta version of a table, or -1 when the warehouse has no such table. */
  public static long version(Warehouse warehouse, Table table) {
    SparkSession spark = SparkTestSession.get();
    String path = warehouse.location(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
  }

  public static Dataset<Row> read(Warehouse warehouse, Table table) {
    return SparkTestSession.get().read().format("delta").load(warehouse.location(table));
  }

  /** The given columns of every row, as lists (order-insensitive comparison: a multiset). */
  public static List<List<Object>> rows(Dataset<Row> rows, String... columns) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows.selectExpr(columns).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        values.add(r.get(i));
      }
      out.add(values);
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** A row as a list, for {@link #rows} expectations: nulls allowed. */
  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** Expected rows, sorted as {@link #rows} sorts. */
  public static List<List<Object>> sorted(List<Object>... rows) {
    List<List<Object>> out = new ArrayList<>(Arrays.asList(rows));
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** read, loaded, quarantined of a file in the report. */
  public static List<Long> counts(Pipeline.Report report, String file) {
    for (CleanedBuild.FileCounts f : report.cleaned().files()) {
      if (f.fileName().equals(file)) {
        return List.of(f.read(), f.loaded(), f.quarantined());
      }
    }
    throw new AssertionError(file + " is not in the report: " + report.cleaned().files());
  }

  /**
   * Whether a column is named like a personal field of the contract, or like one derived from
   * it: the field's name in any case, snake_case, or an English name for the same data.
   */
  public static boolean isPersonalName(String column) {
    String c = column.toLowerCase(java.util.Locale.ROOT);
    for (String f : vn.bantin.extract.ExtractKind.PERSONAL_FIELDS) {
      String snake = f.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
      if (c.contains(f.toLowerCase(java.util.Locale.ROOT)) || c.contains(snake)) {
        return true;
      }
    }
    for (String english : List.of("applicant", "owner", "phone", "email", "address",
        "citizen", "identity", "personal", "summary")) {
      if (c.contains(english)) {
        return true;
      }
    }
    return false;
  }

  /** Every registry table of the layers that exists in the warehouse. */
  public static Set<Table> existing(Warehouse warehouse, vn.bantin.registry.Layer... layers) {
    Set<vn.bantin.registry.Layer> wanted = new HashSet<>(Arrays.asList(layers));
    Set<Table> out = new java.util.LinkedHashSet<>();
    for (Table t : Table.values()) {
      if (wanted.contains(t.layer()) && version(warehouse, t) >= 0) {
        out.add(t);
      }
    }
    return out;
  }
}
