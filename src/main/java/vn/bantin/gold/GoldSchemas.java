package vn.bantin.gold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.metrics.Figure;
import vn.bantin.metrics.Share;
import vn.bantin.metrics.Measure;

/** The declared schemas of the gold tables, from the one figure vocabulary. */
public final class GoldSchemas {
  private GoldSchemas() {}

  public static StructType monthFacts() {
    StructType s = new StructType()
        .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false)
        .add(CountedDossiers.DEPARTMENT, DataTypes.StringType, true)
        .add(CountedDossiers.SECTOR, DataTypes.StringType, true)
        .add(CountedDossiers.PROCEDURE, DataTypes.StringType, true)
        .add(MonthFacts.MONTH, DataTypes.DateType, false);
    for (Measure m : Measure.values()) {
      s = s.add(m.column(), DataTypes.LongType, false);
    }
    return s;
  }

  static Column[] monthFactsColumns() {
    return Arrays.stream(monthFacts().fieldNames()).map(functions::col).toArray(Column[]::new);
  }

  private static StructType periods(StructType keys) {
    return keys
        .add(PeriodRollup.PERIOD, DataTypes.StringType, false)
        .add(PeriodRollup.PERIOD_KIND, DataTypes.StringType, false)
        .add(PeriodRollup.PERIOD_START, DataTypes.DateType, false)
        .add(PeriodRollup.PERIOD_END, DataTypes.DateType, false);
  }

  private static StructType figuresAndShares(StructType s, boolean withSurvey) {
    for (Figure f : Figure.values()) {
      if (withSurvey || !f.isSurvey()) {
        s = s.add(f.key(), DataTypes.LongType, false);
      }
    }
    s = s.add(Measure.WITHOUT_VERSION, DataTypes.LongType, false)
        .add(PrintedShares.PERCENT_STYLE, DataTypes.StringType, false);
    List<Share> shares = new ArrayList<>();
    for (Share sh : Share.values()) {
      if (withSurvey || !sh.numerator().isSurvey()) {
        shares.add(sh);
      }
    }
    for (Share sh : shares) {
      s = s.add("share_" + sh.key(), DataTypes.createDecimalType(10, Share.EXACT_SCALE), true);
    }
    for (Share sh : shares) {
      s = s.add("printed_" + sh.key(), DataTypes.StringType, true);
    }
    return s;
  }

  public static StructType bulletin() {
    return figuresAndShares(periods(new StructType()
        .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false)), true)
        .add(Provisional.DATA_AS_OF, DataTypes.TimestampNTZType, true)
        .add(Provisional.PROVISIONAL, DataTypes.BooleanType, false);
  }

  public static StructType units() {
    return figuresAndShares(periods(new StructType()
        .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false)
        .add(MonthlyFigures.UNIT_CODE, DataTypes.StringType, true)
        .add(UnitNames.UNIT_NAME, DataTypes.StringType, true)), false);
  }

  public static StructType surveyAnswers() {
    return periods(new StructType()
            .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false))
        .add("ballots_total", DataTypes.LongType, false)
        .add("question", DataTypes.StringType, false)
        .add("answer", DataTypes.IntegerType, false)
        .add("ballots", DataTypes.LongType, false);
  }

  /**
   * {@code gold.trends}: one row per publisher / department / sector, month and measure
   * ({@link Trends}); every value an exact {@link Trends#VALUE_TYPE} (counts whole, rates in
   * percent, yoy_change_relative a fraction).
   */
  public static StructType trends() {
    StructType s = new StructType()
        .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false)
        .add(Trends.UNIT_KIND, DataTypes.StringType, false)
        .add(MonthlyFigures.UNIT_CODE, DataTypes.StringType, true)
        .add(Trends.MONTH, DataTypes.DateType, false)
        .add(Trends.MEASURE, DataTypes.StringType, false)
        .add(Trends.MEASURE_KIND, DataTypes.StringType, false);
    for (String c : Trends.VALUE_COLUMNS) {
      s = s.add(c, DataTypes.createDecimalType(24, 6), true);
    }
    return s.add(Trends.PREDECESSORS, DataTypes.StringType, true);
  }

  /** {@code gold.unit_successions} ({@link Successions}). */
  public static StructType unitSuccessions() {
    return new StructType()
        .add(Successions.PREDECESSOR_CODE, DataTypes.StringType, false)
        .add(Successions.SUCCESSOR_CODE, DataTypes.StringType, false)
        .add(Successions.EFFECTIVE_MONTH, DataTypes.DateType, false)
        .add(Successions.KIND, DataTypes.StringType, false)
        .add(Successions.SOURCE, DataTypes.StringType, false);
  }

  public static StructType builds() {
    return new StructType()
        .add("build_id", DataTypes.StringType, false)
        .add("inputs", DataTypes.StringType, false)
        .add("finished_at", DataTypes.TimestampType, false)
        // The version of each gold table this build published (PublishedGold); null on the
        // rows of a bantin that did not record them.
        .add(vn.bantin.store.PublishedGold.OUTPUTS, DataTypes.StringType, true);
  }

  /** {@link vn.bantin.registry.Table#GOLD_PUBLICATIONS}: one row per {@code --publish}. */
  public static StructType publications() {
    return new StructType()
        .add("publication_id", DataTypes.StringType, false)
        .add("publisher_code", DataTypes.StringType, false)
        .add("period", DataTypes.StringType, false)
        .add("published_at", DataTypes.TimestampType, false)
        .add("published_by", DataTypes.StringType, false)
        // The version of every table the bulletin was read from: gold.bulletin@7,…
        .add("versions", DataTypes.StringType, false)
        // The publisher's settings (names, percent style, decimals, article template), as the
        // publishers file writes them.
        .add("settings", DataTypes.StringType, false)
        // SHA-256 of the bulletin's JSON: --as-published proves it prints the same figures.
        .add("digest", DataTypes.StringType, false);
  }
}
