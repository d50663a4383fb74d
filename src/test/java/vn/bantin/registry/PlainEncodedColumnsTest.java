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
 * The raw columns whose values nearly never repeat are written without a Parquet dictionary;
 * the others keep it (it is what keeps names and catalogue texts small).
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
  void onlyTheRawExtractTablesDeclarePlainColumns() {
    for (Table t : Table.values()) {
      assertEquals(t.layer() == Layer.RAW && t != Table.RAW_INGESTED_FILES,
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
