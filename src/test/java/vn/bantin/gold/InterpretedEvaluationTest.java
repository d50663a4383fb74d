package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;
import vn.bantin.spark.Evaluation;

/**
 * Small work runs with Spark's interpreted expression evaluation ({@link Evaluation}): the
 * switches are set for the scope only and put back, and the figures do not depend on it.
 */
class InterpretedEvaluationTest {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void aScopeSetsBothSwitchesAndPutsThemBackNestedOrNot() {
    assertNull(spark.conf().get(FACTORY_MODE, null));
    try (Evaluation outer = Evaluation.interpreted(spark)) {
      assertTrue(outer.isInterpreted());
      assertEquals("false", spark.conf().get(WHOLE_STAGE));
      assertEquals("NO_CODEGEN", spark.conf().get(FACTORY_MODE));
      try (Evaluation inner = Evaluation.interpreted(spark)) {
        assertTrue(inner.isInterpreted());
      }
      assertEquals("NO_CODEGEN", spark.conf().get(FACTORY_MODE), "the outer scope holds");
    }
    assertNull(spark.conf().get(FACTORY_MODE, null));
    assertEquals("true", spark.conf().get(WHOLE_STAGE));
  }

  @Test
  void onlySmallWorkIsInterpreted() {
    try (Evaluation big = Evaluation.interpretedIfSmall(spark, Evaluation.SMALL_BYTES + 1)) {
      assertFalse(big.isInterpreted());
      assertNull(spark.conf().get(FACTORY_MODE, null));
    }
    try (Evaluation small = Evaluation.interpretedIfSmall(spark, Evaluation.SMALL_BYTES)) {
      assertTrue(small.isInterpreted());
    }
    spark.conf().set(Evaluation.SMALL_BYTES_SETTING, "0");
    try (Evaluation tiny = Evaluation.interpretedIfSmall(spark, 1)) {
      assertFalse(tiny.isInterpreted(), "the setting moves the limit");
    } finally {
      spark.conf().unset(Evaluation.SMALL_BYTES_SETTING);
    }
  }

  /**
   * Large work is compiled, and so are projections over local rows: the optimizer rule that
   * would compute them interpreted while planning is left out for the scope, beside any the
   * session already leaves out, and put back after.
   */
  @Test
  void largeWorkIsCompiledWithTheLocalRowsRuleLeftOutForTheScope() {
    String rules = "spark.sql.optimizer.excludedRules";
    String localRows = "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation";
    try (Evaluation small = Evaluation.interpretedIf(spark, true)) {
      assertTrue(small.isInterpreted());
      assertNull(spark.conf().get(rules, null), "interpreted: the rule stays");
    }
    try (Evaluation large = Evaluation.interpretedIf(spark, false)) {
      assertFalse(large.isInterpreted());
      assertNull(spark.conf().get(FACTORY_MODE, null));
      assertEquals(localRows, spark.conf().get(rules));
      // A local relation's projection is planned as a task, not computed by the optimizer.
      Dataset<Row> local = spark.createDataFrame(List.of(
          org.apache.spark.sql.RowFactory.create(1L)), new org.apache.spark.sql.types
              .StructType().add("x", org.apache.spark.sql.types.DataTypes.LongType));
      assertFalse(local.selectExpr("x + 1 AS y").queryExecution().optimizedPlan()
          instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation);
    }
    assertNull(spark.conf().get(rules, null), "put back");
    String other = "org.apache.spark.sql.catalyst.optimizer.CombineUnions";
    spark.conf().set(rules, other);
    try (Evaluation large = Evaluation.interpretedIf(spark, false)) {
      assertEquals(other + "," + localRows, spark.conf().get(rules));
    } finally {
      assertEquals(other, spark.conf().get(rules));
      spark.conf().unset(rules);
    }
  }

  /** The four period tables of the same dossiers, compiled and interpreted, row for row. */
  @Test
  void thePeriodTablesAreTheSameInterpretedAndCompiled() {
    Dossiers d = new Dossiers();
    d.version("1.000001", "4", true, "2020-01-01", null);
    d.dossier("on-time").accepted("20210115080000").due("20210201080000")
        .resolved("20210130080000").add();
    d.dossier("late").accepted("20210201080000").due("20210210080000")
        .resolved("20210310080000").add();
    d.dossier("supplemented").accepted("20210301080000").due("20210320080000")
        .supplement("20210305080000", "20210310080000", "20210320080000", "20210325080000")
        .add();
    d.dossier("returned").accepted("20210401080000").channel(3).status(10)
        .resultType("TRA_LAI").ended("20210402080000").add();
    d.dossier("open").department("DEPT-B").procedure("1.000002")
        .accepted("20211231235959").due("20220105080000").add();
    d.ballot("b1", "20210401000000", 1, 2);
    GoldBuild.Tables4 compiledTables = d.compute(spark);
    assertTrue(codegenStages(compiledTables) > 0, "compiled: whole-stage code in the plan");
    List<List<Row>> compiled = tables(compiledTables);
    try (Evaluation e = Evaluation.interpretedIf(spark, false)) {
      assertEquals(compiled, tables(d.compute(spark)), "local rows projected in tasks");
    }
    List<List<Row>> interpreted;
    try (Evaluation e = Evaluation.interpreted(spark)) {
      GoldBuild.Tables4 interpretedTables = d.compute(spark);
      assertEquals(0, codegenStages(interpretedTables), "interpreted: no generated code");
      interpreted = tables(interpretedTables);
    }
    assertTrue(compiled.get(0).size() > 12, "months, quarters and a year of rows");
    assertEquals(compiled, interpreted);
  }

  /** The whole-stage-codegen stages ({@code *(n)}) in the bulletin's final physical plan. */
  private static int codegenStages(GoldBuild.Tables4 t) {
    t.bulletin().collectAsList(); // the adaptive plan is final once it has run
    String plan = t.bulletin().queryExecution().executedPlan().toString();
    return plan.split("\\*\\(\\d+\\)", -1).length - 1;
  }

  private static List<List<Row>> tables(GoldBuild.Tables4 t) {
    List<List<Row>> out = List.of(sorted(t.bulletin()), sorted(t.departments()),
        sorted(t.sectors()), sorted(t.procedures()));
    t.cached().forEach(Dataset::unpersist);
    return out;
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy(rows.columns()[0], java.util.Arrays.copyOfRange(rows.columns(), 1,
        rows.columns().length)).collectAsList();
  }
}
