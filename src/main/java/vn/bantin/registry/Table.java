package vn.bantin.registry;

import java.util.List;

/**
 * The table registry: every table bantin writes, with its layer, keys, partitioning and grain.
 * No other file names a table or a path; code asks the {@link Warehouse} where a table lives.
 */
public enum Table {
  RAW_HOSO(Layer.RAW, "hoso", List.of("_source_file", "_source_line"), List.of(),
      "one record of a hoso extract, as read"),
  RAW_DANHGIA(Layer.RAW, "danhgia", List.of("_source_file", "_source_line"), List.of(),
      "one record of a danhgia extract, as read"),
  RAW_THUTUC(Layer.RAW, "thutuc", List.of("_source_file", "_source_line"), List.of(),
      "one record of a thutuc extract, as read"),
  RAW_DONVI(Layer.RAW, "donvi", List.of("_source_file", "_source_line"), List.of(),
      "one record of a donvi extract, as read"),
  RAW_INGESTED_FILES(Layer.RAW, "ingested_files", List.of("file_name"), List.of(),
      "one extract file ingested, with its size, checksum, run and record count"),

  CLEANED_DOSSIERS(Layer.CLEANED, "dossiers", List.of("dossier_id"), List.of(),
      "one dossier, its state from the newest extract that holds it"),
  CLEANED_SUPPLEMENTS(Layer.CLEANED, "supplements", List.of("dossier_id", "seq"), List.of(),
      "one supplement request of a dossier"),
  CLEANED_BALLOTS(Layer.CLEANED, "ballots", List.of("ballot_id"), List.of(),
      "one satisfaction ballot"),
  CLEANED_PROCEDURE_VERSIONS(Layer.CLEANED, "procedure_versions",
      List.of("procedure_code", "valid_from"), List.of(),
      "one version of a catalogue procedure, valid from valid_from through valid_to"),
  CLEANED_AGENCY_VERSIONS(Layer.CLEANED, "agency_versions", List.of("agency_code", "valid_from"),
      List.of(), "one version of an agency, valid from valid_from through valid_to"),
  QUARANTINE(Layer.CLEANED, "quarantine", List.of("source_file", "source_line"),
      List.of("kind"), "one input record that breaks the contract, with the reason"),

  GOLD_BULLETIN(Layer.GOLD, "bulletin", List.of("publisher_code", "period"),
      List.of("period_kind"), "one publisher and one period (month, quarter, year): every figure"),
  GOLD_DEPARTMENT(Layer.GOLD, "bulletin_by_department",
      List.of("publisher_code", "period", "unit_code"), List.of("period_kind"),
      "one publisher, department and period: every dossier figure"),
  GOLD_SECTOR(Layer.GOLD, "bulletin_by_sector", List.of("publisher_code", "period", "unit_code"),
      List.of("period_kind"), "one publisher, sector and period: every dossier figure"),
  GOLD_PROCEDURE(Layer.GOLD, "bulletin_by_procedure",
      List.of("publisher_code", "period", "unit_code"), List.of("period_kind"),
      "one publisher, procedure and period: every dossier figure"),
  GOLD_SURVEY(Layer.GOLD, "survey_answers", List.of("publisher_code", "period", "question", "answer"),
      List.of("period_kind"), "one publisher, period, question and answer: ballots");

  private final Layer layer;
  private final String name;
  private final List<String> keys;
  private final List<String> partitionColumns;
  private final String grain;

  Table(Layer layer, String name, List<String> keys, List<String> partitionColumns,
      String grain) {
    this.layer = layer;
    this.name = name;
    this.keys = keys;
    this.partitionColumns = partitionColumns;
    this.grain = grain;
  }

  public Layer layer() {
    return layer;
  }

  /** The table's name within its layer, e.g. {@code dossiers}. */
  public String tableName() {
    return name;
  }

  /** The qualified name analysts see, e.g. {@code cleaned.dossiers}. */
  public String qualifiedName() {
    return layer.folder() + "." + name;
  }

  public List<String> keys() {
    return keys;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  /** One line: what one row is. */
  public String grain() {
    return grain;
  }
}
