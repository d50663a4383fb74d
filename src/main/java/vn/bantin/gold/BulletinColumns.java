package vn.bantin.gold;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The column contract of the gold bulletin tables: keys and period first, then every figure in
 * bulletin order, then the run's own counts.
 */
public final class BulletinColumns {
  private BulletinColumns() {}

  static final List<String> PERIOD_COLUMNS = List.of(PeriodRollup.PERIOD,
      PeriodRollup.PERIOD_KIND, PeriodRollup.PERIOD_START, PeriodRollup.PERIOD_END);

  public static Dataset<Row> publisherTable(Dataset<Row> periods) {
    List<String> cols = new ArrayList<>();
    cols.add("publisher_code");
    cols.addAll(PERIOD_COLUMNS);
    cols.addAll(GoldBuild.FIGURES);
    cols.add(MonthlyFigures.WITHOUT_VERSION);
    return periods.selectExpr(cols.toArray(String[]::new));
  }

  public static Dataset<Row> unitTable(Dataset<Row> periods) {
    List<String> cols = new ArrayList<>();
    cols.add("publisher_code");
    cols.add(MonthlyFigures.UNIT_CODE);
    cols.addAll(PERIOD_COLUMNS);
    cols.addAll(GoldBuild.UNIT_FIGURES);
    cols.add(MonthlyFigures.WITHOUT_VERSION);
    return periods.selectExpr(cols.toArray(String[]::new));
  }
}
