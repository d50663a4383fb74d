package vn.bantin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.bantin.metrics.Figure;

/**
 * The bulletin figures as an analyst with DuckDB would compute them from the raw JSON Lines
 * extracts: the SQL is {@code bench/bulletin-figures.sql}. Grain of the result: publisher,
 * month ("yyyy-MM"), figure.
 */
public final class DuckDbBulletins {
  private static final Pattern JSON_EXTRACT = Pattern.compile(
      "^(hoso|danhgia|thutuc|donvi)_(\\d{8})(\\d{6})?\\.(jsonl|json)(\\.gz)?$");
  private static final Pattern OTHER_EXTRACT = Pattern.compile(
      "^(hoso|danhgia|thutuc|donvi)_\\d{8}(\\d{6})?\\.(csv|xlsx)(\\.gz)?$");

  private DuckDbBulletins() {}

  public static Map<String, Map<String, Map<Figure, Long>>> compute(Path folder)
      throws IOException, SQLException {
    Map<String, List<String>> files = new TreeMap<>();
    for (String k : List.of("hoso", "danhgia", "thutuc", "donvi")) {
      files.put(k, new ArrayList<>());
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (OTHER_EXTRACT.matcher(name).matches()) {
          throw new IllegalArgumentException(name + ": DuckDbBulletins reads JSON Lines extracts"
              + " only; convert CSV/XLSX first");
        }
        var m = JSON_EXTRACT.matcher(name);
        if (m.matches() && Files.isRegularFile(p)) {
          files.get(m.group(1)).add(p.toAbsolutePath().toString());
        }
      }
    }
    String sql;
    try (InputStream in = DuckDbBulletins.class.getResourceAsStream("/bench/bulletin-figures.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (var e : files.entrySet()) {
      sql = sql.replace("{{" + e.getKey() + "}}", source(e.getValue()));
    }
    List<String> statements = new ArrayList<>();
    for (String part : sql.split(";\\s*\\n")) {
      String body = part.lines().filter(l -> !l.strip().startsWith("--"))
          .reduce("", (a, b) -> a + b + "\n").strip();
      if (!body.isEmpty()) {
        statements.add(body);
      }
    }
    Map<String, Map<String, Map<Figure, Long>>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      // DuckDB takes 80% of the machine's memory by default; beside bantin's JVM at ten years
      // that got it killed by the kernel (14.7 GB resident). A limit makes it spill instead.
      st.execute("SET memory_limit = '" + System.getProperty("bantin.duckdb.memory", "8GB")
          + "'");
      java.nio.file.Path spill = Files.createTempDirectory("duckdb-spill");
      spill.toFile().deleteOnExit();
      st.execute("SET temp_directory = '" + spill
          .toString().replace("'", "''") + "'");
      for (int i = 0; i < statements.size() - 1; i++) {
        st.execute(statements.get(i));
      }
      try (ResultSet r = st.executeQuery(statements.get(statements.size() - 1))) {
        while (r.next()) {
          Map<Figure, Long> figures = new EnumMap<>(Figure.class);
          for (Figure f : Figure.values()) {
            figures.put(f, r.getLong(f.key()));
          }
          out.computeIfAbsent(r.getString("publisher"), k -> new TreeMap<>())
              .put(r.getString("period"), figures);
        }
      }
    }
    return out;
  }

  private static String source(List<String> paths) {
    if (paths.isEmpty()) {
      return "(SELECT CAST(NULL AS JSON) AS json, CAST(NULL AS VARCHAR) AS filename WHERE false)";
    }
    StringBuilder list = new StringBuilder("[");
    for (String p : paths) {
      list.append(list.length() > 1 ? ", " : "").append('\'').append(p.replace("'", "''"))
          .append('\'');
    }
    return "read_ndjson_objects(" + list + "], filename = true, ignore_errors = true)";
  }

  /** Prints publisher,period,figure... as CSV. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: DuckDbBulletins <extract folder>");
      System.exit(2);
    }
    System.out.print(csv(compute(Path.of(args[0]))));
  }

  /** The figures as CSV: a header publisher,period,figure…, then one line per month. */
  static String csv(Map<String, Map<String, Map<Figure, Long>>> result) {
    StringBuilder out = new StringBuilder("publisher,period");
    for (Figure f : Figure.values()) {
      out.append(',').append(f.key());
    }
    out.append('\n');
    for (var p : result.entrySet()) {
      for (var m : p.getValue().entrySet()) {
        out.append(p.getKey()).append(',').append(m.getKey());
        for (Figure f : Figure.values()) {
          out.append(',').append(m.getValue().get(f));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
