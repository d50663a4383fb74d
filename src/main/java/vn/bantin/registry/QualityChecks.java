package vn.bantin.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.registry.Check.Severity;

/**
 * Runs the declared checks of tables ({@link TableChecks}) and records their outcomes in
 * {@code gold.checks}. The table's own-row checks and its keys check are one aggregate, one
 * pass over the table; a check over derived rows is one more.
 */
public final class QualityChecks {
  private QualityChecks() {}

  /** One check of one table at one version, and the rows that failed it. */
  public record Outcome(Table table, long version, Check check, long failingRows) {
    public boolean passed() {
      return failingRows == 0;
    }

    public boolean isError() {
      return !passed() && check.severity() == Severity.ERROR;
    }

    public boolean isWarning() {
      return !passed() && check.severity() == Severity.WARNING;
    }

    /** {@code gold.bulletin received_month_on_month_jump: 2 rows (…)}. */
    public String line() {
      return table.qualifiedName() + " " + check.name() + ": " + failingRows
          + (failingRows == 1 ? " row" : " rows") + " (" + check.description() + ")";
    }
  }

  /** {@code gold.checks}: one row per check of a table in a run. */
  public static StructType schema() {
    return new StructType()
        .add("run_id", DataTypes.StringType, false)
        .add("checked_at", DataTypes.TimestampType, false)
        .add("table_name", DataTypes.StringType, false)
        .add("table_version", DataTypes.LongType, false)
        .add("check_name", DataTypes.StringType, false)
        .add("severity", DataTypes.StringType, false)
        .add("description", DataTypes.StringType, false)
        .add("failing_rows", DataTypes.LongType, false)
        .add("passed", DataTypes.BooleanType, false);
  }

  /** The outcomes of the table's checks on {@code rows} (the table at {@code version}). */
  public static List<Outcome> evaluate(Table table, long version, Dataset<Row> rows) {
    List<Check> checks = TableChecks.of(table);
    List<Check> own = checks.stream().filter(c -> c.derive().isEmpty()).toList();
    List<Outcome> out = new ArrayList<>();
    if (!own.isEmpty()) {
      List<Column> aggregates = new ArrayList<>();
      for (Check c : own) {
        if (c.isKeys()) {
          Column[] keys = table.keys().stream().map(k -> col(k)).toArray(Column[]::new);
          // A key column the schema declares nullable may be null (gold.trends: unit_code is
          // null on the publisher's own rows); one declared NOT NULL may not.
          Column anyNull = lit(false);
          StructType declared = table.schema();
          for (String k : table.keys()) {
            if (!declared.apply(k).nullable()) {
              anyNull = anyNull.or(col(k).isNull());
            }
          }
          // Duplicates (rows beyond the first of a key, nulls equal) plus rows with a null in
          // a key column declared NOT NULL. A table stored in key order is first shown free of
          // duplicates without a shuffle (KeyRuns), and counted only when it is not.
          Column nulls = org.apache.spark.sql.functions.count_if(anyNull);
          aggregates.add(table.storedInKeyOrder() && KeyRuns.showUnique(rows, table.keys())
              ? nulls : count(lit(1)).minus(countDistinct(struct(keys))).plus(nulls));
        } else {
          aggregates.add(expr("count_if(coalesce(" + c.failing() + ", false))"));
        }
      }
      Row r = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
          .toArray(Column[]::new)).first();
      for (int i = 0; i < own.size(); i++) {
        out.add(new Outcome(table, version, own.get(i), ((Number) r.get(i)).longValue()));
      }
    }
    for (Check c : checks) {
      if (c.derive().isPresent()) {
        long failing = ((Number) c.derive().get().apply(rows)
            .agg(expr("count_if(coalesce(" + c.failing() + ", false))")).first().get(0))
            .longValue();
        out.add(new Outcome(table, version, c, failing));
      }
    }
    return out;
  }

  /**
   * Above this many change rows since the last check, a table is checked whole: its changes
   * are then a large share of it, and the keys they name are too many to send to every task.
   */
  static final long MOST_CHANGES_CHECKED_APART = 2_000_000;

  /**
   * The rows of {@code table} that a check of what was written after {@code version} needs:
   * every row whose key a write since then touched (the rows written, as they are now, and any
   * other row with their key), read from the partitions those writes touched only (a table's
   * partition columns are a function of its keys, so a row never moves between partitions).
   * Sound when the table at {@code version} passed its error checks: a row that fails a row
   * check was written since, and so was one of any two rows that share a key. The whole table
   * when that version is unknown (-1) or later than now, the table keeps no change feed or has
   * no keys, the feed no longer reaches back, or the changes are many
   * ({@value #MOST_CHANGES_CHECKED_APART} rows); a small table whole too, from a local copy
   * ({@link TableStore#readWhole}).
   */
  public static Dataset<Row> rowsWrittenSince(TableStore store, Table table, long version) {
    long now = store.version(table);
    if (version < 0 || version > now || !table.keepsChanges() || table.keys().isEmpty()) {
      return store.readWhole(table);
    }
    if (version == now) {
      return store.read(table).limit(0);
    }
    // A small table is checked whole, from a local copy: cheaper than reading its change feed.
    java.util.Optional<Dataset<Row>> small = store.localCopyIfSmall(table);
    if (small.isPresent()) {
      return small.get();
    }
    Dataset<Row> changes;
    List<Row> perPartition;
    List<String> partitioning = table.partitionColumns();
    try {
      changes = store.changes(table, version, now);
      perPartition = (partitioning.size() == 1 ? changes.groupBy(partitioning.get(0))
          : changes.groupBy()).count().collectAsList();
    } catch (RuntimeException e) {
      // A vacuumed or disabled feed: check the whole table.
      return store.read(table);
    }
    long changeRows = perPartition.stream().mapToLong(r -> r.getLong(r.size() - 1)).sum();
    if (changeRows > MOST_CHANGES_CHECKED_APART) {
      return store.read(table);
    }
    Dataset<Row> rows = store.read(table);
    if (partitioning.size() == 1 && perPartition.stream().noneMatch(r -> r.isNullAt(0))) {
      rows = rows.where(TableStore.inList(partitioning.get(0), perPartition.stream()
          .map(r -> String.valueOf(r.get(0))).toList()));
    }
    Column touched = lit(true);
    for (String k : table.keys()) {
      touched = touched.and(col("t." + k).eqNullSafe(col("c." + k)));
    }
    Dataset<Row> keys = changes.select(table.keys().stream().map(k -> col(k))
        .toArray(Column[]::new)).distinct();
    return rows.as("t").join(functions.broadcast(keys).as("c"), touched, "left_semi");
  }

  /** The outcomes of the checks of every table given that exists, at its latest version. */
  public static List<Outcome> run(TableStore store, Collection<Table> tables) {
    return run(store, tables, store::readWhole);
  }

  /**
   * The outcomes of the checks of every table given that exists, on the rows {@code rowsOf}
   * gives of it at its latest version (e.g. only the slices a step is about to read).
   */
  public static List<Outcome> run(TableStore store, Collection<Table> tables,
      java.util.function.Function<Table, Dataset<Row>> rowsOf) {
    List<Table> existing = tables.stream().filter(store::exists).toList();
    if (existing.isEmpty()) {
      return List.of();
    }
    // Most tables checked are small: the time goes to each query's own planning and snapshot,
    // on the driver, so the tables are checked side by side (measured on data-samples: see
    // docs/benchmarks.md).
    List<Outcome> out = new ArrayList<>();
    vn.bantin.spark.SideBySide.each(existing, t -> {
      store.spark().sparkContext().setJobDescription("checks: " + t.qualifiedName());
      return evaluate(t, store.version(t), rowsOf.apply(t));
    }).forEach(out::addAll);
    return out;
  }

  /**
   * Records a run's outcomes in {@code gold.checks} (nothing when there are none), in place of
   * any the run recorded before for the same tables; what it recorded of other tables (the raw
   * checks of its cleaned step, when this is its gold build) is kept.
   */
  public static void record(TableStore store, String runId, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    // This run's earlier outcomes (tens of rows) through Kernel: a Spark query here cost a
    // snapshot of the table and three jobs, twice a run.
    java.util.Set<String> tables = new java.util.HashSet<>();
    outcomes.forEach(o -> tables.add(o.table().qualifiedName()));
    for (Map<String, Object> r : store.smallRows(Table.GOLD_CHECKS, "run_id", runId)) {
      if (!tables.contains((String) r.get("table_name"))) {
        rows.add(TableStore.rowOf(r, schema()));
      }
    }
    for (Outcome o : outcomes) {
      rows.add(RowFactory.create(runId, now, o.table().qualifiedName(), o.version(),
          o.check().name(), o.check().severity().name().toLowerCase(Locale.ROOT),
          o.check().description(), o.failingRows(), o.passed()));
    }
    store.replaceSlices(Table.GOLD_CHECKS, store.spark().createDataFrame(rows, schema()),
        List.of(runId));
  }

  /**
   * Fails when an error check failed: what it checked must not be published.
   *
   * @param what what is not published, e.g. "the gold build"
   */
  public static void enforce(List<Outcome> outcomes, String what) {
    List<Outcome> errors = outcomes.stream().filter(Outcome::isError).toList();
    if (!errors.isEmpty()) {
      throw new ChecksFailed("Cannot publish " + what + ": "
          + (errors.size() == 1 ? "a check fails" : errors.size() + " checks fail") + " — "
          + String.join("; ", errors.stream().map(Outcome::line).toList())
          + ". Readers keep the last published build; every outcome is in "
          + Table.GOLD_CHECKS.qualifiedName());
    }
  }

  /** An error check failed: nothing built from the table is published. */
  public static final class ChecksFailed extends RuntimeException {
    public ChecksFailed(String message) {
      super(message);
    }
  }
}
