package vn.bantin.spark;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * How Spark evaluates the expressions of the work done while this is open: interpreted, or
 * (Spark's default) compiled to Java code first.
 *
 * <p>Why: compiling pays off over millions of rows, but a run over a small input compiles far
 * more code than it runs. Profiled on {@code data-samples/} (25,651 records, ~400 queries), a
 * third of the run's CPU went to generating and compiling code with Janino; evaluated
 * interpreted, the same run took 67 s instead of 85 s and the monthly run of a small
 * workload 79 s instead of 102 s, with the same figures (docs/benchmarks.md, session 13).
 * So work whose rows are few whatever the history (the period tables of months × units) runs
 * interpreted, and so does a whole run over a small warehouse ({@link #SMALL_BYTES}).
 *
 * <p>Both switches are session settings, read when a query is planned and carried to its
 * tasks: open one around whole phases, not around one of several queries running side by
 * side. A value the user set (with {@code --conf}) is never changed.
 */
public final class Evaluation implements AutoCloseable {
  /** Whole-stage code generation (one compiled class per stage). */
  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  /**
   * How Spark makes each projection, ordering and predicate: {@code NO_CODEGEN} interprets.
   * An internal setting, the one Spark's own tests use to run every expression both ways.
   */
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  /**
   * A run over at most this many bytes (the input folder and the warehouse together) runs
   * interpreted from end to end: data-samples/ is 3 MB and its warehouse 7 MB; one year of a
   * province is 1 GB of extracts.
   */
  public static final long SMALL_BYTES = 64L << 20;

  /** The optimizer rules left out ({@code spark.sql.optimizer.excludedRules}). */
  static final String EXCLUDED_RULES = "spark.sql.optimizer.excludedRules";
  /**
   * The optimizer rule that computes a projection or filter over local rows while planning,
   * always interpreted, with a cost per row that grows with the square of its columns.
   */
  static final String LOCAL_ROWS_RULE =
      "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation";

  private final RuntimeConfig conf;
  private final String wholeStageBefore;
  private final String factoryModeBefore;
  private final String excludedRulesBefore;
  private final boolean changed;
  private final boolean localRowsCompiled;

  private Evaluation(SparkSession spark, boolean interpret, boolean compileLocalRows) {
    this.conf = spark.conf();
    this.wholeStageBefore = conf.get(WHOLE_STAGE, null);
    this.factoryModeBefore = conf.get(FACTORY_MODE, null);
    this.excludedRulesBefore = conf.get(EXCLUDED_RULES, null);
    this.changed = interpret && !userSet(spark);
    if (changed) {
      conf.set(WHOLE_STAGE, "false");
      conf.set(FACTORY_MODE, "NO_CODEGEN");
    }
    this.localRowsCompiled = !interpret && compileLocalRows
        && !spark.sparkContext().getConf().contains(EXCLUDED_RULES);
    if (localRowsCompiled) {
      conf.set(EXCLUDED_RULES, excludedRulesBefore == null || excludedRulesBefore.isBlank()
          ? LOCAL_ROWS_RULE : excludedRulesBefore + "," + LOCAL_ROWS_RULE);
    }
  }

  /** Interpreted evaluation until closed (unless the user set either switch). */
  public static Evaluation interpreted(SparkSession spark) {
    return new Evaluation(spark, true, false);
  }

  /**
   * Until closed, interpreted evaluation when {@code interpret} (and the user set neither
   * switch); otherwise compiled, and so are the projections and filters over local rows, which
   * the optimizer would compute interpreted while planning: on a decade's period tables
   * (68,000 month-fact rows, held as local rows, 30-odd columns) that was a sixth of their
   * time (docs/benchmarks.md, session 24). A user's own list of excluded rules is kept.
   */
  public static Evaluation interpretedIf(SparkSession spark, boolean interpret) {
    return new Evaluation(spark, interpret, true);
  }

  /**
   * The setting that moves {@link #SMALL_BYTES} ({@code --conf
   * spark.bantin.interpretBelowBytes=0}: every run compiles, but for the steps opened with
   * {@link #interpreted}, whose rows are few whatever the input).
   */
  public static final String SMALL_BYTES_SETTING = "spark.bantin.interpretBelowBytes";

  /**
   * Interpreted evaluation until closed when the work is over at most {@link #SMALL_BYTES}
   * (or what {@link #SMALL_BYTES_SETTING} says).
   */
  public static Evaluation interpretedIfSmall(SparkSession spark, long bytes) {
    long small = Long.parseLong(spark.conf().get(SMALL_BYTES_SETTING,
        String.valueOf(SMALL_BYTES)));
    return new Evaluation(spark, bytes <= small, false);
  }

  /** Whether this scope switched evaluation to interpreted. */
  public boolean isInterpreted() {
    return changed;
  }

  /** Whether the user gave either switch when the session started ({@code --conf}). */
  private static boolean userSet(SparkSession spark) {
    var given = spark.sparkContext().getConf();
    return given.contains(WHOLE_STAGE) || given.contains(FACTORY_MODE);
  }

  /** Puts every setting changed back as it was when this was opened. */
  @Override
  public void close() {
    if (localRowsCompiled) {
      restore(EXCLUDED_RULES, excludedRulesBefore);
    }
    if (!changed) {
      return;
    }
    restore(WHOLE_STAGE, wholeStageBefore);
    restore(FACTORY_MODE, factoryModeBefore);
  }

  private void restore(String key, String value) {
    if (value == null) {
      conf.unset(key);
    } else {
      conf.set(key, value);
    }
  }
}
