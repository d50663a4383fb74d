package vn.bantin.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.bantin.UserError;
import vn.bantin.query.NamedTables;
import vn.bantin.query.ResultFormat;
import vn.bantin.query.SqlQuery;
import vn.bantin.spark.Sessions;

/** {@code bantin sql}: one SQL statement, or an interactive prompt, over the tables by name. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs a SQL query over the warehouse's tables by their names (gold.bulletin,"
        + " gold.trends, cleaned.dossiers, cleaned.quarantine…; .tables or SHOW TABLES lists"
        + " them) and prints the result. With no query: an interactive prompt with history;"
        + " end a statement with ; and leave with Ctrl-D."})
public final class SqlCommand implements Callable<Integer> {
  /** Spark reads files by path in SQL unless this is false (see below). */
  private static final String RUN_SQL_ON_FILES = "spark.sql.runSQLOnFiles";

  @Mixin
  WarehouseOption warehouse;

  @Mixin
  RawAccessOption raw;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (one object per line). Default: ${DEFAULT-VALUE}")
  String format;

  @Parameters(arity = "0..*", paramLabel = "QUERY",
      description = "The query, e.g. \"SELECT * FROM gold.bulletin WHERE period = '2021-04'\".")
  List<String> query;

  @Override
  public Integer call() {
    ResultFormat resultFormat = ResultFormat.parse(format);
    String statement = query == null ? null : String.join(" ", query);
    if (statement != null && statement.isBlank()) {
      throw new UserError("Cannot run the query: it is empty");
    }
    SparkSession spark = Sessions.getOrCreate("bantin-sql");
    // Without raw, a query must not reach a raw table's files by path either
    // (delta.`…/raw/hoso`): SQL on files is off for this command, and put back after it, since
    // tests run commands in a shared session.
    String filesBefore = spark.conf().get(RUN_SQL_ON_FILES);
    spark.conf().set(RUN_SQL_ON_FILES, String.valueOf(raw.included()));
    try {
      NamedTables names = NamedTables.register(spark, warehouse.resolve(), raw.included());
      if (statement != null) {
        PrintWriter out = new PrintWriter(
            new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        run(spark, names, statement, resultFormat, out);
        return 0;
      }
      // Piped input (no console) gets a dumb terminal, quietly: reading statements from a file
      // is a use, not a problem.
      try (var terminal = TerminalBuilder.builder().system(true).dumb(true)
          .encoding(StandardCharsets.UTF_8).build()) {
        Path history = Path.of(System.getProperty("user.home"), ".bantin_sql_history");
        new SqlShell(terminal, history,
            (s, out) -> run(spark, names, s, resultFormat, out)).loop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    } finally {
      spark.conf().set(RUN_SQL_ON_FILES, filesBefore);
    }
  }

  /** One statement: a bare SHOW TABLES or .tables lists the names; anything else is Spark's. */
  static void run(SparkSession spark, NamedTables names, String statement, ResultFormat format,
      PrintWriter out) {
    if (SqlQuery.isShowTables(statement)) {
      out.println(names.listing());
      out.flush();
      return;
    }
    if (statement.strip().startsWith(".")) {
      throw new UserError("Cannot run " + statement.strip() + ": the prompt knows .tables;"
          + " Ctrl-D leaves");
    }
    var rows = SqlQuery.prepare(spark, names, statement);
    try {
      format.write(rows, out);
    } catch (Exception e) { // AnalysisException is checked, and thrown undeclared
      // Errors of execution (a bad cast, a division by zero) come while the rows are read.
      throw SqlQuery.failure(e, names);
    }
  }
}
