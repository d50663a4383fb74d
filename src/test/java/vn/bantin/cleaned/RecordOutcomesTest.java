package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.bantin.SparkTestSession;
import vn.bantin.extract.ExtractKind;
import vn.bantin.raw.RawColumns;
import vn.bantin.raw.RawTables;

/**
 * What becomes of each raw record of one key, on tiny inline data: the newest valid record in
 * extract order (extract time, then file, then line) is the one merged, the others are
 * superseded, an invalid one is quarantined with its reason, and two differing records of one
 * key in one file are both conflicting. Only the newest record carries its typed values: the
 * others are counted or quarantined by lineage and reason, and are held (cached) without them.
 */
class RecordOutcomesTest {
  private final SparkSession spark = SparkTestSession.get();

  private static final String ID = "000.00.54.H54-210405-0012";

  @Test
  void theNewestValidRecordInExtractOrderIsMergedAndOnlyItKeepsItsTypedValues() {
    StructType schema = RawTables.schema(ExtractKind.HOSO);
    List<Row> raw = new ArrayList<>();
    // One key in three extracts: 10 April (older), 1 May (the newest valid), 1 June (newer, but
    // an invalid date).
    raw.add(raw(schema, "hoso_20210410.jsonl", 7, LocalDateTime.of(2021, 4, 10, 1, 30),
        DossierCheckTest.BASE.with("TrangThaiHoSo", "4").with("NgayKetThucXuLy", "")
            .with("NgayTra", "")));
    raw.add(raw(schema, "hoso_20210501.jsonl", 3, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE));
    raw.add(raw(schema, "hoso_20210601.jsonl", 1, LocalDateTime.of(2021, 6, 1, 1, 30),
        DossierCheckTest.BASE.with("NgayHenTra", "20210431170000")));
    // Another key twice in one file with differing content: both conflicting.
    String other = "000.00.54.H54-210406-0001";
    raw.add(raw(schema, "hoso_20210501.jsonl", 4, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", other)));
    raw.add(raw(schema, "hoso_20210501.jsonl", 5, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", other).with("TenTTHC", "khác")));
    // Same extract time, two files: the later file name wins. One file holding a key twice with
    // the same content: the later line wins, and neither is conflicting.
    String tied = "000.00.54.H54-210407-0001";
    raw.add(raw(schema, "hoso_20210501.jsonl", 9, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", tied)));
    raw.add(raw(schema, "hoso_20210501b.jsonl", 2, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", tied)));
    String twice = "000.00.54.H54-210408-0001";
    raw.add(raw(schema, "hoso_20210501.jsonl", 10, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", twice)));
    raw.add(raw(schema, "hoso_20210501.jsonl", 11, LocalDateTime.of(2021, 5, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", twice)));

    Map<String, Row> byLine = new TreeMap<>();
    for (Row r : RecordOutcomes.of(spark.createDataFrame(raw, schema), new DossierShape())
        .collectAsList()) {
      byLine.put(r.<String>getAs(RawColumns.SOURCE_FILE) + ":"
          + r.<Long>getAs(RawColumns.SOURCE_LINE), r);
    }

    Row newest = byLine.get("hoso_20210501.jsonl:3");
    assertEquals("newest", newest.getAs(RecordOutcomes.DISPOSITION));
    assertEquals(ID, newest.getAs(DossierShape.DOSSIER_ID));
    assertEquals(10, (int) newest.<Integer>getAs(DossierShape.STATUS));
    assertNotNull(newest.getAs(CheckedRecords.DEDUPE_KEY));

    Row superseded = byLine.get("hoso_20210410.jsonl:7");
    assertEquals("superseded", superseded.getAs(RecordOutcomes.DISPOSITION));
    assertNullTypedValues(superseded);

    Row invalid = byLine.get("hoso_20210601.jsonl:1");
    assertEquals("invalid", invalid.getAs(RecordOutcomes.DISPOSITION));
    assertEquals("NgayHenTra", invalid.getAs(CheckedRecords.Q_FIELD));
    assertEquals(QuarantineReason.BAD_DATE.code(), invalid.getAs(CheckedRecords.Q_REASON));
    assertEquals(ID, invalid.getAs(CheckedRecords.RECORD_KEY));
    assertNullTypedValues(invalid);

    for (String line : List.of("hoso_20210501.jsonl:4", "hoso_20210501.jsonl:5")) {
      Row conflicting = byLine.get(line);
      assertEquals("conflicting", conflicting.getAs(RecordOutcomes.DISPOSITION), line);
      assertEquals(other, conflicting.getAs(CheckedRecords.RECORD_KEY), line);
      assertNullTypedValues(conflicting);
    }
    for (String[] newestAndSuperseded : new String[][] {
        {"hoso_20210501b.jsonl:2", "hoso_20210501.jsonl:9"},
        {"hoso_20210501.jsonl:11", "hoso_20210501.jsonl:10"}}) {
      Row first = byLine.get(newestAndSuperseded[0]);
      assertEquals("newest", first.getAs(RecordOutcomes.DISPOSITION), newestAndSuperseded[0]);
      assertNotNull(first.getAs(DossierShape.DOSSIER_ID), newestAndSuperseded[0]);
      Row second = byLine.get(newestAndSuperseded[1]);
      assertEquals("superseded", second.getAs(RecordOutcomes.DISPOSITION),
          newestAndSuperseded[1]);
      assertNullTypedValues(second);
    }
    assertEquals(9, byLine.size());
  }

  /**
   * The dossiers' table is partitioned by the month of the code: every record carries its key's
   * month, and each task's rows come in month order, as the Dataset declares (the write then
   * skips its sort, so a false declaration would scatter a partition over many files).
   */
  @Test
  void theDossiersComeInTheOrderOfTheirMonthsInEveryTaskAsDeclared() {
    StructType schema = RawTables.schema(ExtractKind.HOSO);
    List<Row> raw = new ArrayList<>();
    String[] months = {"2106", "2104", "2112", "2101", "2104", "2109"};
    for (int i = 0; i < 60; i++) {
      // Two offices: in key order, each office's months come round again.
      String id = (i % 2 == 0 ? "000.00.54.H54-" : "000.00.12.H12-") + months[i % months.length]
          + String.format("%02d", 1 + i % 28) + "-" + String.format("%04d", i);
      raw.add(raw(schema, "hoso_20220101.jsonl", i + 1, LocalDateTime.of(2022, 1, 1, 1, 30),
          DossierCheckTest.BASE.with("MaHoSo", id)));
    }
    // Without a key: a record of its own, of no month.
    raw.add(raw(schema, "hoso_20220101.jsonl", 61, LocalDateTime.of(2022, 1, 1, 1, 30),
        DossierCheckTest.BASE.with("MaHoSo", " ")));
    var outcomes = RecordOutcomes.of(spark.createDataFrame(raw, schema).repartition(3),
        new DossierShape());

    String declared = outcomes.queryExecution().optimizedPlan().outputOrdering().mkString();
    org.junit.jupiter.api.Assertions.assertTrue(declared.startsWith(CleanedSchemas.CODE_MONTH),
        declared);
    List<List<String>> perTask = outcomes.select(CleanedSchemas.CODE_MONTH).javaRDD()
        .glom().map(rows -> rows.stream().map(r -> r.getString(0)).toList()).collect();
    int rows = 0;
    for (List<String> task : perTask) {
      assertEquals(task.stream().sorted().toList(), task);
      rows += task.size();
    }
    assertEquals(61, rows);
    for (Row r : outcomes.collectAsList()) {
      String id = r.getAs(CheckedRecords.RECORD_KEY);
      String month = id == null ? "none"
          : "20" + id.substring(14, 16) + "-" + id.substring(16, 18);
      assertEquals(month, r.getAs(CleanedSchemas.CODE_MONTH), String.valueOf(id));
    }
  }

  private static void assertNullTypedValues(Row r) {
    assertNull(r.getAs(CheckedRecords.DEDUPE_KEY));
    for (String f : new DossierShape().typedSchema().fieldNames()) {
      assertNull(r.getAs(f), f);
    }
  }

  private static Row raw(StructType schema, String file, long line, LocalDateTime extractAt,
      Raw record) {
    Object[] v = new Object[schema.size()];
    v[schema.fieldIndex(RawColumns.SOURCE_FILE)] = file;
    v[schema.fieldIndex(RawColumns.SOURCE_LINE)] = line;
    v[schema.fieldIndex(RawColumns.EXTRACT_AT)] = extractAt;
    v[schema.fieldIndex(RawColumns.INGEST_RUN_ID)] = "run-1";
    record.map().forEach((field, value) -> {
      if (ExtractKind.HOSO.fields().contains(field)) {
        v[schema.fieldIndex(field)] = value;
      }
    });
    return RowFactory.create(v);
  }
}
