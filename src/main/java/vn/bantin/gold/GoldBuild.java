package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.bantin.metrics.Figure;
import vn.bantin.bulletin.Publishers;
import vn.bantin.cleaned.BallotShape;
import vn.bantin.cleaned.DossierShape;
import vn.bantin.cleaned.ProcedureShape;
import vn.bantin.registry.Table;
import vn.bantin.pipeline.Progress;
import vn.bantin.registry.TableStore;

/**
 * Computes the gold layer from the cleaned tables: every figure of metrics.md for every
 * publisher and every period (months, quarters, years), for the publisher and per department,
 * sector and procedure, in one pass over the dossiers; checks the identities; writes the
 * tables.
 */
public final class GoldBuild {
  private GoldBuild() {}

  /** What a build produced, for the run's summary. */
  public record Result(long publishers, long months, long quarters, long years,
      long unitRows, long identityChecks, long receivedWithoutProcedureVersion,
      List<Table> tablesWritten, boolean upToDate) {
    Result(long publishers, long months, long quarters, long years, long unitRows,
        long identityChecks, long receivedWithoutProcedureVersion, List<Table> tablesWritten) {
      this(publishers, months, quarters, years, unitRows, identityChecks,
          receivedWithoutProcedureVersion, tablesWritten, false);
    }

    /** Nothing changed in the cleaned tables since the last build: nothing was written. */
    static Result nothingToDo() {
      return new Result(0, 0, 0, 0, 0, 0, 0, List.of(), true);
    }
  }

  /** The cleaned tables gold is computed from, with their versions, as one text. */
  static String inputVersions(TableStore store) {
    StringBuilder b = new StringBuilder();
    for (Table t : List.of(Table.CLEANED_DOSSIERS, Table.CLEANED_PROCEDURE_VERSIONS,
        Table.CLEANED_BALLOTS)) {
      b.append(b.length() == 0 ? "" : ",").append(t.qualifiedName()).append('@')
          .append(store.version(t));
    }
    return b.toString();
  }

  /**
   * The dossiers that changed since the last build, as their old states (sign −1) and new
   * states (+1) from the change feed of {@code cleaned.dossiers}; null when the month facts
   * must be built from scratch: no build before, no month facts, the catalogue's content
   * changed (a version in the past can move any dossier), or the feed no longer reaches back.
   */
  static Dataset<Row> changedDossiers(TableStore store, String lastInputs) {
    if (lastInputs == null || !store.exists(Table.GOLD_MONTH_FACTS)) {
      return null;
    }
    Map<String, Long> last = new java.util.HashMap<>();
    for (String part : lastInputs.split(",")) {
      int at = part.lastIndexOf('@');
      last.put(part.substring(0, at), Long.parseLong(part.substring(at + 1)));
    }
    long dossiersThen = last.getOrDefault(Table.CLEANED_DOSSIERS.qualifiedName(), -1L);
    long catalogueThen = last.getOrDefault(Table.CLEANED_PROCEDURE_VERSIONS.qualifiedName(), -1L);
    long dossiersNow = store.version(Table.CLEANED_DOSSIERS);
    if (dossiersThen < 0 || dossiersNow < dossiersThen) {
      return null;
    }
    if (catalogueThen != store.version(Table.CLEANED_PROCEDURE_VERSIONS)) {
      Dataset<Row> before = typedCatalogue(store.readAsOf(Table.CLEANED_PROCEDURE_VERSIONS,
          catalogueThen));
      Dataset<Row> now = typedCatalogue(store.readOrEmpty(Table.CLEANED_PROCEDURE_VERSIONS));
      if (!before.exceptAll(now).isEmpty() || !now.exceptAll(before).isEmpty()) {
        return null;
      }
    }
    String[] columns = store.readOrEmpty(Table.CLEANED_DOSSIERS).columns();
    if (dossiersNow == dossiersThen) {
      return store.readOrEmpty(Table.CLEANED_DOSSIERS).limit(0)
          .withColumn(CountedDossiers.SIGN, org.apache.spark.sql.functions.lit(1));
    }
    try {
      Dataset<Row> feed = store.changes(Table.CLEANED_DOSSIERS, dossiersThen, dossiersNow);
      return feed.withColumn(CountedDossiers.SIGN, expr("CASE WHEN _change_type IN"
              + " ('update_preimage', 'delete') THEN -1 ELSE 1 END"))
          .selectExpr(java.util.stream.Stream.concat(java.util.Arrays.stream(columns),
              java.util.stream.Stream.of(CountedDossiers.SIGN)).toArray(String[]::new));
    } catch (RuntimeException e) {
      // A vacuumed or disabled feed: correctness first, build from scratch.
      return null;
    }
  }

  /** The catalogue's own columns, without the lineage of the extract that brought them. */
  private static Dataset<Row> typedCatalogue(Dataset<Row> versions) {
    return versions.select(java.util.Arrays.stream(ProcedureShape.SCHEMA.fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The inputs of the last completed build, or null when there was none. */
  static String lastBuiltFrom(TableStore store) {
    if (!store.exists(Table.GOLD_BUILDS)) {
      return null;
    }
    List<Row> last = store.read(Table.GOLD_BUILDS).orderBy(col("finished_at").desc()).limit(1)
        .collectAsList();
    return last.isEmpty() ? null : last.get(0).getString(1);
  }

  /**
   * The gold tables as Datasets, before they are written, and the intermediate results cached
   * to compute them (released once the tables are materialized).
   */
  public record Tables4(Dataset<Row> bulletin, Dataset<Row> departments, Dataset<Row> sectors,
      Dataset<Row> procedures, List<Dataset<Row>> cached) {

    /** The unit tables, with the registry table each becomes. */
    Map<Table, Dataset<Row>> units() {
      Map<Table, Dataset<Row>> units = new LinkedHashMap<>();
      units.put(Table.GOLD_DEPARTMENT, departments);
      units.put(Table.GOLD_SECTOR, sectors);
      units.put(Table.GOLD_PROCEDURE, procedures);
      return units;
    }
  }

  /** Every figure column of a publisher row, in bulletin order. */
  public static final List<String> FIGURES =
      Stream.of(Figure.values()).map(Figure::key).toList();
  /** Every figure column of a unit row: the survey lines exist for the publisher only. */
  public static final List<String> UNIT_FIGURES =
      Stream.of(Figure.values()).filter(f -> !f.isSurvey()).map(Figure::key).toList();

  /**
   * Computes the gold Datasets from the cleaned tables (lazily; call {@link #check} and write to
   * run them): the month facts, then every period table from them.
   */
  public static Tables4 compute(SparkSession spark, Dataset<Row> dossiers,
      Dataset<Row> procedureVersions, Dataset<Row> ballots) {
    Dataset<Row> monthFacts = MonthFacts.of(CountedDossiers.of(dossiers, procedureVersions))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Tables4 t = fromMonthFacts(monthFacts, ballots);
    List<Dataset<Row>> cached = new ArrayList<>(t.cached());
    cached.add(monthFacts);
    return new Tables4(t.bulletin(), t.departments(), t.sectors(), t.procedures(), cached);
  }

  /** Every period table from the month facts and the ballots. */
  static Tables4 fromMonthFacts(Dataset<Row> monthFacts, Dataset<Row> ballots) {
    Dataset<Row> publisherMonths = PublisherMonths.of(monthFacts, ballots).cache();
    MonthlyFigures.Result monthly = MonthlyFigures.of(monthFacts, publisherMonths);
    Dataset<Row> survey = SurveyMonthly.of(ballots);

    List<String> surveyColumns = Stream.of(Figure.values()).filter(Figure::isSurvey)
        .map(Figure::key).toList();
    // Every month of a publisher exists, even one with no activity at all.
    Dataset<Row> publisherMonthly = monthly.publishers()
        .join(survey, new String[] {"publisher_code", "month"}, "left")
        .na().fill(0L);

    List<String> publisherFigures = new ArrayList<>(MonthlyFigures.SUMMED);
    publisherFigures.addAll(surveyColumns);
    Dataset<Row> bulletin = withTotal(PeriodRollup.of(publisherMonthly, publisherMonths,
        List.of("publisher_code"), publisherFigures));
    return new Tables4(bulletin,
        units(monthly, MonthlyFigures.Unit.DEPARTMENT, publisherMonths),
        units(monthly, MonthlyFigures.Unit.SECTOR, publisherMonths),
        units(monthly, MonthlyFigures.Unit.PROCEDURE, publisherMonths),
        List.of(publisherMonths));
  }

  private static Dataset<Row> units(MonthlyFigures.Result monthly, MonthlyFigures.Unit unit,
      Dataset<Row> publisherMonths) {
    return withTotal(PeriodRollup.of(monthly.of(unit), publisherMonths,
        List.of("publisher_code", MonthlyFigures.UNIT_CODE), MonthlyFigures.SUMMED));
  }

  /** total = carried over + received new (metrics.md defines it so). */
  private static Dataset<Row> withTotal(Dataset<Row> periods) {
    return periods.withColumn("total", expr("carried_over + received_new"));
  }

  /** What the identity checks covered. */
  public record CheckSummary(long checks, long unitRows) {}

  /** Checks every identity on the computed tables. */
  public static CheckSummary check(Tables4 t) {
    long checks = Identities.check(Table.GOLD_BULLETIN.qualifiedName(), t.bulletin(), true,
        false).rowChecks();
    long unitRows = 0;
    for (Map.Entry<Table, Dataset<Row>> unit : t.units().entrySet()) {
      String name = unit.getKey().qualifiedName();
      Identities.Checked rows = Identities.check(name, unit.getValue(), false, true);
      checks += rows.rowChecks();
      unitRows += rows.rows();
      checks += Identities.checkUnitsSum(name, unit.getValue(), t.bulletin(), UNIT_FIGURES)
          .rowChecks();
    }
    return new CheckSummary(checks, unitRows);
  }

  /**
   * Reads the cleaned tables, writes {@code gold.month_facts}, then computes every period table
   * from it, checks the identities on each and writes them (only rows that changed).
   */
  public static Result build(TableStore store, Publishers publishers, String runId) {
    SparkSession spark = store.spark();
    String inputs = inputVersions(store);
    if (inputs.equals(lastBuiltFrom(store))) {
      return Result.nothingToDo();
    }
    Progress.phase("gold: month facts from the dossiers");
    spark.sparkContext().setJobDescription("gold: month facts");
    Dataset<Row> versions = store.readOrEmpty(Table.CLEANED_PROCEDURE_VERSIONS);
    Dataset<Row> ballots = store.readOrEmpty(Table.CLEANED_BALLOTS);
    Dataset<Row> changes = changedDossiers(store, lastBuiltFrom(store));
    if (changes == null) {
      store.overwrite(Table.GOLD_MONTH_FACTS, MonthFacts.of(
          CountedDossiers.of(store.readOrEmpty(Table.CLEANED_DOSSIERS), versions)));
      Progress.done();
    } else {
      // Month facts are sums over dossiers: the new ones are the old plus the events of the
      // changed dossiers' new states minus those of their old states.
      Dataset<Row> delta = MonthFacts.of(CountedDossiers.of(changes, versions));
      store.overwrite(Table.GOLD_MONTH_FACTS,
          MonthFacts.sumByKey(store.read(Table.GOLD_MONTH_FACTS).unionByName(delta)));
      Progress.done();
    }

    Progress.phase("gold: periods, identities, tables");
    spark.sparkContext().setJobDescription("gold: periods");
    Tables4 computed = fromMonthFacts(store.read(Table.GOLD_MONTH_FACTS), ballots);
    // The period tables are small: each is computed once and kept, so that the identity checks
    // and the write read it rather than recompute it.
    PrintedShares shares = new PrintedShares(publishers);
    Dataset<Row> bulletin = shares.addTo(BulletinColumns.publisherTable(computed.bulletin()), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Map<Table, Dataset<Row>> units = new LinkedHashMap<>();
    for (Map.Entry<Table, Dataset<Row>> unit : computed.units().entrySet()) {
      units.put(unit.getKey(), shares.addTo(BulletinColumns.unitTable(unit.getValue()), false)
          .persist(StorageLevel.MEMORY_AND_DISK()));
    }
    Tables4 t = new Tables4(bulletin, units.get(Table.GOLD_DEPARTMENT),
        units.get(Table.GOLD_SECTOR), units.get(Table.GOLD_PROCEDURE), List.of());
    spark.sparkContext().setJobDescription("gold: check identities");
    CheckSummary checked = check(t);

    spark.sparkContext().setJobDescription("gold: write");
    List<Table> changed = new ArrayList<>();
    if (store.sync(Table.GOLD_BULLETIN, bulletin)) {
      changed.add(Table.GOLD_BULLETIN);
    }
    for (Map.Entry<Table, Dataset<Row>> unit : units.entrySet()) {
      if (store.sync(unit.getKey(), unit.getValue())) {
        changed.add(unit.getKey());
      }
    }
    if (store.sync(Table.GOLD_SURVEY, SurveyAnswers.of(bulletin))) {
      changed.add(Table.GOLD_SURVEY);
    }
    if (store.sync(Table.GOLD_TRENDS, Trends.of(bulletin, units.get(Table.GOLD_DEPARTMENT),
        units.get(Table.GOLD_SECTOR)))) {
      changed.add(Table.GOLD_TRENDS);
    }

    // The summary's counts, in one query over the (small, cached) publisher table.
    Row counted = bulletin.agg(expr("count_if(period_kind = 'month')"),
        expr("count_if(period_kind = 'quarter')"), expr("count_if(period_kind = 'year')"),
        expr("count(DISTINCT publisher_code)"),
        expr("coalesce(sum(CASE WHEN period_kind = 'month' THEN"
            + " received_without_procedure_version END), 0)")).first();
    long months = counted.getLong(0);
    long quarters = counted.getLong(1);
    long years = counted.getLong(2);
    long publisherCount = counted.getLong(3);
    long withoutVersion = counted.getLong(4);
    // Logged last: a build killed before this line is done again by the next run.
    store.replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(List.of(
            org.apache.spark.sql.RowFactory.create(runId, inputs, java.time.Instant.now())),
        GoldSchemas.builds()), List.of(runId));
    computed.cached().forEach(Dataset::unpersist);
    bulletin.unpersist();
    units.values().forEach(Dataset::unpersist);
    Progress.done();
    return new Result(publisherCount, months, quarters, years, checked.unitRows(),
        checked.checks(), withoutVersion, changed);
  }
}
