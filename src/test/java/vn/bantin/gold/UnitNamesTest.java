package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;

/** The name a unit row carries for its period ({@link UnitNames}), on inline versions. */
class UnitNamesTest {
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> units(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create("P", r[0], r[1], LocalDate.parse((String) r[2]), 1L));
    }
    return spark.createDataFrame(out, new StructType().add("publisher_code", "string")
        .add("unit_code", "string").add("period", "string").add("period_end", "date")
        .add("received_new", DataTypes.LongType));
  }

  private Dataset<Row> versions(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create(r[0], r[1], r[2] == null ? null : LocalDate.parse((String) r[2]),
          r[3] == null ? null : LocalDate.parse((String) r[3])));
    }
    return spark.createDataFrame(out, new StructType().add("_code", "string")
        .add("_name", "string").add("_from", "date").add("_to", "date"));
  }

  /** "unit|period" → name. */
  private static Map<String, String> names(Dataset<Row> named) {
    assertEquals(List.of("publisher_code", "unit_code", "period", "period_end", "received_new",
        "unit_name"), List.of(named.columns()));
    Map<String, String> out = new TreeMap<>();
    for (Row r : named.collectAsList()) {
      String key = r.getAs("unit_code") + "|" + r.getAs("period");
      org.junit.jupiter.api.Assertions.assertFalse(out.containsKey(key), "one row per unit row: "
          + key);
      out.put(key, r.getAs("unit_name"));
    }
    return out;
  }

  @Test
  void thePeriodTakesTheNameValidOnItsLastDay() {
    Dataset<Row> v = versions(
        new Object[] {"D1", "Sở Cũ", "2015-01-01", "2021-04-14"},
        new Object[] {"D1", "Sở Mới", "2021-04-15", null},
        // Overlapping versions: the later valid_from wins.
        new Object[] {"D2", "Sở A", "2015-01-01", null},
        new Object[] {"D2", "Sở B", "2021-01-01", null},
        // Closed inside the year: the year keeps its last name.
        new Object[] {"D3", "Sở Đóng", "2015-01-01", "2021-02-28"},
        // Starts after the period: no name yet.
        new Object[] {"D4", "Sở Sau", "2022-01-01", null});
    Map<String, String> n = names(UnitNames.addTo(units(
        new Object[] {"D1", "2021-03", "2021-03-31"},
        new Object[] {"D1", "2021-04", "2021-04-30"},
        new Object[] {"D2", "2020", "2020-12-31"},
        new Object[] {"D2", "2021", "2021-12-31"},
        new Object[] {"D3", "2021", "2021-12-31"},
        new Object[] {"D4", "2021", "2021-12-31"},
        new Object[] {"X9", "2021", "2021-12-31"},
        new Object[] {null, "2021", "2021-12-31"}), v));
    Map<String, String> expected = new TreeMap<>();
    expected.put("D1|2021-03", "Sở Cũ");
    expected.put("D1|2021-04", "Sở Mới");
    expected.put("D2|2020", "Sở A");
    expected.put("D2|2021", "Sở B");
    expected.put("D3|2021", "Sở Đóng");
    expected.put("D4|2021", null);
    expected.put("X9|2021", null);
    expected.put("null|2021", null);
    assertEquals(expected, n);
  }
}
