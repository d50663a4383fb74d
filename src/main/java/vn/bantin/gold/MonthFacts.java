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

  /**
   * @param counted {@link CountedDossiers}
   * @param catalogue the versions each dossier's procedure is looked up in
   */
  public static Dataset<Row> of(Dataset<Row> counted, CatalogueVersions catalogue) {
    // Sent to the tasks once, not with each of them.
    org.apache.spark.broadcast.Broadcast<CatalogueVersions> versions =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
            counted.sparkSession().sparkContext()).broadcast(catalogue);
    Columns columns = new Columns(counted.schema());
    Dataset<Row> partial = counted.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> sumPartition(rows, columns, versions.value()),
        Encoders.row(GoldSchemas.monthFacts()));
    return sumByKey(partial);
  }

  /** Where a counted dossier's row holds each column: looked up once, not per row. */
  record Columns(int publisher, int department, int sector, int procedure, int procedureKey,
      int sign, int r, int e, int due, int ended, int outcome, int postal, int onlineChannel,
      int supps) implements java.io.Serializable {
    Columns(org.apache.spark.sql.types.StructType s) {
      this(s.fieldIndex(CountedDossiers.PUBLISHER), s.fieldIndex(CountedDossiers.DEPARTMENT),
          s.fieldIndex(CountedDossiers.SECTOR), s.fieldIndex(CountedDossiers.PROCEDURE),
          s.fieldIndex(CountedDossiers.PROCEDURE_KEY), s.fieldIndex(CountedDossiers.SIGN),
          s.fieldIndex(CountedDossiers.R), s.fieldIndex(CountedDossiers.E),
          s.fieldIndex(CountedDossiers.DUE), s.fieldIndex(CountedDossiers.IS_ENDED),
          s.fieldIndex(CountedDossiers.OUTCOME), s.fieldIndex(CountedDossiers.IS_POSTAL),
          s.fieldIndex(CountedDossiers.IS_ONLINE_CHANNEL), s.fieldIndex(CountedDossiers.SUPPS));
    }
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

  private static Iterator<Row> sumPartition(Iterator<Row> dossiers, Columns c,
      CatalogueVersions catalogue) {
    Map<List<Object>, long[]> sums = new HashMap<>();
    while (dossiers.hasNext()) {
      Row d = dossiers.next();
      java.time.LocalDate r = d.getAs(c.r());
      CatalogueVersions.Version version =
          catalogue.validOn(d.getString(c.procedureKey()), r);
      // The dossier's own department and sector; where it has none, its version's.
      String department = !d.isNullAt(c.department()) ? d.getString(c.department())
          : version == null ? null : version.departmentCode();
      String sector = !d.isNullAt(c.sector()) ? d.getString(c.sector())
          : version == null ? null : version.sectorCode();
      List<Object> unit = Arrays.asList(d.getString(c.publisher()), department, sector,
          d.getString(c.procedure()));
      int sign = d.getInt(c.sign());
      for (DossierEvents.MonthDelta delta : DossierEvents.of(timelineOf(d, c),
          factsOf(d, c, version))) {
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

  static DossierEvents.Facts factsOf(Row d, Columns c, CatalogueVersions.Version version) {
    return new DossierEvents.Facts(CountedDossiers.RESOLVED.equals(d.getString(c.outcome())),
        d.getBoolean(c.postal()), version != null && version.isOnlineL34(),
        d.getBoolean(c.onlineChannel()), version != null && version.isFiveOnSpot(),
        version != null);
  }

  static DossierTimeline timelineOf(Row d, Columns c) {
    List<Row> supps = d.getList(c.supps());
    List<DossierTimeline.Supplement> supplements = new ArrayList<>(supps.size());
    for (Row s : supps) {
      // The fields in the order CountedDossiers names them: requested on and at, seq, received
      // on, due before on.
      supplements.add(new DossierTimeline.Supplement(s.<java.time.LocalDate>getAs(0),
          s.<java.time.LocalDateTime>getAs(1), s.getInt(2), s.<java.time.LocalDate>getAs(3),
          s.<java.time.LocalDate>getAs(4)));
    }
    boolean ended = d.getBoolean(c.ended());
    return new DossierTimeline(d.getAs(c.r()), ended ? d.getAs(c.e()) : null, d.getAs(c.due()),
        supplements);
  }
}
