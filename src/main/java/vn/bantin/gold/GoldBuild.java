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
import vn.bantin.store.PublishedGold;
import vn.bantin.metrics.Figure;
import vn.bantin.bulletin.Publishers;
import vn.bantin.cleaned.DossierShape;
import vn.bantin.cleaned.ProcedureShape;
import vn.bantin.registry.Table;
import vn.bantin.pipeline.Progress;
import vn.bantin.registry.TableStore;
import vn.bantin.spark.Evaluation;
import vn.bantin.spark.SmallResult;
import vn.bantin.registry.QualityChecks;
import vn.bantin.registry.WriteMode;

/**
 * Computes the gold layer from the cleaned tables: every figure of metrics.md for every
 * publisher and every period (months, quarters, years), for the publisher and per department,
 * sector and procedure, in one pass over the dossiers; checks the identities; writes the
 * tables.
 */
public final class GoldBuild {
  private GoldBuild() {}

  /**
   * What a build produced, for the run's summary: the periods and publishers in the gold
   * tables, what this build checked and wrote, and from which month each publisher's periods
   * were recomputed (empty: all of them, a build from scratch).
   */
  public record Result(long publishers, long months, long quarters, long years,
      long unitRows, long identityChecks, long receivedWithoutProcedureVersion,
      List<Table> tablesWritten, boolean upToDate,
      Map<String, java.time.LocalDate> recomputedFrom, List<QualityChecks.Outcome> checks) {

    /** Nothing changed in the cleaned tables since the last build: nothing was written. */
    static Result nothingToDo() {
      return new Result(0, 0, 0, 0, 0, 0, 0, List.of(), true, Map.of(), List.of());
    }
  }

  /**
   * Up to this many month-fact rows recomputed, the period tables are computed interpreted: a
   * monthly run on ten years recomputes a year of them (7,984 rows), a decade built
   * whole 68,000.
   */
  static final long INTERPRETED_FACT_ROWS = 20_000;

  /** The name under which the publishers' print settings are logged among a build's inputs. */
  static final String PRINT_SETTINGS = "print_settings";

  /**
   * What gold is computed from, as one text: the cleaned tables with their versions, and a
   * checksum of the publishers' print settings (a changed percent style changes every printed
   * percent of that publisher, so it rebuilds everything).
   */
  static String inputVersions(TableStore store, Publishers publishers) {
    StringBuilder b = new StringBuilder();
    for (Table t : BUILT_FROM) {
      b.append(b.length() == 0 ? "" : ",").append(t.qualifiedName()).append('@')
          .append(store.version(t));
    }
    java.util.zip.CRC32 settings = new java.util.zip.CRC32();
    new java.util.TreeMap<>(publishers.configured()).forEach((code, p) -> settings.update(
        (code + "=" + p.percentStyle().id() + "/" + p.surveyDecimals() + ";")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return b.append(',').append(PRINT_SETTINGS).append('@').append(settings.getValue())
        .toString();
  }

  /** The cleaned tables a build reads, whose versions its inputs text records. */
  private static final List<Table> BUILT_FROM = List.of(Table.CLEANED_DOSSIERS,
      Table.CLEANED_PROCEDURE_VERSIONS, Table.CLEANED_BALLOTS, Table.CLEANED_AGENCY_VERSIONS);

  /**
   * The cleaned tables a build checks: those whose version moved since the last build (all of
   * them for a first build), and the per-file counts whenever anything moved.
   */
  static List<Table> cleanedTablesToCheck(String lastInputs, String inputs) {
    Map<String, Long> now = parsedInputs(inputs);
    Map<String, Long> before = lastInputs == null ? Map.of() : parsedInputs(lastInputs);
    List<Table> out = new ArrayList<>();
    for (Table t : BUILT_FROM) {
      if (!now.get(t.qualifiedName()).equals(before.get(t.qualifiedName()))) {
        out.add(t);
      }
    }
    if (!out.isEmpty()) {
      out.add(Table.CLEANED_LOADED_FILES);
    }
    return out;
  }

  /** The inputs text parsed back: name → version (or checksum). */
  private static Map<String, Long> parsedInputs(String inputs) {
    Map<String, Long> parsed = new java.util.HashMap<>();
    for (String part : inputs.split(",")) {
      int at = part.lastIndexOf('@');
      parsed.put(part.substring(0, at), Long.parseLong(part.substring(at + 1)));
    }
    return parsed;
  }

  /**
   * What changed in the cleaned tables since the last build: the dossiers that changed, as
   * their old states (sign −1) and new states (+1), and the (publisher_code, month) of the
   * ballots added, changed or removed.
   */
  record Changes(Dataset<Row> dossiers, Dataset<Row> ballotMonths) {}

  /**
   * The changes since the last build, from the change feeds of {@code cleaned.dossiers} and
   * {@code cleaned.ballots}; null when gold must be built from scratch: no build before, no
   * month facts or period tables, the catalogue's content changed (a version in the past can
   * move any dossier), the print settings changed, or a feed no longer reaches back.
   */
  static Changes changesSince(TableStore store, String lastInputs, String inputs) {
    if (lastInputs == null || !store.exists(Table.GOLD_MONTH_FACTS)) {
      return null;
    }
    if (!everyPeriodTableIsCurrent(store) || !everyGoldTableIsPublished(store)) {
      return null;
    }
    Map<String, Long> last = parsedInputs(lastInputs);
    if (!java.util.Objects.equals(last.get(PRINT_SETTINGS), parsedInputs(inputs)
        .get(PRINT_SETTINGS))) {
      return null;
    }
    Dataset<Row> dossiers = changedDossiers(store, last);
    if (dossiers == null) {
      return null;
    }
    long ballotsThen = last.getOrDefault(Table.CLEANED_BALLOTS.qualifiedName(), -1L);
    long ballotsNow = store.version(Table.CLEANED_BALLOTS);
    Dataset<Row> none = store.spark().createDataFrame(List.of(), new org.apache.spark.sql.types
        .StructType().add(CountedDossiers.PUBLISHER, org.apache.spark.sql.types.DataTypes
            .StringType).add(MonthFacts.MONTH, org.apache.spark.sql.types.DataTypes.DateType));
    if (ballotsNow == ballotsThen) {
      return new Changes(dossiers, none);
    }
    if (ballotsThen < 0 || ballotsNow < ballotsThen) {
      // Ballots written for the first time (or the table replaced): every ballot month.
      return ballotsThen < 0 && ballotsNow >= 0
          ? new Changes(dossiers, ballotMonths(store.read(Table.CLEANED_BALLOTS))) : null;
    }
    try {
      return new Changes(dossiers, ballotMonths(store.changes(Table.CLEANED_BALLOTS,
          ballotsThen, ballotsNow)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether every gold table a build replaces in parts exists with its declared columns. One
   * that does not exist (deleted by hand), or lacks a column added since (a warehouse of an
   * earlier version), is built whole: replacing a part of it would leave it holding only that
   * part, or with two shapes of rows.
   */
  private static boolean everyPeriodTableIsCurrent(TableStore store) {
    for (Table t : Table.values()) {
      if (t.layer() == vn.bantin.registry.Layer.GOLD && t.writeMode() == WriteMode.SYNC
          && !(store.exists(t) && store.hasDeclaredColumns(t))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Restores every gold table that a build killed before logging itself left at a newer
   * version than the last logged build published ({@link PublishedGold}). Without this, the
   * month facts of a build killed after writing them would count the changed dossiers twice
   * when the next build adds them again, and a period table would keep rows of the killed
   * build that the next one, seeing other changes, does not recompute.
   */
  static void rollBackUnpublished(TableStore store) {
    PublishedGold published = store.published();
    if (published.versions() == null) {
      return;
    }
    published.versions().forEach((table, version) -> {
      if (store.exists(table) && store.version(table) > version) {
        store.restore(table, version);
      }
    });
  }

  /** The version of every gold table written (the log itself aside). */
  private static Map<Table, Long> goldVersions(TableStore store) {
    Map<Table, Long> versions = new java.util.EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      if (PublishedGold.follows(t) && store.exists(t)) {
        versions.put(t, store.version(t));
      }
    }
    return versions;
  }

  /**
   * Whether every gold table there was published by the last build: one that a killed build
   * created (none published it) holds only that build's rows, so the next builds it whole.
   */
  private static boolean everyGoldTableIsPublished(TableStore store) {
    PublishedGold published = store.published();
    for (Table t : Table.values()) {
      if (PublishedGold.follows(t) && store.exists(t) && !published.isPublished(t)) {
        return false;
      }
    }
    return true;
  }

  /** (publisher_code, month) of ballots, as the survey lines count them. */
  private static Dataset<Row> ballotMonths(Dataset<Row> ballots) {
    return SurveyMonthly.counted(ballots).select(CountedDossiers.PUBLISHER, MonthFacts.MONTH);
  }

  /**
   * (publisher_code, month) that an incremental build recomputes whatever their facts say: the
   * months of the ballots that changed, and the months published provisional.
   */
  private static Dataset<Row> monthsToRecompute(TableStore store, Changes changes) {
    return changes.ballotMonths()
        .unionByName(Provisional.publishedMonths(store.readWhole(Table.GOLD_BULLETIN)));
  }

  /** (publisher_code, first_month, last_month) of the published monthly rows. */
  private static Dataset<Row> publishedSpans(TableStore store) {
    return store.readWhole(Table.GOLD_BULLETIN)
        .filter(col(PeriodRollup.PERIOD_KIND).equalTo("month"))
        .groupBy(CountedDossiers.PUBLISHER)
        .agg(org.apache.spark.sql.functions.min(PeriodRollup.PERIOD_START),
            org.apache.spark.sql.functions.max(PeriodRollup.PERIOD_START));
  }

  /**
   * The dossiers that changed since the last build, as their old states (sign −1) and new
   * states (+1) from the change feed of {@code cleaned.dossiers}; null when the month facts
   * must be built from scratch: the catalogue's content changed (a version in the past can move
   * any dossier), or the feed no longer reaches back. {@code last}: the last build's inputs.
   */
  private static Dataset<Row> changedDossiers(TableStore store, Map<String, Long> last) {
    long dossiersThen = last.getOrDefault(Table.CLEANED_DOSSIERS.qualifiedName(), -1L);
    long catalogueThen = last.getOrDefault(Table.CLEANED_PROCEDURE_VERSIONS.qualifiedName(), -1L);
    long dossiersNow = store.version(Table.CLEANED_DOSSIERS);
    if (dossiersThen < 0 || dossiersNow < dossiersThen) {
      return null;
    }
    // The agencies' names are printed on the department rows: a changed name (or version)
    // rebuilds every period, as a changed catalogue does.
    long agenciesThen = last.getOrDefault(Table.CLEANED_AGENCY_VERSIONS.qualifiedName(), -1L);
    if (contentChanged(store, Table.CLEANED_PROCEDURE_VERSIONS, catalogueThen,
        ProcedureShape.SCHEMA)
        || contentChanged(store, Table.CLEANED_AGENCY_VERSIONS, agenciesThen,
            vn.bantin.cleaned.AgencyShape.SCHEMA)) {
      return null;
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

  /**
   * Whether a table of versions (catalogue, agencies) holds other content now than at version
   * {@code then} (-1: none), comparing its own columns ({@code own}) without the lineage of the
   * extract that brought them: a file extracted again with the same content changes nothing.
   */
  private static boolean contentChanged(TableStore store, Table table, long then,
      org.apache.spark.sql.types.StructType own) {
    if (then == store.version(table)) {
      return false;
    }
    org.apache.spark.sql.Column[] columns = java.util.Arrays.stream(own.fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    Dataset<Row> before = store.readAsOf(table, then).select(columns);
    Dataset<Row> now = store.readOrEmpty(table).select(columns);
    return !before.exceptAll(now).isEmpty() || !now.exceptAll(before).isEmpty();
  }

  /** The inputs of the last completed build, or null when there was none. */
  static String lastBuiltFrom(TableStore store) {
    Map<String, Object> last = PublishedGold.lastBuild(store.smallRows(Table.GOLD_BUILDS));
    return last == null ? null : (String) last.get("inputs");
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
    Dataset<Row> monthFacts = MonthFacts.of(CountedDossiers.of(dossiers),
        CatalogueVersions.of(procedureVersions)).persist(StorageLevel.MEMORY_AND_DISK());
    Tables4 t = fromMonthFacts(monthFacts, ballots);
    List<Dataset<Row>> cached = new ArrayList<>(t.cached());
    cached.add(monthFacts);
    return new Tables4(t.bulletin(), t.departments(), t.sectors(), t.procedures(), cached);
  }

  /** Every period table from the month facts and the ballots. */
  static Tables4 fromMonthFacts(Dataset<Row> monthFacts, Dataset<Row> ballots) {
    Dataset<Row> survey = SurveyMonthly.of(ballots).cache();
    Dataset<Row> publisherMonths = PublisherMonths.of(monthFacts, survey).cache();
    ChangedMonths everything = ChangedMonths.everything();
    Tables4 t = periodTables(SmallResult.of(everything.monthFactsToRecompute(monthFacts)),
        survey, publisherMonths, everything);
    return new Tables4(t.bulletin(), t.departments(), t.sectors(), t.procedures(),
        List.of(publisherMonths, survey));
  }

  /**
   * The period rows a build replaces ({@link ChangedMonths#keepPeriods}), from the month facts
   * their recomputation needs ({@link ChangedMonths#monthFactsToRecompute}) and the survey
   * lines ({@link SurveyMonthly}).
   *
   * @param publisherMonths {@link PublisherMonths} of all the month facts and survey lines
   */
  static Tables4 periodTables(Dataset<Row> monthFacts, Dataset<Row> survey,
      Dataset<Row> publisherMonths, ChangedMonths changed) {
    MonthlyFigures.Result monthly = MonthlyFigures.of(monthFacts, publisherMonths);

    List<String> surveyColumns = Stream.of(Figure.values()).filter(Figure::isSurvey)
        .map(Figure::key).toList();
    // Every month of a publisher exists, even one with no activity at all.
    Dataset<Row> publisherMonthly = monthly.publishers()
        .join(survey, new String[] {"publisher_code", "month"}, "left")
        .na().fill(0L);

    List<String> publisherFigures = new ArrayList<>(MonthlyFigures.SUMMED);
    publisherFigures.addAll(surveyColumns);
    Dataset<Row> bulletin = withTotal(changed.keepPeriods(PeriodRollup.of(publisherMonthly,
        publisherMonths, List.of("publisher_code"), publisherFigures)));
    return new Tables4(bulletin,
        units(monthly, MonthlyFigures.Unit.DEPARTMENT, publisherMonths, changed),
        units(monthly, MonthlyFigures.Unit.SECTOR, publisherMonths, changed),
        units(monthly, MonthlyFigures.Unit.PROCEDURE, publisherMonths, changed),
        List.of());
  }

  private static Dataset<Row> units(MonthlyFigures.Result monthly, MonthlyFigures.Unit unit,
      Dataset<Row> publisherMonths, ChangedMonths changed) {
    return withTotal(changed.keepPeriods(PeriodRollup.of(monthly.of(unit), publisherMonths,
        List.of("publisher_code", MonthlyFigures.UNIT_CODE), MonthlyFigures.SUMMED)));
  }

  /** total = carried over + received new (metrics.md defines it so). */
  private static Dataset<Row> withTotal(Dataset<Row> periods) {
    return periods.withColumn("total", expr("carried_over + received_new"));
  }

  /** What the identity checks covered. */
  public record CheckSummary(long checks, long unitRows) {}

  /** Checks every identity on the computed tables. */
  public static CheckSummary check(Tables4 t) {
    return check(t, table -> null);
  }

  /**
   * Checks every identity on computed rows that replace part of their tables; {@code kept}
   * gives, per table, rows it keeps that may be the period before a computed row (or null).
   */
  static CheckSummary check(Tables4 t, java.util.function.Function<Table, Dataset<Row>> kept) {
    // The tables side by side (each a few small queries); a violation is reported as one
    // after the other would, the first table's first.
    List<Table> tables = new ArrayList<>(List.of(Table.GOLD_BULLETIN));
    tables.addAll(t.units().keySet());
    List<long[]> each = vn.bantin.spark.SideBySide.each(tables, table -> {
      if (table == Table.GOLD_BULLETIN) {
        return new long[] {Identities.check(table.qualifiedName(), t.bulletin(),
            kept.apply(table), true, false).rowChecks(), 0};
      }
      Dataset<Row> unit = t.units().get(table);
      Identities.Checked rows = Identities.check(table.qualifiedName(), unit, kept.apply(table),
          false, true);
      return new long[] {rows.rowChecks() + Identities.checkUnitsSum(table.qualifiedName(), unit,
          t.bulletin(), UNIT_FIGURES).rowChecks(), rows.rows()};
    });
    long checks = each.stream().mapToLong(c -> c[0]).sum();
    long unitRows = each.stream().mapToLong(c -> c[1]).sum();
    return new CheckSummary(checks, unitRows);
  }

  /**
   * Reads the cleaned tables, brings {@code gold.month_facts} up to date (from the changed
   * dossiers only, when it can), then recomputes the period rows that can have changed (every
   * period of a publisher ending in or after its first changed month, {@link ChangedMonths}),
   * checks the identities on them and writes them in place of the old ones (only rows that
   * changed).
   */
  public static Result build(TableStore store, Publishers publishers, String runId) {
    return build(store, publishers, null, runId);
  }

  /**
   * As {@link #build(TableStore, Publishers, String)}, with the operator's successions
   * ({@code declared}; null keeps those of the last build). A change of the successions
   * rebuilds gold from scratch: any month's trend of a successor can change.
   */
  public static Result build(TableStore store, Publishers publishers,
      List<Successions.Declared> declared, String runId) {
    SparkSession spark = store.spark();
    rollBackUnpublished(store);
    String inputs = inputVersions(store, publishers);
    String lastInputs = lastBuiltFrom(store);
    if (declared == null && inputs.equals(lastInputs) && everyPeriodTableIsCurrent(store)) {
      return Result.nothingToDo();
    }
    spark.sparkContext().setJobDescription("gold: unit successions");
    List<Successions.Succession> successionsBefore = store.exists(Table.GOLD_UNIT_SUCCESSIONS)
        && store.hasDeclaredColumns(Table.GOLD_UNIT_SUCCESSIONS)
        ? Successions.fromRows(store.smallRows(Table.GOLD_UNIT_SUCCESSIONS))
        : List.of();
    List<Successions.Succession> successions = successions(store,
        declared != null ? declared : Successions.declared(successionsBefore));
    boolean successionsChanged = !successions.equals(successionsBefore);
    if (!successionsChanged && inputs.equals(lastInputs) && everyPeriodTableIsCurrent(store)) {
      return Result.nothingToDo();
    }
    // The cleaned tables this build reads are checked first (those changed since the last
    // build, on the rows written since it: the last build checked the rest): an error leaves
    // gold as it is, and so does every run until it is mended.
    Progress.phase("gold: checks of the cleaned tables");
    Map<String, Long> checkedBefore = lastInputs == null ? Map.of() : parsedInputs(lastInputs);
    List<QualityChecks.Outcome> outcomes = new ArrayList<>(QualityChecks.run(store,
        cleanedTablesToCheck(lastInputs, inputs), t -> QualityChecks.rowsWrittenSince(store, t,
            checkedBefore.getOrDefault(t.qualifiedName(), -1L))));
    Progress.done();
    if (outcomes.stream().anyMatch(QualityChecks.Outcome::isError)) {
      QualityChecks.record(store, runId, outcomes);
      QualityChecks.enforce(outcomes, "a gold build");
    }
    Progress.phase("gold: month facts from the dossiers");
    spark.sparkContext().setJobDescription("gold: month facts");
    // The catalogue (and a small province's ballots) copied through Kernel: read by Spark, each
    // costs a Delta snapshot and its file-listing jobs, for a few hundred rows.
    Dataset<Row> versions = store.readWhole(Table.CLEANED_PROCEDURE_VERSIONS);
    Dataset<Row> ballots = store.readWhole(Table.CLEANED_BALLOTS);
    Changes changes = successionsChanged ? null : changesSince(store, lastInputs, inputs);
    Dataset<Row> changedFacts = null;
    CatalogueVersions catalogue = CatalogueVersions.of(versions);
    if (changes == null) {
      store.overwrite(Table.GOLD_MONTH_FACTS, MonthFacts.of(
          CountedDossiers.of(store.readOrEmpty(Table.CLEANED_DOSSIERS)), catalogue));
    } else {
      // Month facts are sums over dossiers: the new ones are the old plus the events of the
      // changed dossiers' new states minus those of their old states.
      changedFacts = MonthFacts.of(CountedDossiers.of(changes.dossiers()), catalogue)
          .persist(StorageLevel.MEMORY_AND_DISK());
      store.overwrite(Table.GOLD_MONTH_FACTS,
          MonthFacts.sumByKey(store.read(Table.GOLD_MONTH_FACTS).unionByName(changedFacts)));
    }
    Progress.done();

    Progress.phase("gold: periods, identities, tables");
    spark.sparkContext().setJobDescription("gold: periods");
    // What the period tables are made of, reduced to months × units and held before the
    // interpreted part: these queries read inputs as large as the history (the month facts,
    // every ballot, every dossier's extract time), and interpreted they were the costliest
    // stages of a decade's monthly run (docs/benchmarks.md, session 16).
    Dataset<Row> monthFacts = store.read(Table.GOLD_MONTH_FACTS);
    // The survey lines first: the publishers' months take their ballot months from them, so
    // the ballots are read once.
    Dataset<Row> survey = SmallResult.of(SurveyMonthly.of(ballots));
    Dataset<Row> publisherMonths = SmallResult.of(PublisherMonths.of(monthFacts, survey));
    ChangedMonths changed = changes == null ? ChangedMonths.everything()
        : ChangedMonths.of(changedFacts.select(CountedDossiers.PUBLISHER, MonthFacts.MONTH),
            monthsToRecompute(store, changes), publishedSpans(store), publisherMonths);
    Dataset<Row> factsToRecompute = changed.isNothing() ? null
        : SmallResult.of(changed.monthFactsToRecompute(monthFacts));
    java.time.LocalDateTime dataAsOf = changed.isNothing() ? null
        : Provisional.dataAsOf(store.readOrEmpty(Table.CLEANED_DOSSIERS), store
            .largestLoggedValue(Table.CLEANED_DOSSIERS, vn.bantin.raw.RawColumns.EXTRACT_AT)
            .flatMap(Provisional::loggedTimestamp));
    // From here on the rows are months × units, held as local rows: few in a monthly run,
    // whose queries then run interpreted, as compiling their code costs more than it saves
    // (Evaluation). A decade built whole has too many of them for that: Spark's interpreted
    // projections (the aggregates' buffers, the statistics of every row written) cost it a
    // fifth of the period tables' time (docs/benchmarks.md, session 24).
    long factRows = factsToRecompute == null ? 0 : factsToRecompute.count();
    try (Evaluation aggregated = Evaluation.interpretedIf(spark,
        factRows <= INTERPRETED_FACT_ROWS)) {
      List<Table> written = new ArrayList<>();
      long unitRows = 0;
      long checks = 0;
      if (!changed.isNothing()) {
        Tables4 computed = periodTables(factsToRecompute, survey, publisherMonths, changed);
        // The period rows are few: each table is computed once and held, so that the identity
        // checks, the write and the trends read it rather than recompute it. The four side by
        // side: each is a few thousand rows, planned and run on its own, mostly driver time.
        PrintedShares shares = new PrintedShares(publishers);
        Dataset<Row> agencies = store.readWhole(Table.CLEANED_AGENCY_VERSIONS);
        List<Table> periodTables = new ArrayList<>(List.of(Table.GOLD_BULLETIN));
        periodTables.addAll(computed.units().keySet());
        List<Dataset<Row>> held = vn.bantin.spark.SideBySide.each(periodTables, table -> {
          spark.sparkContext().setJobDescription("gold: periods of " + table.qualifiedName());
          return table == Table.GOLD_BULLETIN
              ? SmallResult.of(Provisional.addTo(shares.addTo(
                  BulletinColumns.publisherTable(computed.bulletin()), true), dataAsOf))
              : SmallResult.of(shares.addTo(UnitNames.addTo(
                  BulletinColumns.unitTable(computed.units().get(table)),
                  UnitNames.versions(table, agencies, versions)), false));
        });
        Dataset<Row> bulletin = held.get(0);
        Map<Table, Dataset<Row>> units = new LinkedHashMap<>();
        for (int i = 1; i < periodTables.size(); i++) {
          units.put(periodTables.get(i), held.get(i));
        }
        Tables4 t = new Tables4(bulletin, units.get(Table.GOLD_DEPARTMENT),
            units.get(Table.GOLD_SECTOR), units.get(Table.GOLD_PROCEDURE), List.of());
        spark.sparkContext().setJobDescription("gold: check identities");
        CheckSummary checked = check(t, table -> changed.isEverything() || !store.exists(table)
            ? null : store.readWhole(table).where(changed.previousPeriodsWhere()));
        checks = checked.checks();
        unitRows = checked.unitRows();

        // The period tables and the successions, side by side: each is a comparison and at
        // most one commit of a few thousand rows, mostly the driver's time.
        String periods = changed.periodsWhere();
        Map<Table, Dataset<Row>> toWrite = new LinkedHashMap<>();
        toWrite.put(Table.GOLD_BULLETIN, bulletin);
        toWrite.putAll(units);
        toWrite.put(Table.GOLD_SURVEY, SurveyAnswers.of(bulletin));
        toWrite.put(Table.GOLD_UNIT_SUCCESSIONS, spark.createDataFrame(
            Successions.rows(successions), GoldSchemas.unitSuccessions()));
        List<Table> synced = vn.bantin.spark.SideBySide.each(List.copyOf(toWrite.keySet()),
            table -> {
              spark.sparkContext().setJobDescription("gold: write " + table.qualifiedName());
              return store.sync(table, toWrite.get(table),
                  table == Table.GOLD_UNIT_SUCCESSIONS ? "true" : periods) ? table : null;
            });
        synced.stream().filter(java.util.Objects::nonNull).forEach(written::add);
        // The trends last: an incremental build reads them from the period tables just written.
        spark.sparkContext().setJobDescription("gold: trends");
        if (store.sync(Table.GOLD_TRENDS, trends(store, changed, bulletin, units, publisherMonths,
            Successions.basis(successions)), changed.monthsWhere())) {
          written.add(Table.GOLD_TRENDS);
        }
      }

      // The summary's counts, in one query over the (small) published table.
      Row counted = store.readWhole(Table.GOLD_BULLETIN).agg(
          expr("count_if(period_kind = 'month')"), expr("count_if(period_kind = 'quarter')"),
          expr("count_if(period_kind = 'year')"), expr("count(DISTINCT publisher_code)"),
          expr("coalesce(sum(CASE WHEN period_kind = 'month' THEN"
              + " received_without_procedure_version END), 0)")).first();
      // The gold tables written are checked before they are published: an error leaves the
      // build unlogged, so readers keep the last one and the next run rolls this one back.
      Progress.done();
      Progress.phase("gold: checks of the tables written");
      outcomes.addAll(QualityChecks.run(store, written));
      QualityChecks.record(store, runId, outcomes);
      Progress.done();
      QualityChecks.enforce(outcomes, "the gold build");
      // Logged last, with the version of every gold table: readers follow this row, so they see
      // this build's tables all at once, and a build killed before this line is invisible to
      // them and rolled back and done again by the next run.
      store.replaceSlices(Table.GOLD_BUILDS, spark.createDataFrame(List.of(
              org.apache.spark.sql.RowFactory.create(runId, inputs, java.time.Instant.now(),
                  PublishedGold.format(goldVersions(store)))),
          GoldSchemas.builds()), List.of(runId));
      if (changedFacts != null) {
        changedFacts.unpersist();
      }
      return new Result(counted.getLong(3), counted.getLong(0), counted.getLong(1),
          counted.getLong(2), unitRows, checks, counted.getLong(4), written, false,
          changed.isEverything() ? Map.of() : changed.firstChanged(), outcomes);
    }
  }

  /**
   * The trend rows of the changed months: from the rows just computed when everything was,
   * otherwise from the published monthly rows (now up to date) of the twelve months before
   * each publisher's first change onwards.
   */
  private static Dataset<Row> trends(TableStore store, ChangedMonths changed,
      Dataset<Row> bulletin, Map<Table, Dataset<Row>> units, Dataset<Row> publisherMonths,
      List<Successions.Basis> bases) {
    if (changed.isEverything()) {
      return Trends.of(bulletin, units.get(Table.GOLD_DEPARTMENT), units.get(Table.GOLD_SECTOR),
          publisherMonths, bases);
    }
    String inputs = changed.trendInputsWhere();
    return changed.keepMonths(Trends.of(store.readWhole(Table.GOLD_BULLETIN).where(inputs),
        store.readWhole(Table.GOLD_DEPARTMENT).where(inputs),
        store.readWhole(Table.GOLD_SECTOR).where(inputs), publisherMonths, bases));
  }

  /**
   * The successions of now: derived from the cleaned agency and catalogue versions, with the
   * operator's lines in place of the derived ones of the predecessors they name.
   */
  private static List<Successions.Succession> successions(TableStore store,
      List<Successions.Declared> declared) {
    // Both tables are a catalogue's size (agencies, procedures × versions): read through Kernel.
    List<Successions.AgencySpan> agencies = store.smallRows(Table.CLEANED_AGENCY_VERSIONS)
        .stream().map(r -> new Successions.AgencySpan(
            (String) r.get(vn.bantin.cleaned.AgencyShape.AGENCY_CODE),
            (java.time.LocalDate) r.get(vn.bantin.cleaned.AgencyShape.VALID_FROM),
            (java.time.LocalDate) r.get(vn.bantin.cleaned.AgencyShape.VALID_TO)))
        .toList();
    List<Successions.ProcedureSpan> catalogue = store
        .smallRows(Table.CLEANED_PROCEDURE_VERSIONS).stream()
        .map(r -> new Successions.ProcedureSpan((String) r.get(ProcedureShape.PROCEDURE_CODE),
            (String) r.get(ProcedureShape.DEPARTMENT_CODE),
            (java.time.LocalDate) r.get(ProcedureShape.VALID_FROM),
            (java.time.LocalDate) r.get(ProcedureShape.VALID_TO)))
        .toList();
    try {
      return Successions.of(agencies, catalogue, declared);
    } catch (IllegalArgumentException e) {
      throw new vn.bantin.UserError(e.getMessage());
    }
  }
}
