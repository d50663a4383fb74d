package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.bantin.metrics.Measure;

/**
 * {@code gold.month_facts}: the {@link DossierEvents} of every counted dossier, summed per
 * publisher, department, sector, procedure and month: the finest grain any table needs, so
 * every later aggregation (grouping sets, periods) works on thousands of rows, not millions.
 * Each partition sums its dossiers in a hash map before anything is shuffled: one pass over
 * the dossiers, and no row per dossier and month.
 */
public final class MonthFacts {
  private MonthFacts() {}

  public static final String MONTH = "month";
  static final List<String> KEYS = List.of(CountedDossiers.PUBLISHER, CountedDossiers.DEPARTMENT,
      CountedDossiers.SECTOR, CountedDossiers.PROCEDURE);

  /** @param counted {@link CountedDossiers} */
  public static Dataset<Row> of(Dataset<Row> counted) {
    Dataset<Row> partial = counted.mapPartitions(
        (MapPartitionsFunction<Row, Row>) MonthFacts::sumPartition,
        Encoders.row(GoldSchemas.monthFacts()));
    return sumByKey(partial);
  }

  /**
   * Month facts rows summed per key; a key whose every measure sums to zero (a change that
   * undid another) has no row, as it would have none in a build from scratch.
   */
  static Dataset<Row> sumByKey(Dataset<Row> rows) {
    List<Column> sums = new ArrayList<>();
    for (Measure m : Measure.values()) {
      sums.add(sum(col(m.column())).as(m.column()));
    }
    List<Column> keys = new ArrayList<>();
    KEYS.forEach(k -> keys.add(col(k)));
    keys.add(col(MONTH));
    Column anyNonZero = null;
    for (Measure m : Measure.values()) {
      Column c = col(m.column()).notEqual(0);
      anyNonZero = anyNonZero == null ? c : anyNonZero.or(c);
    }
    return rows.groupBy(keys.toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .filter(anyNonZero)
        .select(GoldSchemas.monthFactsColumns());
  }

  private static Iterator<Row> sumPartition(Iterator<Row> dossiers) {
    Map<List<Object>, long[]> sums = new HashMap<>();
    while (dossiers.hasNext()) {
      Row d = dossiers.next();
      List<Object> unit = Arrays.asList(d.getAs(CountedDossiers.PUBLISHER),
          d.getAs(CountedDossiers.DEPARTMENT), d.getAs(CountedDossiers.SECTOR),
          d.getAs(CountedDossiers.PROCEDURE));
      int sign = d.<Integer>getAs(CountedDossiers.SIGN);
      for (DossierEvents.MonthDelta delta : DossierEvents.of(timelineOf(d),
          factsOf(d))) {
        List<Object> key = new ArrayList<>(unit);
        key.add(delta.month());
        long[] acc = sums.computeIfAbsent(key, k -> new long[Measure.values().length]);
        for (int i = 0; i < acc.length; i++) {
          acc[i] += sign * delta.values()[i];
        }
      }
    }
    List<Row> out = new ArrayList<>(sums.size());
    sums.forEach((key, values) -> {
      Object[] v = new Object[5 + values.length];
      for (int i = 0; i < 4; i++) {
        v[i] = key.get(i);
      }
      v[4] = ((YearMonth) key.get(4)).atDay(1);
      for (int i = 0; i < values.length; i++) {
        v[5 + i] = values[i];
      }
      out.add(RowFactory.create(v));
    });
    return out.iterator();
  }

  static DossierEvents.Facts factsOf(Row d) {
    return new DossierEvents.Facts(
        CountedDossiers.RESOLVED.equals(d.getAs(CountedDossiers.OUTCOME)),
        d.<Boolean>getAs(CountedDossiers.IS_POSTAL), d.<Boolean>getAs(CountedDossiers.IS_L34),
        d.<Boolean>getAs(CountedDossiers.IS_ONLINE_CHANNEL),
        d.<Boolean>getAs(CountedDossiers.IS_FIVE),
        d.<Boolean>getAs(CountedDossiers.HAS_VERSION));
  }

  static DossierTimeline timelineOf(Row d) {
    List<Row> supps = d.getList(d.fieldIndex(CountedDossiers.SUPPS));
    List<DossierTimeline.Supplement> supplements = new ArrayList<>(supps.size());
    for (Row s : supps) {
      supplements.add(new DossierTimeline.Supplement(s.<java.time.LocalDate>getAs("requested_on"),
          s.<java.time.LocalDateTime>getAs("requested_at"), s.<Integer>getAs("seq"),
          s.<java.time.LocalDate>getAs("received_on"),
          s.<java.time.LocalDate>getAs("due_before_on")));
    }
    boolean ended = d.getAs(CountedDossiers.IS_ENDED);
    return new DossierTimeline(d.getAs(CountedDossiers.R),
        ended ? d.getAs(CountedDossiers.E) : null, d.getAs(CountedDossiers.DUE), supplements);
  }
}
