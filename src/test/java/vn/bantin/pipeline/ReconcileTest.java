package vn.bantin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.cleaned.CleanedBuild.FileCounts;
import vn.bantin.raw.IngestedFiles.Entry;

/** A run refuses to report success when a file's records do not add up. */
class ReconcileTest {
  private static Entry logged(String file, long records) {
    return new Entry(file, 100, "sha", records, "run-1");
  }

  @Test
  void filesThatAddUpPass() {
    assertEquals(List.of(), Pipeline.reconcile(
        List.of(new FileCounts("hoso_20210501.jsonl", "hoso", 10, 8, 2)),
        Map.of("hoso_20210501.jsonl", logged("hoso_20210501.jsonl", 10))));
  }

  @Test
  void aRecordLostBetweenReadAndLoadIsReported() {
    assertEquals(List.of("hoso_20210501.jsonl: read 10 ≠ loaded 8 + quarantined 1"),
        Pipeline.reconcile(List.of(new FileCounts("hoso_20210501.jsonl", "hoso", 10, 8, 1)),
            Map.of("hoso_20210501.jsonl", logged("hoso_20210501.jsonl", 10))));
  }

  @Test
  void aRecordLostBetweenTheReaderAndTheRawTableIsReported() {
    assertEquals(List.of("hoso_20210501.jsonl: the reader counted 11 records but the raw table"
            + " holds 10"),
        Pipeline.reconcile(List.of(new FileCounts("hoso_20210501.jsonl", "hoso", 10, 8, 2)),
            Map.of("hoso_20210501.jsonl", logged("hoso_20210501.jsonl", 11))));
    assertEquals(List.of("danhgia_20210501.csv: the reader counted no records but the raw"
            + " table holds 3"),
        Pipeline.reconcile(List.of(new FileCounts("danhgia_20210501.csv", "danhgia", 3, 3, 0)),
            Map.of()));
  }
}
