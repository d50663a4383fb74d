package vn.bantin.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training's first run takes every extract but those of the latest month. */
class TrainingRunsTest {
  @TempDir Path extracts;

  @Test
  void theFirstRunLeavesOutEveryKindOfExtractOfTheLatestMonth() throws Exception {
    for (String name : List.of("hoso_20210401013000.jsonl.gz", "hoso_20210505120000.xlsx",
        "thutuc_20210228.xlsx", "danhgia_20210601.jsonl", "hoso_20210630235959.csv",
        "donvi_20210601013000.jsonl")) {
      Files.writeString(extracts.resolve(name), "x");
    }
    Files.createDirectories(extracts.resolve("hoso_20990101.csv"));
    assertEquals(List.of("hoso_20210401013000.jsonl.gz", "hoso_20210505120000.xlsx",
        "thutuc_20210228.xlsx"), TrainingRuns.allButLatestMonth(extracts).stream()
            .map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void aFolderWithoutExtractsIsAnError() {
    assertThrows(IOException.class, () -> TrainingRuns.allButLatestMonth(extracts));
  }
}
