package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/**
 * Each figure of metrics.md on tiny inline dossiers, with the JVM and the Spark session in UTC:
 * the figures must follow Vietnam local calendar dates.
 */
class BulletinFiguresTest {
  private final SparkSession spark = SparkTestSession.get();

  /** The non-zero figures of the publisher for a period, as a sorted map. */
  private static Map<String, Long> figures(GoldBuild.Tables4 t, String period) {
    List<Row> rows = t.bulletin().filter("publisher_code = '" + Dossiers.CENTRE
        + "' AND period = '" + period + "'").collectAsList();
    assertEquals(1, rows.size(), "rows for " + period);
    Map<String, Long> out = new TreeMap<>();
    for (String f : GoldBuild.FIGURES) {
      long v = rows.get(0).<Long>getAs(f);
      if (v != 0) {
        out.put(f, v);
      }
    }
    return out;
  }

  private static Map<String, Long> m(Object... kv) {
    Map<String, Long> out = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return out;
  }

  @Test
  void acceptanceOnAMonthsLastSecondBelongsToThatMonthInLocalTime() {
    Dossiers d = new Dossiers();
    d.dossier("last-second").accepted("20210430235959").due("20210505170000")
        .resolved("20210503100000").add();
    d.dossier("first-second").accepted("20210501000000").due("20210505170000")
        .resolved("20210503100000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(m("received_new", 1, "total", 1, "pending", 1, "pending_not_due", 1),
        figures(t, "2021-04"));
    assertEquals(m("carried_over", 1, "received_new", 1, "total", 2, "resolved", 2,
        "resolved_early", 2), figures(t, "2021-05"));
  }

  @Test
  void resolvedBeforeOnAndAfterTheDueDateByCalendarDate() {
    Dossiers d = new Dossiers();
    // Early: ended the day before the due date, late in the evening.
    d.dossier("early").accepted("20210401080000").due("20210410080000")
        .resolved("20210409235959").add();
    // On time: ended on the due date, hours after the due time.
    d.dossier("on-due-date").accepted("20210401080000").due("20210410080000")
        .resolved("20210410235959").add();
    d.dossier("no-due-date").accepted("20210401080000").resolved("20210420100000").add();
    d.dossier("late").accepted("20210401080000").due("20210410170000")
        .resolved("20210411000000").add();
    assertEquals(m("received_new", 4, "total", 4, "resolved", 4, "resolved_early", 1,
        "resolved_on_time", 2, "resolved_late", 1), figures(d.compute(spark), "2021-04"));
  }

  @Test
  void returnedAndWithdrawnAreOneFigureAndNotResolved() {
    Dossiers d = new Dossiers();
    d.dossier("returned").accepted("20210401080000").due("20210410080000").status(10)
        .resultType("TRA_LAI").ended("20210405100000").add();
    d.dossier("withdrawn-by-type").accepted("20210401080000").status(10).resultType("XIN_RUT")
        .ended("20210405100000").add();
    d.dossier("withdrawn-status-7").accepted("20210401080000").status(7)
        .ended("20210406100000").add();
    // A result type ends a dossier whatever its status says.
    d.dossier("returned-status-4").accepted("20210401080000").status(4).resultType("TRA_LAI")
        .ended("20210407100000").add();
    assertEquals(m("received_new", 4, "total", 4, "returned", 4),
        figures(d.compute(spark), "2021-04"));
  }

  @Test
  void statusesOneAndThreeAndUnacceptedDossiersAreNeverCounted() {
    Dossiers d = new Dossiers();
    d.dossier("submitted").status(1).add();
    d.dossier("refused").accepted("20210402080000").status(3).add();
    d.dossier("counted").accepted("20210402080000").add();
    assertEquals(m("received_new", 1, "total", 1, "pending", 1, "pending_not_due", 1),
        figures(d.compute(spark), "2021-04"));
  }

  @Test
  void aSupplementPauseSpanningTheMonthEndIsAwaitingAtTheEndAndNotAfterItIsReceived() {
    Dossiers d = new Dossiers();
    d.dossier("paused").accepted("20210420080000").due("20210520080000")
        .supplement("20210428090000", "20210503090000", "20210430080000", "20210520080000")
        .resolved("20210510100000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(m("received_new", 1, "total", 1, "pending", 1,
        "pending_awaiting_supplement", 1), figures(t, "2021-04"));
    assertEquals(m("carried_over", 1, "total", 1, "resolved", 1, "resolved_early", 1),
        figures(t, "2021-05"));
  }

  @Test
  void aDueDateMovedByALaterSupplementDoesNotApplyBeforeTheRequest() {
    Dossiers d = new Dossiers();
    // Due 20 April; at 30 April it is overdue. The supplement requested on 5 May moved the due
    // date to 25 May, which must not rescue April.
    d.dossier("moved-later").accepted("20210410080000").due("20210525080000")
        .supplement("20210505090000", "20210510090000", "20210420080000", "20210525080000")
        .resolved("20210524100000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(m("received_new", 1, "total", 1, "pending", 1, "pending_overdue", 1),
        figures(t, "2021-04"));
    assertEquals(m("carried_over", 1, "total", 1, "resolved", 1, "resolved_early", 1),
        figures(t, "2021-05"));
  }

  @Test
  void twoSupplementRequestsTheEarliestAfterTheDayDecidesTheDueDate() {
    Dossiers d = new Dossiers();
    // Requests on 10 March (received 15 March) and 5 April (received 10 May). At the end of
    // March the due date in force is the one before the April request: 28 March → overdue.
    // At the end of April the April request is still awaited.
    d.dossier("two").accepted("20210301080000").due("20210630080000")
        .supplement("20210310080000", "20210315080000", "20210320080000", "20210328080000")
        .supplement("20210405080000", "20210510080000", "20210328080000", "20210630080000")
        .add();
    // Months exist up to the last one with activity: a dossier received and resolved in May.
    d.dossier("may").accepted("20210531080000").resolved("20210531090000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(m("received_new", 1, "total", 1, "pending", 1, "pending_overdue", 1),
        figures(t, "2021-03"));
    assertEquals(m("carried_over", 1, "total", 1, "pending", 1,
        "pending_awaiting_supplement", 1), figures(t, "2021-04"));
    assertEquals(m("carried_over", 1, "received_new", 1, "total", 2, "resolved", 1,
        "resolved_on_time", 1, "pending", 1, "pending_not_due", 1), figures(t, "2021-05"));
  }

  @Test
  void theProcedureVersionValidOnAcceptanceDecidesOnlineLevelAndFiveOnSpot() {
    Dossiers d = new Dossiers();
    d.version("1.000001", "2", false, "2020-01-01", "2021-04-14");
    d.version("1.000001", "4", true, "2021-04-15", null);
    // The local form of the code joins the same catalogue entry.
    d.dossier("before-change").accepted("20210414235959").due("20210420080000")
        .resolved("20210419100000").channel(2).add();
    d.dossier("after-change").accepted("20210415000000").due("20210420080000")
        .procedure("1.000001.000.00.00.H54").resolved("20210420100000").channel(2).add();
    d.dossier("no-version").accepted("20210415000000").procedure("9.999999")
        .resolved("20210420100000").channel(3).add();
    Map<String, Long> april = figures(d.compute(spark), "2021-04");
    assertEquals(m("received_new", 3, "total", 3, "resolved", 3, "resolved_early", 1,
        "resolved_on_time", 2, "postal", 1, "online_l34_resolved", 1,
        "online_l34_received_online", 1, "online_l34_on_time", 1, "five_on_spot_resolved", 1,
        "five_on_spot_on_time", 1), april);
  }

  @Test
  void onlineLevelAndFiveOnSpotSplitResolvedDossiersByTiming() {
    Dossiers d = new Dossiers();
    d.version("1.000003", "TOAN_TRINH", true, "2021-01-01", null);
    d.version("1.000004", "MOT_PHAN", false, "2021-01-01", null);
    d.dossier("l34-five-early").procedure("1.000003").accepted("20210401080000")
        .due("20210410080000").resolved("20210405080000").channel(2).add();
    d.dossier("l34-five-late").procedure("1.000003").accepted("20210401080000")
        .due("20210410080000").resolved("20210412080000").channel(1).add();
    d.dossier("l34-early").procedure("1.000004").accepted("20210401080000")
        .due("20210410080000").resolved("20210402080000").channel(2).add();
    // Returned dossiers of a level-4 procedure are not resolved ones.
    d.dossier("l34-returned").procedure("1.000003").accepted("20210401080000").status(10)
        .resultType("TRA_LAI").ended("20210402080000").channel(2).add();
    assertEquals(m("received_new", 4, "total", 4, "resolved", 3, "resolved_early", 2,
        "resolved_late", 1, "returned", 1, "online_l34_resolved", 3,
        "online_l34_received_online", 2, "online_l34_early", 2, "online_l34_late", 1,
        "five_on_spot_resolved", 2, "five_on_spot_early", 1, "five_on_spot_late", 1),
        figures(d.compute(spark), "2021-04"));
  }

  @Test
  void postalCountsCounterDossiersDeliveredByPost() {
    Dossiers d = new Dossiers();
    d.dossier("filed-by-post").accepted("20210401080000").channel(3).delivery(0)
        .resolved("20210402080000").add();
    d.dossier("delivered-by-post").accepted("20210401080000").channel(1).delivery(1)
        .resolved("20210402080000").add();
    d.dossier("counter").accepted("20210401080000").channel(1).delivery(0)
        .resolved("20210402080000").add();
    d.dossier("returned-by-post").accepted("20210401080000").channel(3).status(10)
        .resultType("TRA_LAI").ended("20210402080000").add();
    assertEquals(m("received_new", 4, "total", 4, "resolved", 3, "resolved_on_time", 3,
        "postal", 2, "returned", 1), figures(d.compute(spark), "2021-04"));
  }

  @Test
  void surveyCountsBallotsByLocalDateAndAnswer() {
    Dossiers d = new Dossiers();
    d.dossier("x").accepted("20210401080000").add();
    d.ballot("b1", "20210401000000", 1, 1);
    d.ballot("b2", "20210430235959", 1, 2);
    d.ballot("b3", "20210415120000", 2, 3);
    d.ballot("b4", "20210501000000", 4, 4);
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(m("received_new", 1, "total", 1, "pending", 1, "pending_not_due", 1,
        "survey_ballots", 3, "survey_attitude_1", 2, "survey_attitude_2", 1,
        "survey_overall_1", 1, "survey_overall_2", 1, "survey_overall_3", 1),
        figures(t, "2021-04"));
  }

  @Test
  void quartersAndYearsTakeStocksAtTheirEdgesAndSumFlows() {
    Dossiers d = new Dossiers();
    d.dossier("jan-to-may").accepted("20210115080000").due("20210601080000")
        .resolved("20210510080000").add();
    d.dossier("feb").accepted("20210210080000").due("20210301080000")
        .resolved("20210215080000").add();
    d.dossier("mar-open").accepted("20210320080000").due("20210401080000").add();
    d.dossier("dec").accepted("20211201080000").due("20211210080000")
        .resolved("20211205080000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    // At 31 March both open dossiers are due later (1 June, 1 April).
    assertEquals(m("received_new", 3, "total", 3, "resolved", 1, "resolved_early", 1,
        "pending", 2, "pending_not_due", 2), figures(t, "2021-Q1"));
    assertEquals(m("carried_over", 2, "total", 2, "resolved", 1, "resolved_early", 1,
        "pending", 1, "pending_overdue", 1), figures(t, "2021-Q2"));
    assertEquals(m("received_new", 4, "total", 4, "resolved", 3, "resolved_early", 3,
        "pending", 1, "pending_overdue", 1), figures(t, "2021"));
    assertEquals(0, t.bulletin().filter("period = '2022'").count());
  }

  @Test
  void everyMonthBetweenTheFirstAndTheLastExistsEvenWithoutActivity() {
    Dossiers d = new Dossiers();
    d.dossier("jan").accepted("20210110080000").resolved("20210111080000").add();
    d.dossier("apr").accepted("20210410080000").resolved("20210411080000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertEquals(List.of("2021-01", "2021-02", "2021-03", "2021-04"), months(t));
    assertEquals(Map.of(), figures(t, "2021-02"));
  }

  /**
   * metrics.md, "Which periods exist": a ballot opens and extends a publisher's months on its
   * own, while a dossier still open later does not extend them.
   */
  @Test
  void ballotsOpenAndExtendThePublishersMonthsAnOpenDossierAloneDoesNot() {
    Dossiers alone = new Dossiers();
    alone.dossier("open").accepted("20210310080000").due("20211231080000").add();
    assertEquals(List.of("2021-03"), months(alone.compute(spark)));

    Dossiers withBallots = new Dossiers();
    withBallots.dossier("open").accepted("20210310080000").due("20211231080000").add();
    withBallots.ballot("before", "20210131235959", 1, 1);
    withBallots.ballot("after", "20210615080000", 2, 2);
    GoldBuild.Tables4 t = withBallots.compute(spark);
    assertEquals(List.of("2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"),
        months(t));
    assertEquals(m("survey_ballots", 1, "survey_attitude_1", 1, "survey_overall_1", 1),
        figures(t, "2021-01"));
    assertEquals(m("carried_over", 1, "total", 1, "pending", 1, "pending_not_due", 1,
        "survey_ballots", 1, "survey_attitude_2", 1, "survey_overall_2", 1),
        figures(t, "2021-06"));
  }

  private static List<String> months(GoldBuild.Tables4 t) {
    return t.bulletin().filter("period_kind = 'month'").orderBy("period").select("period")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void departmentsFallBackToTheProcedureVersionAndSumToThePublisher() {
    Dossiers d = new Dossiers();
    d.version("1.000002", "3", false, null, null);
    // A local form of a procedure code is the same procedure unit.
    d.dossier("own").accepted("20210401080000").department("DEPT-B")
        .procedure("1.000001.000.00.00.H54").add();
    d.dossier("from-catalogue").accepted("20210401080000").procedure("1.000002")
        .department(null).add();
    d.dossier("nowhere").accepted("20210401080000").procedure("7.7").department(null).add();
    GoldBuild.Tables4 t = d.compute(spark);
    Map<String, Long> received = new LinkedHashMap<>();
    for (Row r : t.departments().filter("period = '2021-04'").orderBy("unit_code")
        .collectAsList()) {
      received.put(String.valueOf(r.<String>getAs("unit_code")), r.getAs("received_new"));
    }
    assertEquals(Map.of("null", 1L, "DEPT-A", 1L, "DEPT-B", 1L), received);
    assertTrue(GoldBuild.check(t).checks() > 0);
    Map<String, Long> byProcedure = new LinkedHashMap<>();
    for (Row r : t.procedures().filter("period = '2021-04'").collectAsList()) {
      byProcedure.put(r.getAs("unit_code"), r.getAs("received_new"));
    }
    assertEquals(Map.of("1.000001", 1L, "1.000002", 1L, "7.7", 1L), byProcedure);
  }

  @Test
  void identitiesHoldAndABrokenOneIsReportedWithBothSides() {
    Dossiers d = new Dossiers();
    d.dossier("a").accepted("20210401080000").due("20210410080000").resolved("20210405080000")
        .add();
    d.dossier("b").accepted("20210401080000").due("20210402080000").add();
    GoldBuild.Tables4 t = d.compute(spark);
    assertTrue(GoldBuild.check(t).checks() > 0);
    Dataset<Row> broken = t.bulletin().withColumn("resolved_late",
        org.apache.spark.sql.functions.expr(
            "CASE WHEN period = '2021-04' THEN resolved_late + 1 ELSE resolved_late END"));
    IdentityViolation e = org.junit.jupiter.api.Assertions.assertThrows(IdentityViolation.class,
        () -> Identities.check("gold.bulletin", broken, true, false));
    assertTrue(e.getMessage().contains(
        "000.00.54.H54 2021-04: resolved = early + on time + late — 1 ≠ 2"), e.getMessage());
  }
}
