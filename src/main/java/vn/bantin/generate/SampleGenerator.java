package vn.bantin.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates a sample of extracts: one provincial centre, its departments and catalogue, months
 * of dossiers and ballots, written as overlapping extracts in mixed formats with a few bad
 * records; optionally with one month calibrated to a published bulletin.
 *
 * <p>Deterministic: one {@link Random} seeded from the options drives every choice, in a fixed
 * order; collections are iterated in defined orders; files carry no wall-clock time.
 */
public final class SampleGenerator {

  private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private SampleGenerator() {}

  /** Builds the sample in memory and writes its files into {@code options.out()}. */
  public static GeneratedSample generate(GeneratorOptions options) throws IOException {
    if (options.out() == null) {
      throw new IllegalArgumentException("no output directory");
    }
    Built b = buildAll(options);
    Path out = options.out();
    Files.createDirectories(out);
    List<WrittenFile> files = new ArrayList<>();
    for (PlannedExtract e : b.plan) {
      Path file = out.resolve(e.fileName());
      List<ExtractRow> rows = b.contents.get(e);
      ExtractWriter.forExtract(e).write(file, e.kind().fields(), rows);
      files.add(new WrittenFile(e.fileName(), e.kind(), rows.size(), Files.size(file)));
    }
    GeneratedSample s = b.sample;
    return new GeneratedSample(s.options(), s.from(), s.to(), s.publisherCode(), s.bulletin(),
        s.agencies(), s.catalogue(), s.dossiers(), s.finalStates(), s.ballots(), s.extracts(),
        List.copyOf(files), s.badRecords(), out);
  }

  /** Builds the sample in memory only (files listed with their record counts, not written). */
  public static GeneratedSample build(GeneratorOptions options) {
    return buildAll(options).sample;
  }

  private record Built(GeneratedSample sample, List<PlannedExtract> plan,
      Map<PlannedExtract, List<ExtractRow>> contents) {}

  /**
   * The months to generate: the options' span, else the default one, else (calibrating) three
   * months before the bulletin's to two after; checked against what can be modelled.
   */
  static YearMonth[] span(GeneratorOptions o, Bulletin b) {
    YearMonth from = o.from();
    YearMonth to = o.to();
    if (b != null) {
      from = from != null ? from : max(GeneratorOptions.EARLIEST, b.period().minusMonths(3));
      to = to != null ? to : min(GeneratorOptions.LATEST, b.period().plusMonths(2));
    } else {
      from = from != null ? from : GeneratorOptions.DEFAULT_FROM;
      to = to != null ? to : (o.from() != null && o.from().isAfter(GeneratorOptions.DEFAULT_TO)
          ? from : GeneratorOptions.DEFAULT_TO);
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    if (from.isBefore(GeneratorOptions.EARLIEST) || to.isAfter(GeneratorOptions.LATEST)) {
      throw new IllegalArgumentException("months must lie within " + GeneratorOptions.EARLIEST
          + " .. " + GeneratorOptions.LATEST + " (the modelled calendar and province), got "
          + from + " .. " + to);
    }
    if (b != null && (b.period().isBefore(from) || b.period().isAfter(to))) {
      throw new IllegalArgumentException("the bulletin's period " + b.period()
          + " is outside --from " + from + " .. --to " + to);
    }
    if (!(o.scale() > 0 && o.scale() <= 20)) {
      throw new IllegalArgumentException("--volume must be > 0 and ≤ 20, got " + o.scale());
    }
    return new YearMonth[] {from, to};
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth min(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static Built buildAll(GeneratorOptions o) {
    Bulletin bulletin = o.calibrate() == null ? null : Bulletin.read(o.calibrate());
    YearMonth[] span = span(o, bulletin);
    YearMonth from = span[0];
    YearMonth to = span[1];
    String centreCode = bulletin != null ? bulletin.publisherCode() : ThaiBinh.CENTRE_CODE;
    String centreName = bulletin != null ? bulletin.publisher() : ThaiBinh.CENTRE_NAME;
    NaturalRates rates = bulletin != null ? NaturalRates.from(bulletin, o.scale())
        : NaturalRates.defaults(o.scale());
    int months = (int) (to.getYear() * 12L + to.getMonthValue()
        - from.getYear() * 12L - from.getMonthValue() + 1);
    // the in-span catalogue change: on the 12th of the middle month
    Catalogue catalogue = new Catalogue(from.plusMonths(months / 2).atDay(12));
    if (bulletin != null) {
      CalibratedPeriod.check(bulletin, catalogue);
    }

    Random rnd = new Random(o.seed());
    LifecycleGenerator gen = new LifecycleGenerator(catalogue, rates, centreCode, rnd);
    List<DossierDraft> drafts = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      drafts.addAll(gen.month(m));
    }
    CalibratedPeriod calibrated = null;
    if (bulletin != null) {
      calibrated = new CalibratedPeriod(bulletin, catalogue, gen);
      drafts = calibrated.apply(drafts);
    }

    // ballots, linked to dossiers resolved in their month
    Map<YearMonth, List<DossierDraft>> resolvedByMonth = new TreeMap<>();
    for (DossierDraft d : drafts) {
      if (d.outcome == Dossier.Outcome.RESOLVED && d.endedAt != null) {
        resolvedByMonth.computeIfAbsent(YearMonth.from(d.endedAt), k -> new ArrayList<>()).add(d);
      }
    }
    BallotGenerator ballotGen = new BallotGenerator(rates, centreCode, rnd);
    List<BallotGenerator.Draft> ballotDrafts = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      boolean calibratedMonth = calibrated != null && m.equals(calibrated.period());
      ballotDrafts.addAll(ballotGen.natural(m,
          resolvedByMonth.getOrDefault(m, List.of()), !calibratedMonth));
    }
    if (calibrated != null) {
      ballotDrafts.addAll(ballotGen.exact(calibrated.period(), calibrated.ballotAnswers(),
          calibrated.resolvedInPeriod()));
    }

    // codes: <agency>-<yyMMdd>-<nnnn>, numbered per day in order of acceptance (or submission)
    drafts.sort(Comparator.comparing((DossierDraft d) -> d.publisherCode)
        .thenComparing(DossierDraft::codeTime).thenComparingLong(d -> d.serial));
    Map<DossierDraft, String> ids = new IdentityHashMap<>();
    List<Dossier> dossiers = new ArrayList<>();
    String lastPrefix = "";
    int seq = 0;
    for (DossierDraft d : drafts) {
      String prefix = d.publisherCode + "-" + CODE_DAY.format(d.codeTime()) + "-";
      seq = prefix.equals(lastPrefix) ? seq + 1 : 1;
      lastPrefix = prefix;
      String id = prefix + String.format("%04d", seq);
      ids.put(d, id);
      dossiers.add(d.toDossier(id));
    }
    dossiers.sort(Comparator.comparing(Dossier::id));

    ballotDrafts.sort(Comparator.comparing(BallotGenerator.Draft::at)
        .thenComparingLong(BallotGenerator.Draft::serial));
    List<Ballot> ballots = new ArrayList<>();
    lastPrefix = "";
    for (BallotGenerator.Draft b : ballotDrafts) {
      String prefix = "PDG-" + CODE_DAY.format(b.at()) + "-";
      seq = prefix.equals(lastPrefix) ? seq + 1 : 1;
      lastPrefix = prefix;
      ballots.add(new Ballot(prefix + String.format("%04d", seq), b.at(), b.publisherCode(),
          b.dossier() == null ? null : ids.get(b.dossier()), b.attitude(), b.overall()));
    }

    // the extracts
    List<PlannedExtract> plan = ExtractPlan.of(from, to);
    Map<PlannedExtract, List<ExtractRow>> contents = new LinkedHashMap<>();
    Map<String, DossierState> finalStates = new TreeMap<>();
    List<CatalogueVersion> finalCatalogue = List.of();
    List<Agency> finalAgencies = List.of();
    for (PlannedExtract e : plan) {
      List<ExtractRow> rows = new ArrayList<>();
      switch (e.kind()) {
        case HOSO -> {
          for (Dossier d : dossiers) {
            if (d.hasEventIn(e.windowStart(), e.time())) {
              DossierState s = d.stateAt(e.time());
              finalStates.put(d.id(), s);
              rows.add(ExtractRow.of(s.toFields()));
            }
          }
        }
        case DANHGIA -> {
          for (Ballot b : ballots) {
            if ((e.windowStart() == null || b.filledAt().isAfter(e.windowStart()))
                && !b.filledAt().isAfter(e.time())) {
              rows.add(ExtractRow.of(b.toFields()));
            }
          }
        }
        case THUTUC -> {
          finalCatalogue = catalogue.snapshot(e.time());
          finalCatalogue.forEach(v -> rows.add(ExtractRow.of(v.toFields())));
        }
        case DONVI -> {
          finalAgencies = ThaiBinh.agencies(centreCode, centreName, e.time());
          finalAgencies.forEach(a -> rows.add(ExtractRow.of(a.toFields())));
        }
        default -> throw new IllegalStateException();
      }
      contents.put(e, rows);
    }
    Set<String> usedKeys = new HashSet<>(ids.values());
    ballots.forEach(b -> usedKeys.add(b.id()));
    BadRecords bad = new BadRecords(contents, usedKeys);
    bad.insert(plan);

    List<WrittenFile> files = new ArrayList<>();
    for (PlannedExtract e : plan) {
      files.add(new WrittenFile(e.fileName(), e.kind(), contents.get(e).size(), 0));
    }
    GeneratedSample sample = new GeneratedSample(o, from, to, centreCode, bulletin,
        List.copyOf(finalAgencies), List.copyOf(finalCatalogue), List.copyOf(dossiers),
        List.copyOf(finalStates.values()), List.copyOf(ballots), List.copyOf(plan),
        List.copyOf(files), List.copyOf(bad.written()), null);
    return new Built(sample, plan, contents);
  }
}
