package vn.bantin.gold;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.bantin.metrics.Figure;
import vn.bantin.bulletin.PercentPrinting;
import vn.bantin.bulletin.PrintedPercents;
import vn.bantin.bulletin.Publishers;
import vn.bantin.metrics.Share;

/**
 * Adds to every gold row its shares: {@code share_<key>}, the exact percent (scale 6, null
 * when the denominator is zero), and {@code printed_<key>}, the percent as the publisher prints
 * it ({@code 81,9}; null where the bulletin prints "none"). Also the publisher's
 * {@code percent_style}. The same Java code prints the bulletin command's output, so the table
 * and the printed bulletin cannot disagree.
 */
public final class PrintedShares implements Serializable {
  public static final String PERCENT_STYLE = "percent_style";

  private final HashMap<String, PercentPrinting> printings = new HashMap<>();
  private final PercentPrinting fallback;

  public PrintedShares(Publishers publishers) {
    publishers.configured().forEach((code, s) -> printings.put(code, s.percentPrinting()));
    this.fallback = PercentPrinting.of(vn.bantin.bulletin.PublisherSettings.DEFAULT_PERCENT_STYLE);
  }

  /** The shares of the rows (unit rows: survey shares are left out, they have no ballots). */
  public Dataset<Row> addTo(Dataset<Row> rows, boolean withSurvey) {
    List<Share> shares = new ArrayList<>();
    for (Share s : Share.values()) {
      if (withSurvey || !s.numerator().isSurvey()) {
        shares.add(s);
      }
    }
    StructType schema = rows.schema().add(PERCENT_STYLE, DataTypes.StringType, false);
    for (Share s : shares) {
      schema = schema.add("share_" + s.key(), DataTypes.createDecimalType(10, Share.EXACT_SCALE),
          true);
    }
    for (Share s : shares) {
      schema = schema.add("printed_" + s.key(), DataTypes.StringType, true);
    }
    HashMap<String, PercentPrinting> printings = this.printings;
    PercentPrinting fallback = this.fallback;
    // Each figure's column, found once here: looking a name up per row (and, for the survey
    // figures a unit row lacks, building the exception that says so) was 40 % of a monthly
    // run's CPU.
    Figure[] figureList = Figure.values();
    int[] figureIndex = new int[figureList.length];
    for (int f = 0; f < figureList.length; f++) {
      figureIndex[f] = indexOf(rows.schema(), figureList[f].key());
    }
    int publisherIndex = indexOf(rows.schema(), "publisher_code");
    return rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        Row r = it.next();
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        for (int f = 0; f < figureList.length; f++) {
          int i = figureIndex[f];
          figures.put(figureList[f], i < 0 ? 0L : r.getLong(i));
        }
        PercentPrinting printing = printings.getOrDefault(r.getString(publisherIndex), fallback);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          values.add(r.get(i));
        }
        values.add(printing.style().id());
        for (Share s : shares) {
          values.add(s.exact(figures).orElse(null));
        }
        // Absent where the bulletin prints "none" (a zero figure) or there is no share.
        Map<String, String> printed = PrintedPercents.of(figures, printing,
            vn.bantin.bulletin.NumberNotation.VIETNAMESE);
        for (Share s : shares) {
          values.add(printed.get(s.key()));
        }
        return RowFactory.create(values.toArray());
      }
    }, Encoders.row(schema));
  }

  /** The column's position, or -1 when the rows have no such column. */
  private static int indexOf(StructType schema, String field) {
    scala.Option<Object> i = schema.getFieldIndex(field);
    return i.isDefined() ? (Integer) i.get() : -1;
  }
}
