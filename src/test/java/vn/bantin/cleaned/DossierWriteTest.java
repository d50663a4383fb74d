package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.Ingests;
import vn.bantin.SparkTestSession;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * The cleaned step hands its dossiers to the write in the order of their months, and the write
 * takes them as they come: no task of an ingest sorts what it writes (a sort is a write's only
 * user of Spark's execution memory). A decade's first run writes 11.85 M dossiers this way.
 */
class DossierWriteTest {
  @Test
  void anIngestWritesTheDossiersToTheirMonthsWithoutSortingThem(@TempDir Path tmp)
      throws Exception {
    // Two offices whose months come round again in key order; no supplements, so that
    // cleaned.dossiers is the one partitioned table written with rows.
    String[] months = {"2106", "2104", "2112", "2101"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String office = i % 2 == 0 ? "000.00.54.H54" : "000.00.12.H12";
      String month = months[i % months.length];
      lines.add("{\"MaHoSo\":\"" + office + "-" + month + "01-" + String.format("%04d", i)
          + "\",\"MaTTHC\":\"1.001\",\"MaNoiTiepNhan\":\"000.00.54.H54\",\"KenhThucHien\":1,"
          + "\"NgayHenTra\":\"20" + month + "28170000\",\"NgayTiepNhan\":\"20" + month
          + "01080000\",\"TrangThaiHoSo\":4}");
    }
    Path in = tmp.resolve("in");
    Ingests.write(in, "hoso_20220101013000.jsonl", String.join("\n", lines) + "\n");
    Warehouse wh = Ingests.warehouse(tmp.resolve("wh"));

    SparkSession spark = SparkTestSession.get();
    List<Long> peakMemoryOfWriters = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null && end.taskMetrics().outputMetrics().recordsWritten() > 0) {
          peakMemoryOfWriters.add(end.taskMetrics().peakExecutionMemory());
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      Ingests.ingest(wh, in);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals(400L, Ingests.read(wh, Table.CLEANED_DOSSIERS).count());
    assertEquals(4L, Ingests.read(wh, Table.CLEANED_DOSSIERS)
        .select(CleanedSchemas.CODE_MONTH).distinct().count());
    assertFalse(peakMemoryOfWriters.isEmpty());
    assertEquals(List.of(0L), peakMemoryOfWriters.stream().distinct().toList());
  }
}
