package vn.bantin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ExtractFileTest {

  @Test
  void readsANameWithDateOnly() {
    assertEquals(new ExtractFile("/d/hoso_20210501.jsonl", "hoso_20210501.jsonl",
            ExtractKind.HOSO, ExtractFormat.JSONL, false, LocalDateTime.of(2021, 5, 1, 0, 0, 0)),
        ExtractFile.of("/d/hoso_20210501.jsonl", "hoso_20210501.jsonl"));
  }

  @Test
  void readsANameWithDateAndTime() {
    assertEquals(new ExtractFile("p", "danhgia_20211231235959.xlsx", ExtractKind.DANHGIA,
            ExtractFormat.XLSX, false, LocalDateTime.of(2021, 12, 31, 23, 59, 59)),
        ExtractFile.of("p", "danhgia_20211231235959.xlsx"));
  }

  @Test
  void readsJsonAsJsonLines() {
    assertEquals(new ExtractFile("p", "thutuc_20220102.json", ExtractKind.THUTUC,
            ExtractFormat.JSONL, false, LocalDateTime.of(2022, 1, 2, 0, 0)),
        ExtractFile.of("p", "thutuc_20220102.json"));
  }

  @Test
  void readsGzipCsv() {
    assertEquals(new ExtractFile("p", "donvi_20200229083000.csv.gz", ExtractKind.DONVI,
            ExtractFormat.CSV, true, LocalDateTime.of(2020, 2, 29, 8, 30, 0)),
        ExtractFile.of("p", "donvi_20200229083000.csv.gz"));
  }

  private static final String SHAPE = "the name is not <kind>_<yyyyMMdd[HHmmss]>."
      + "<jsonl|json|csv|xlsx>[.gz] with kind one of hoso, danhgia, thutuc, donvi";

  @Test
  void refusesANameWithoutTimestamp() {
    assertEquals("Cannot read hoso.csv: " + SHAPE, message("hoso.csv"));
  }

  @Test
  void refusesAnUnknownKind() {
    assertEquals("Cannot read foo_20210101.csv: " + SHAPE, message("foo_20210101.csv"));
  }

  @Test
  void refusesAnUnknownExtension() {
    assertEquals("Cannot read hoso_20210101.txt: " + SHAPE, message("hoso_20210101.txt"));
  }

  @Test
  void refusesMonthThirteen() {
    assertEquals("Cannot read hoso_20211301.csv: the timestamp '20211301' in the name is not a"
        + " real date and time", message("hoso_20211301.csv"));
  }

  @Test
  void refusesFebruaryTheTwentyNinthOfACommonYear() {
    assertEquals("Cannot read hoso_20210229120000.csv: the timestamp '20210229120000' in the"
        + " name is not a real date and time", message("hoso_20210229120000.csv"));
  }

  @Test
  void keepsTheFileNameOnTheException() {
    BadExtractException e = assertThrows(BadExtractException.class,
        () -> ExtractFile.of("/x/hoso.csv", "hoso.csv"));
    assertEquals("hoso.csv", e.fileName());
  }

  private static String message(String name) {
    return assertThrows(BadExtractException.class, () -> ExtractFile.of("/x/" + name, name))
        .getMessage();
  }
}
