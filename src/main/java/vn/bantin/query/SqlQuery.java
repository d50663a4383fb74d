package vn.bantin.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.bantin.UserError;
import vn.bantin.registry.Layer;

/**
 * One analyst's SQL statement over the {@link NamedTables}. A statement Spark refuses (a
 * syntax error, an unknown table or column, a division by zero under ANSI mode) is the
 * analyst's to fix, so it becomes a {@link UserError} of one line, "Cannot run the query:" and
 * the first line of Spark's message; a raw table asked for without {@code --include-raw} is
 * told as such, not as a missing table.
 */
public final class SqlQuery {
  /** Data sources Spark reads by path in SQL ({@code delta.`/path`}). */
  private static final List<String> PATH_SOURCES =
      List.of("delta", "parquet", "csv", "json", "orc", "text", "binaryfile", "avro");

  private SqlQuery() {}

  /** The statement's result; analysed now (so a bad name fails here), executed when read. */
  public static Dataset<Row> prepare(SparkSession spark, NamedTables names, String statement) {
    try {
      return spark.sql(withoutTrailingSemicolons(statement));
    } catch (Exception e) {
      // Spark's AnalysisException is a checked exception, thrown undeclared from Scala.
      throw failure(e, names);
    }
  }

  /**
   * The user error for a failed statement, found anywhere in the cause chain (execution errors
   * reach us wrapped by Spark's job machinery); a failure that is no query error, a bug, is
   * rethrown as it is.
   */
  public static RuntimeException failure(Throwable e, NamedTables names) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError user) {
        return user;
      }
      if (t instanceof SparkThrowable spark && spark.getCondition() != null
          && !spark.getCondition().startsWith("INTERNAL_ERROR")) {
        String refused = refusedName(spark, names);
        return new UserError("Cannot run the query: "
            + (refused != null ? refused : firstLine(t.getMessage())));
      }
    }
    return e instanceof RuntimeException r ? r : new RuntimeException(e);
  }

  /** Why a name was not found, when it is a raw table or a path and raw is not included. */
  private static String refusedName(SparkThrowable error, NamedTables names) {
    if (names.includesRaw() || !"TABLE_OR_VIEW_NOT_FOUND".equals(error.getCondition())) {
      return null;
    }
    String relation = error.getMessageParameters().getOrDefault("relationName", "");
    List<String> parts = Arrays.stream(relation.split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)"))
        .map(p -> p.replaceAll("^`|`$", "").replace("``", "`")).toList();
    if (parts.size() > 1 && parts.get(0).equalsIgnoreCase("spark_catalog")) {
      parts = parts.subList(1, parts.size());
    }
    if (parts.size() != 2) {
      return null;
    }
    String first = parts.get(0).toLowerCase(Locale.ROOT);
    if (first.equals(Layer.RAW.folder())) {
      return NamedTables.rawRefusal(first + "." + parts.get(1));
    }
    if (PATH_SOURCES.contains(first)) {
      return "tables are read by name here (such as "
          + vn.bantin.registry.Table.GOLD_BULLETIN.qualifiedName() + "), not by path: reading files by path could reach the raw tables, so it is"
          + " allowed only with --include-raw";
    }
    return null;
  }

  /** Spark's messages start with a blank line at times (parse errors); the first with text. */
  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
        .orElse("(no message)");
  }

  static String withoutTrailingSemicolons(String statement) {
    return statement.strip().replaceAll("[;\\s]+$", "");
  }

  /** Whether the statement is a bare {@code SHOW TABLES}, answered with the names. */
  public static boolean isShowTables(String statement) {
    String s = withoutTrailingSemicolons(statement).toLowerCase(Locale.ROOT);
    return s.equals(".tables") || s.matches("show\\s+tables");
  }
}
