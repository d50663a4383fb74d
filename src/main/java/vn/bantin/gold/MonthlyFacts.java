package vn.bantin.gold;

import static org.apache.spark.sql.functions.broadcast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per counted dossier and month in which it appears in a bulletin: the months from its
 * acceptance to its end (or to the publisher's last month while it stays open). Each row holds
 * the dossier's 0/1 contribution to every dossier figure of that month, each asked of its
 * {@link DossierTimeline} on the month's own dates, so summing them gives the month's figures
 * and no figure is derived from another.
 *
 * <p>This is the single pass over the dossiers: every month of every publisher comes out of it
 * (a dossier resolved in its month of acceptance yields one row). The per-month logic is plain
 * Java: as SQL, its shared sub-expressions were inlined into every figure and planning alone
 * took longer than the data.
 */
public final class MonthlyFacts {
  private MonthlyFacts() {}

  public static final String MONTH = "month";

  /** The 0/1 columns, in order; each is a figure of metrics.md but the last. */
  public static final List<String> FLAGS = List.of("carried_over", "received_new", "resolved",
      "resolved_early", "resolved_on_time", "resolved_late", "pending", "pending_not_due",
      "pending_awaiting_supplement", "pending_overdue", "returned", "postal",
      "online_l34_resolved", "online_l34_received_online", "online_l34_early",
      "online_l34_on_time", "online_l34_late", "five_on_spot_resolved", "five_on_spot_early",
      "five_on_spot_on_time", "five_on_spot_late", MonthlyFigures.WITHOUT_VERSION);

  static final StructType SCHEMA;

  static {
    StructType s = new StructType()
        .add(CountedDossiers.PUBLISHER, DataTypes.StringType, false)
        .add(CountedDossiers.DEPARTMENT, DataTypes.StringType, true)
        .add(CountedDossiers.SECTOR, DataTypes.StringType, true)
        .add(CountedDossiers.PROCEDURE, DataTypes.StringType, true)
        .add(MONTH, DataTypes.DateType, false);
    for (String f : FLAGS) {
      s = s.add(f, DataTypes.IntegerType, false);
    }
    SCHEMA = s;
  }

  /**
   * @param counted {@link CountedDossiers}
   * @param publisherMonths {@link PublisherMonths}: each publisher's first and last month
   */
  public static Dataset<Row> of(Dataset<Row> counted, Dataset<Row> publisherMonths) {
    return counted.join(broadcast(publisherMonths), CountedDossiers.PUBLISHER)
        .flatMap((FlatMapFunction<Row, Row>) MonthlyFacts::monthsOf, Encoders.row(SCHEMA));
  }

  static Iterator<Row> monthsOf(Row d) {
    DossierTimeline timeline = timelineOf(d);
    LocalDate lastMonth = d.getAs(PublisherMonths.LAST_MONTH);
    LocalDate end = timeline.isEnded() ? timeline.e().withDayOfMonth(1) : lastMonth;
    String outcome = d.getAs(CountedDossiers.OUTCOME);
    boolean l34 = d.getAs(CountedDossiers.IS_L34);
    boolean five = d.getAs(CountedDossiers.IS_FIVE);
    boolean postal = d.getAs(CountedDossiers.IS_POSTAL);
    boolean online = d.getAs(CountedDossiers.IS_ONLINE_CHANNEL);
    boolean hasVersion = d.getAs(CountedDossiers.HAS_VERSION);
    List<Row> rows = new ArrayList<>();
    for (LocalDate first = timeline.r().withDayOfMonth(1); !first.isAfter(end);
        first = first.plusMonths(1)) {
      LocalDate last = first.plusMonths(1).minusDays(1);
      LocalDate dayBefore = first.minusDays(1);
      boolean receivedHere = !timeline.r().isBefore(first) && !timeline.r().isAfter(last);
      boolean endsHere = timeline.isEnded() && !timeline.e().isBefore(first)
          && !timeline.e().isAfter(last);
      boolean resolved = endsHere && CountedDossiers.RESOLVED.equals(outcome);
      DossierTimeline.Timing timing = resolved ? timeline.timing() : null;
      boolean pending = timeline.openOn(last);
      boolean awaiting = timeline.awaitingSupplementOn(last);
      boolean overdue = timeline.overdueOn(last);
      Object[] v = new Object[5 + FLAGS.size()];
      v[0] = d.getAs(CountedDossiers.PUBLISHER);
      v[1] = d.getAs(CountedDossiers.DEPARTMENT);
      v[2] = d.getAs(CountedDossiers.SECTOR);
      v[3] = d.getAs(CountedDossiers.PROCEDURE);
      v[4] = first;
      int i = 5;
      v[i++] = bit(timeline.openOn(dayBefore));
      v[i++] = bit(receivedHere);
      v[i++] = bit(resolved);
      v[i++] = bit(timing == DossierTimeline.Timing.EARLY);
      v[i++] = bit(timing == DossierTimeline.Timing.ON_TIME);
      v[i++] = bit(timing == DossierTimeline.Timing.LATE);
      v[i++] = bit(pending);
      v[i++] = bit(pending && !awaiting && !overdue);
      v[i++] = bit(awaiting);
      v[i++] = bit(overdue);
      v[i++] = bit(endsHere && !resolved);
      v[i++] = bit(resolved && postal);
      v[i++] = bit(resolved && l34);
      v[i++] = bit(resolved && l34 && online);
      v[i++] = bit(resolved && l34 && timing == DossierTimeline.Timing.EARLY);
      v[i++] = bit(resolved && l34 && timing == DossierTimeline.Timing.ON_TIME);
      v[i++] = bit(resolved && l34 && timing == DossierTimeline.Timing.LATE);
      v[i++] = bit(resolved && five);
      v[i++] = bit(resolved && five && timing == DossierTimeline.Timing.EARLY);
      v[i++] = bit(resolved && five && timing == DossierTimeline.Timing.ON_TIME);
      v[i++] = bit(resolved && five && timing == DossierTimeline.Timing.LATE);
      v[i++] = bit(receivedHere && !hasVersion);
      rows.add(RowFactory.create(v));
    }
    return rows.iterator();
  }

  static DossierTimeline timelineOf(Row d) {
    List<Row> supps = d.getList(d.fieldIndex(CountedDossiers.SUPPS));
    List<DossierTimeline.Supplement> supplements = new ArrayList<>(supps.size());
    for (Row s : supps) {
      supplements.add(new DossierTimeline.Supplement(s.<LocalDate>getAs("requested_on"),
          s.<LocalDateTime>getAs("requested_at"), s.<Integer>getAs("seq"),
          s.<LocalDate>getAs("received_on"), s.<LocalDate>getAs("due_before_on")));
    }
    boolean ended = d.getAs(CountedDossiers.IS_ENDED);
    return new DossierTimeline(d.getAs(CountedDossiers.R),
        ended ? d.getAs(CountedDossiers.E) : null, d.getAs(CountedDossiers.DUE), supplements);
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }
}
