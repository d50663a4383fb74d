package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modelled procedure catalogue of the Thái Bình centre: about 60 procedures of 15
 * departments, with the versions real catalogues go through — a few upgrades of the online
 * level in 2020, the change of vocabulary on 1 July 2022 (levels 2/3/4 become
 * {@code MOT_PHAN}/{@code TOAN_TRINH}; a few procedures stay at level 2), the 2025 merger of
 * departments (procedures move to the receiving department) and one change inside the generated
 * months ({@code inSpanChange}), so that a dossier's level depends on its acceptance date.
 */
public final class Catalogue {

  /** HieuLucTu of every procedure's first version. */
  static final LocalDate START = LocalDate.of(2018, 1, 1);
  /** Some procedures were upgraded on this day. */
  static final LocalDate HISTORIC_UPGRADE = LocalDate.of(2020, 7, 1);
  /** Decree 42/2022: levels 2/3/4 give way to MOT_PHAN / TOAN_TRINH. */
  static final LocalDate DECREE_42 = LocalDate.of(2022, 7, 1);

  /** Upgraded 2 → 3 on {@link #HISTORIC_UPGRADE}. */
  private static final Set<String> HISTORIC_2_TO_3 = Set.of("2.001023", "1.003003");
  /** Upgraded 3 → 4 on {@link #HISTORIC_UPGRADE}. */
  private static final Set<String> HISTORIC_3_TO_4 = Set.of("1.002809");
  /** Level 2 procedures that stay at level 2 after Decree 42 (no online service). */
  private static final Set<String> STAYS_LEVEL_2 = Set.of(
      "1.004227", "1.002745", "1.001028", "1.003822", "1.009974", "1.010727");
  /** The in-span changes: 2 → 3, 3 → 4, and NamTaiCho 0 → 1. */
  static final String IN_SPAN_2_TO_3 = "1.004227";
  static final String IN_SPAN_3_TO_4 = "1.002835";
  static final String IN_SPAN_FIVE = "1.000775";

  private final List<Procedure> procedures;
  private final LocalDate inSpanChange;
  private final Map<String, List<CatalogueVersion>> versions = new TreeMap<>();

  /**
   * @param inSpanChange the day, inside the generated months, on which three procedures get a
   *     new version
   */
  public Catalogue(LocalDate inSpanChange) {
    this.procedures = ThaiBinh.procedures();
    this.inSpanChange = inSpanChange;
    for (Procedure p : procedures) {
      versions.put(p.code(), buildVersions(p));
    }
  }

  public List<Procedure> procedures() {
    return procedures;
  }

  public LocalDate inSpanChange() {
    return inSpanChange;
  }

  private record Attributes(String level, boolean five, String department) {}

  private Attributes attributesOn(Procedure p, LocalDate d) {
    int level = p.baseLevel();
    if (!d.isBefore(HISTORIC_UPGRADE) && HISTORIC_2_TO_3.contains(p.code())) {
      level = 3;
    }
    if (!d.isBefore(HISTORIC_UPGRADE) && HISTORIC_3_TO_4.contains(p.code())) {
      level = 4;
    }
    if (!d.isBefore(inSpanChange) && p.code().equals(IN_SPAN_2_TO_3)) {
      level = 3;
    }
    if (!d.isBefore(inSpanChange) && p.code().equals(IN_SPAN_3_TO_4)) {
      level = 4;
    }
    String mucDo = String.valueOf(level);
    if (!d.isBefore(DECREE_42)) {
      mucDo = level == 4 ? "TOAN_TRINH"
          : level == 3 || !STAYS_LEVEL_2.contains(p.code()) ? "MOT_PHAN" : "2";
    }
    boolean five = p.fiveOnSpot() || (!d.isBefore(inSpanChange) && p.code().equals(IN_SPAN_FIVE));
    return new Attributes(mucDo, five, ThaiBinh.departmentOn(p.departmentCode(), d));
  }

  private List<CatalogueVersion> buildVersions(Procedure p) {
    TreeSet<LocalDate> candidates = new TreeSet<>(List.of(HISTORIC_UPGRADE, DECREE_42,
        ThaiBinh.MERGER, inSpanChange));
    List<LocalDate> starts = new ArrayList<>(List.of(START));
    for (LocalDate c : candidates) {
      if (c.isAfter(START) && !attributesOn(p, c).equals(attributesOn(p, c.minusDays(1)))) {
        starts.add(c);
      }
    }
    List<CatalogueVersion> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      LocalDate from = starts.get(i);
      LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : null;
      Attributes a = attributesOn(p, from);
      out.add(new CatalogueVersion(p.code(), p.name(), p.sectorCode(), p.sectorName(),
          a.department(), a.level(), a.five(), from, to));
    }
    return out;
  }

  /** The version of {@code code} valid on {@code d}, or null. */
  public CatalogueVersion versionOn(String code, LocalDate d) {
    for (CatalogueVersion v : versions.getOrDefault(code, List.of())) {
      if (v.validOn(d)) {
        return v;
      }
    }
    return null;
  }

  /**
   * The catalogue as an extract taken at {@code t} lists it: the versions that had started by
   * then, a version's end shown only once its successor had started. Ordered by code, then
   * HieuLucTu.
   */
  public List<CatalogueVersion> snapshot(LocalDateTime t) {
    LocalDate day = t.toLocalDate();
    List<CatalogueVersion> out = new ArrayList<>();
    for (List<CatalogueVersion> vs : versions.values()) {
      for (CatalogueVersion v : vs) {
        if (v.validFrom().isAfter(day)) {
          continue;
        }
        boolean successorKnown = v.validTo() != null && !v.validTo().plusDays(1).isAfter(day);
        out.add(successorKnown ? v : new CatalogueVersion(v.procedureCode(), v.procedureName(),
            v.sectorCode(), v.sectorName(), v.departmentCode(), v.level(), v.fiveOnSpot(),
            v.validFrom(), null));
      }
    }
    return out;
  }

  /**
   * Draws a procedure for a dossier accepted on {@code d}, by weight, among those whose version
   * on {@code d} has the wanted level-3/4 and "5 tại chỗ" flags (null = either). When no
   * procedure has both, the five-on-spot wish is dropped, then the level wish.
   */
  public Procedure pick(LocalDate d, Boolean level34, Boolean five, Random rnd) {
    List<Procedure> cands = matching(d, level34, five);
    if (cands.isEmpty()) {
      cands = matching(d, level34, null);
    }
    if (cands.isEmpty()) {
      cands = matching(d, null, null);
    }
    int total = 0;
    for (Procedure p : cands) {
      total += p.weight();
    }
    int x = rnd.nextInt(total);
    for (Procedure p : cands) {
      x -= p.weight();
      if (x < 0) {
        return p;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** True when some procedure's version on {@code d} has exactly these flags. */
  public boolean has(LocalDate d, boolean level34, boolean five) {
    return !matching(d, level34, five).isEmpty();
  }

  /** Memo of {@link #matching}: looked up only, never iterated, so its order is irrelevant. */
  private final Map<String, List<Procedure>> matchingMemo = new java.util.HashMap<>();

  private List<Procedure> matching(LocalDate d, Boolean level34, Boolean five) {
    return matchingMemo.computeIfAbsent(d + "/" + level34 + "/" + five,
        k -> computeMatching(d, level34, five));
  }

  private List<Procedure> computeMatching(LocalDate d, Boolean level34, Boolean five) {
    List<Procedure> out = new ArrayList<>();
    for (Procedure p : procedures) {
      CatalogueVersion v = versionOn(p.code(), d);
      if (v != null && (level34 == null || v.isLevel34() == level34)
          && (five == null || v.fiveOnSpot() == five)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The procedure with this code. */
  public Procedure procedure(String code) {
    return procedures.stream().filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(code));
  }

  /** All versions, ordered by code then HieuLucTu. */
  public List<CatalogueVersion> allVersions() {
    List<CatalogueVersion> out = new ArrayList<>();
    versions.values().forEach(out::addAll);
    out.sort(Comparator.comparing(CatalogueVersion::procedureCode)
        .thenComparing(CatalogueVersion::validFrom));
    return out;
  }
}
