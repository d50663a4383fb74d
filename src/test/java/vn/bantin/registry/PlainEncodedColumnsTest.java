package vn.bantin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;
import vn.bantin.extract.ExtractKind;
import vn.bantin.raw.RawColumns;

/**
 * The raw and cleaned columns whose values nearly never repeat are written without a Parquet
 * dictionary; the others keep it (it is what keeps names and catalogue texts small).
 */
class PlainEncodedColumnsTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir Path dir;

  @Test
  void theRawHosoTableHasItsDistinctColumnsPlainAndTheRestInADictionary() throws IOException {
    TableStore store = new TableStore(spark, new Warehouse(dir.toString()));
    Table t = Table.RAW_HOSO;
    StructType schema = t.schema();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Object[] v = new Object[schema.size()];
      v[schema.fieldIndex(RawColumns.SOURCE_FILE)] = "hoso_20250101013000.jsonl";
      v[schema.fieldIndex(RawColumns.SOURCE_LINE)] = (long) i + 1;
      v[schema.fieldIndex(RawColumns.EXTRACT_AT)] = java.time.LocalDateTime.of(2025, 1, 1, 1, 30);
      v[schema.fieldIndex(RawColumns.INGEST_RUN_ID)] = "run";
      for (String f : ExtractKind.HOSO.fields()) {
        // Every field the same on every row: a dictionary would be used wherever allowed.
        v[schema.fieldIndex(f)] = "x";
      }
      rows.add(RowFactory.create(v));
    }
    store.replaceSlices(t, spark.createDataFrame(rows, schema),
        List.of("hoso_20250101013000.jsonl"));

    Map<String, Boolean> dictionary = dictionaryEncoded(dir.resolve("raw").resolve("hoso"));
    assertEquals(List.of(RawColumns.SOURCE_LINE, "MaHoSo", "NgayNopHoSo", "NgayTiepNhan",
        "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "SoGiayToChuHoSo", "SoDienThoai", "Email",
        "DinhDanhCHS"), t.plainEncodedColumns());
    for (String plain : t.plainEncodedColumns()) {
      assertFalse(dictionary.get(plain), plain + " is written without a dictionary");
    }
    for (String kept : List.of("MaTTHC", "TenTTHC", "ChuHoSo", "DiaChi", "NgayTuChoi",
        RawColumns.SOURCE_FILE)) {
      assertTrue(dictionary.get(kept), kept + " keeps its dictionary");
    }
  }

  @Test
  void theCleanedDossiersHaveTheirKeyAndTimesPlainAndTheRestInADictionary() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      // The same procedure, office and times on every dossier: a dictionary would be used
      // wherever allowed.
      lines.append("{\"MaHoSo\":\"000.00.54.H54-210405-000").append(i)
          .append("\",\"MaTTHC\":\"1.001\",\"TenTTHC\":\"Cấp phép\",")
          .append("\"MaNoiTiepNhan\":\"000.00.54.H54\",\"KenhThucHien\":1,")
          .append("\"NgayNopHoSo\":\"20210405080000\",\"NgayTiepNhan\":\"20210405080000\",")
          .append("\"NgayHenTra\":\"20210420170000\",\"TrangThaiHoSo\":2}\n");
    }
    Files.writeString(in.resolve("hoso_20210501013000.jsonl"), lines);
    Warehouse wh = new Warehouse(dir.resolve("wh").toString());
    vn.bantin.Ingests.ingest(wh, in);

    Map<String, Boolean> dictionary = dictionaryEncoded(dir.resolve("wh").resolve("cleaned")
        .resolve("dossiers"));
    assertEquals(List.of("dossier_id", "submitted_at", "accepted_at", "due_at", "ended_at",
        "handed_over_at", "refused_at"), Table.CLEANED_DOSSIERS.plainEncodedColumns());
    // The times repeat here, so a dictionary would be kept if allowed. Distinct keys say
    // nothing in the files (Parquet drops a dictionary that does not compress, after hashing
    // every value into it): for the key, the writer's setting is what shows.
    for (String plain : List.of("submitted_at", "accepted_at", "due_at")) {
      assertFalse(dictionary.get(plain), plain + " is written without a dictionary");
    }
    for (String plain : Table.CLEANED_DOSSIERS.plainEncodedColumns()) {
      assertEquals("false", spark.conf().get("parquet.enable.dictionary#" + plain, "unset"),
          plain + ": the Parquet writer's dictionary setting");
    }
    for (String kept : List.of("procedure_code", "procedure_name", "publisher_code")) {
      assertTrue(dictionary.get(kept), kept + " keeps its dictionary");
    }
  }

  @Test
  void onlyTheRawExtractTablesAndTheDossiersDeclarePlainColumns() {
    for (Table t : Table.values()) {
      assertEquals(t.layer() == Layer.RAW && t != Table.RAW_INGESTED_FILES
              || t == Table.CLEANED_DOSSIERS,
          !t.plainEncodedColumns().isEmpty(), t.qualifiedName());
    }
  }

  /** Each column of the table's Parquet files: whether any chunk is dictionary-encoded. */
  private static Map<String, Boolean> dictionaryEncoded(Path table) throws IOException {
    Map<String, Boolean> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(table)) {
      files = s.filter(p -> p.toString().endsWith(".parquet")
          && !p.toString().contains("_delta_log")).toList();
    }
    assertFalse(files.isEmpty(), "the table has data files");
    for (Path f : files) {
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
        for (var block : r.getFooter().getBlocks()) {
          for (ColumnChunkMetaData c : block.getColumns()) {
            boolean dict = c.getEncodings().contains(Encoding.PLAIN_DICTIONARY)
                || c.getEncodings().contains(Encoding.RLE_DICTIONARY);
            out.merge(c.getPath().toDotString(), dict, Boolean::logicalOr);
          }
        }
      }
    }
    return out;
  }
}
