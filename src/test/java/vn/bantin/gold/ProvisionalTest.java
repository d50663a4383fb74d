package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;
import vn.bantin.raw.RawColumns;

/** Which periods are provisional, at the edges of the rule: a full day after the period ends. */
class ProvisionalTest {
  private static final LocalDate MAY_END = LocalDate.of(2021, 5, 31);

  /** May 2021 alone, flagged against one extract time: the Spark column the build writes. */
  private static boolean mayIsProvisional(LocalDateTime asOf) {
    var spark = SparkTestSession.get();
    StructType schema = new StructType().add(PeriodRollup.PERIOD_KIND, DataTypes.StringType)
        .add(PeriodRollup.PERIOD_END, DataTypes.DateType);
    Row r = Provisional.addTo(spark.createDataFrame(
        List.of(RowFactory.create("month", MAY_END)), schema), asOf).first();
    boolean flag = r.getAs(Provisional.PROVISIONAL);
    // The time is on provisional rows only: a final row never changes with a later extract.
    assertEquals(flag ? asOf : null, r.getAs(Provisional.DATA_AS_OF));
    return flag;
  }

  @Test
  void aMonthIsFinalOnceTheDataIsAFullDayPastItsEnd() {
    // Taken before the month ended, at its very end, at the turn, and during the next day.
    assertTrue(mayIsProvisional(LocalDateTime.of(2021, 5, 20, 9, 0)));
    assertTrue(mayIsProvisional(LocalDateTime.of(2021, 5, 31, 23, 59, 59)));
    assertTrue(mayIsProvisional(LocalDateTime.of(2021, 6, 1, 0, 0)));
    assertTrue(mayIsProvisional(LocalDateTime.of(2021, 6, 1, 1, 30)));
    assertTrue(mayIsProvisional(LocalDateTime.of(2021, 6, 1, 23, 59, 59)));
    // From the second day of the next month on, final.
    assertFalse(mayIsProvisional(LocalDateTime.of(2021, 6, 2, 0, 0)));
    assertFalse(mayIsProvisional(LocalDateTime.of(2022, 1, 1, 0, 0)));
    // No dossier extract at all: nothing to be provisional about.
    assertFalse(mayIsProvisional(null));
  }

  @Test
  void periodRowsCarryTheFlagTheRuleGives() {
    var spark = SparkTestSession.get();
    StructType schema = new StructType()
        .add("period", DataTypes.StringType).add(PeriodRollup.PERIOD_KIND, DataTypes.StringType)
        .add(PeriodRollup.PERIOD_END, DataTypes.DateType);
    Dataset<Row> periods = spark.createDataFrame(List.of(
        RowFactory.create("2021-04", "month", LocalDate.of(2021, 4, 30)),
        RowFactory.create("2021-05", "month", MAY_END),
        RowFactory.create("2021-06", "month", LocalDate.of(2021, 6, 30)),
        RowFactory.create("2021-Q2", "quarter", LocalDate.of(2021, 6, 30)),
        RowFactory.create("2021", "year", LocalDate.of(2021, 12, 31))), schema);
    LocalDateTime asOf = LocalDateTime.of(2021, 6, 1, 1, 30);
    Map<String, Boolean> flags = new TreeMap<>();
    for (Row r : Provisional.addTo(periods, asOf).collectAsList()) {
      boolean flag = r.getAs(Provisional.PROVISIONAL);
      // The time is on provisional rows only: a final row never changes with a later extract.
      assertEquals(flag ? asOf : null, r.getAs(Provisional.DATA_AS_OF));
      flags.put(r.getAs("period"), flag);
    }
    assertEquals(Map.of("2021", true, "2021-04", false, "2021-05", true, "2021-06", true,
        "2021-Q2", true), flags);

    // No dossier extract: no time, nothing provisional.
    for (Row r : Provisional.addTo(periods, null).collectAsList()) {
      assertNull(r.getAs(Provisional.DATA_AS_OF));
      assertFalse((Boolean) r.getAs(Provisional.PROVISIONAL));
    }
  }

  @Test
  void theDataIsAsOfTheNewestExtractOfTheDossiersStates() {
    var spark = SparkTestSession.get();
    StructType schema = new StructType().add("dossier_id", DataTypes.StringType)
        .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType);
    LocalDateTime newest = LocalDateTime.of(2021, 6, 1, 1, 30);
    assertEquals(newest, Provisional.dataAsOf(spark.createDataFrame(List.of(
        RowFactory.create("a", LocalDateTime.of(2021, 4, 1, 1, 30)),
        RowFactory.create("b", newest),
        RowFactory.create("c", LocalDateTime.of(2021, 5, 5, 12, 0))), schema)));
    assertNull(Provisional.dataAsOf(spark.createDataFrame(List.of(), schema)));
  }

  /**
   * The newest extract time read from the dossiers at or after a time near it (the largest in
   * the file statistics) is the newest whatever that time: below it, at it, or above every
   * dossier (a deleted row's statistic), when every dossier is read.
   */
  @Test
  void theDataAsOfDoesNotDependOnTheTimeTheReadStartsFrom() {
    var spark = SparkTestSession.get();
    StructType schema = new StructType().add("dossier_id", DataTypes.StringType)
        .add(RawColumns.EXTRACT_AT, DataTypes.TimestampNTZType);
    LocalDateTime newest = LocalDateTime.of(2021, 6, 1, 1, 30, 0, 250_000);
    Dataset<Row> dossiers = spark.createDataFrame(List.of(
        RowFactory.create("a", LocalDateTime.of(2021, 4, 1, 1, 30)),
        RowFactory.create("b", newest),
        RowFactory.create("c", LocalDateTime.of(2021, 5, 5, 12, 0))), schema);
    for (LocalDateTime near : List.of(LocalDateTime.of(2021, 5, 1, 0, 0),
        LocalDateTime.of(2021, 6, 1, 1, 30), newest, LocalDateTime.of(2021, 7, 1, 1, 30))) {
      assertEquals(newest, Provisional.dataAsOf(dossiers, java.util.Optional.of(near)), near
          .toString());
    }
    assertEquals(newest, Provisional.dataAsOf(dossiers, java.util.Optional.empty()));
    assertNull(Provisional.dataAsOf(spark.createDataFrame(List.of(), schema),
        java.util.Optional.of(newest)));
  }

  @Test
  void aTimestampIsReadAsTheLogWritesIt() {
    assertEquals(java.util.Optional.of(LocalDateTime.of(2026, 1, 1, 1, 30, 0, 123_000_000)),
        Provisional.loggedTimestamp("2026-01-01T01:30:00.123"));
    assertEquals(java.util.Optional.empty(),
        Provisional.loggedTimestamp("2026-01-01T01:30:00.000+07:00"));
  }

  @Test
  void monthsPublishedProvisionalAreTheOnesABuildRecomputes() {
    var spark = SparkTestSession.get();
    StructType schema = new StructType().add(CountedDossiers.PUBLISHER, DataTypes.StringType)
        .add(PeriodRollup.PERIOD_KIND, DataTypes.StringType)
        .add(PeriodRollup.PERIOD_START, DataTypes.DateType)
        .add(Provisional.PROVISIONAL, DataTypes.BooleanType);
    List<Row> months = Provisional.publishedMonths(spark.createDataFrame(List.of(
        RowFactory.create("P", "month", LocalDate.of(2021, 4, 1), false),
        RowFactory.create("P", "month", LocalDate.of(2021, 5, 1), true),
        RowFactory.create("P", "quarter", LocalDate.of(2021, 4, 1), true),
        RowFactory.create("Q", "month", LocalDate.of(2021, 5, 1), true)), schema))
        .orderBy(CountedDossiers.PUBLISHER).collectAsList();
    assertEquals(List.of(RowFactory.create("P", LocalDate.of(2021, 5, 1)),
        RowFactory.create("Q", LocalDate.of(2021, 5, 1))), months);
  }
}
