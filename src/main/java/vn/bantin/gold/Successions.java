package vn.bantin.gold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which department continues which across a reorganisation ({@code gold.unit_successions}), and
 * what a successor's trend compares with: a pure function of the agency and catalogue versions
 * and the operator's mapping, computed on the driver (both are small dimensions).
 *
 * <p>Derived from the extracts where they say so: an agency whose every version has ended (its
 * last day E) is a predecessor of the department(s) that resolve, from E + 1, the procedures it
 * resolved on E (the catalogue version valid on each day says which department resolves a
 * procedure). A closure with no procedure moving says nothing and gives no succession. A
 * predecessor with one successor is a {@code merge} (a renaming to a new code is one too); with
 * several, a {@code split}. The operator's file replaces every derived succession of a
 * predecessor it names.
 *
 * <p>A successor's trend counts, from the month its predecessor joined it on, the predecessor's
 * months before it joined ({@link #basis}); a split predecessor is not counted into any of its
 * successors (the extracts do not say how to divide it), so their trends break there, marked.
 */
public final class Successions {
  private Successions() {}

  /** Columns of {@code gold.unit_successions}. */
  public static final String PREDECESSOR_CODE = "predecessor_code";
  public static final String SUCCESSOR_CODE = "successor_code";
  public static final String EFFECTIVE_MONTH = "effective_month";
  public static final String KIND = "kind";
  public static final String SOURCE = "source";

  /** The kinds of a succession. */
  public static final String MERGE = "merge";
  public static final String SPLIT = "split";
  /** The sources of a succession. */
  public static final String FROM_EXTRACTS = "extracts";
  public static final String FROM_OPERATOR = "operator";

  /**
   * One predecessor → successor edge.
   *
   * @param effectiveMonth the first day of the month of the successor's first day as such: the
   *     predecessor's rows of earlier months are counted into the successor's trend
   * @param kind {@link #MERGE} or {@link #SPLIT}
   * @param source {@link #FROM_EXTRACTS} or {@link #FROM_OPERATOR}
   */
  public record Succession(String predecessor, String successor, LocalDate effectiveMonth,
      String kind, String source) {
    public Succession {
      Objects.requireNonNull(predecessor, "predecessor");
      Objects.requireNonNull(successor, "successor");
      Objects.requireNonNull(effectiveMonth, "effectiveMonth");
      if (effectiveMonth.getDayOfMonth() != 1) {
        throw new IllegalArgumentException("Cannot hold a succession effective on "
            + effectiveMonth + ": it must be a month's first day");
      }
    }
  }

  /** The rows of {@code gold.unit_successions}, in the table's column order. */
  public static List<org.apache.spark.sql.Row> rows(List<Succession> all) {
    return all.stream().map(s -> org.apache.spark.sql.RowFactory.create(s.predecessor(),
        s.successor(), s.effectiveMonth(), s.kind(), s.source()))
        .toList();
  }

  /** The successions a table's rows hold (the inverse of {@link #rows}), sorted as {@link #of}. */
  public static List<Succession> fromRows(List<java.util.Map<String, Object>> rows) {
    return rows.stream().map(r -> new Succession((String) r.get(PREDECESSOR_CODE),
            (String) r.get(SUCCESSOR_CODE), (LocalDate) r.get(EFFECTIVE_MONTH),
            (String) r.get(KIND), (String) r.get(SOURCE)))
        .sorted(Comparator.comparing(Succession::predecessor)
            .thenComparing(Succession::successor))
        .toList();
  }

  /** The operator's lines among successions (to keep them when no new file is given). */
  public static List<Declared> declared(List<Succession> all) {
    return all.stream().filter(s -> s.source().equals(FROM_OPERATOR))
        .map(s -> new Declared(s.predecessor(), s.successor(), s.effectiveMonth())).toList();
  }

  /** An agency version: code and validity (null bounds are open). */
  public record AgencySpan(String code, LocalDate validFrom, LocalDate validTo) {}

  /** A catalogue version: procedure, the department that resolves it, validity. */
  public record ProcedureSpan(String procedure, String department, LocalDate validFrom,
      LocalDate validTo) {}

  /** An operator's line: predecessor, successor, the successor's first day. */
  public record Declared(String predecessor, String successor, LocalDate from) {}

  /**
   * Every succession: derived from the versions, then the operator's lines in place of the
   * derived ones of each predecessor they name. Sorted by predecessor, then successor.
   */
  public static List<Succession> of(List<AgencySpan> agencies, List<ProcedureSpan> catalogue,
      List<Declared> declared) {
    Map<String, Map<String, LocalDate>> edges = new TreeMap<>();
    Map<String, String> sources = new HashMap<>();
    derived(agencies, catalogue).forEach((pred, succs) -> {
      edges.put(pred, succs);
      sources.put(pred, FROM_EXTRACTS);
    });
    Map<String, Map<String, LocalDate>> byOperator = new TreeMap<>();
    for (Declared d : declared) {
      if (d.predecessor().equals(d.successor())) {
        throw new IllegalArgumentException("Cannot take the succession " + d.predecessor()
            + " → " + d.successor() + ": a department cannot succeed itself");
      }
      byOperator.computeIfAbsent(d.predecessor(), k -> new TreeMap<>())
          .merge(d.successor(), d.from(), (a, b) -> a.isBefore(b) ? a : b);
    }
    byOperator.forEach((pred, succs) -> {
      edges.put(pred, succs);
      sources.put(pred, FROM_OPERATOR);
    });
    List<Succession> out = new ArrayList<>();
    edges.forEach((pred, succs) -> succs.forEach((succ, from) -> out.add(new Succession(pred,
        succ, from.withDayOfMonth(1), succs.size() == 1 ? MERGE : SPLIT, sources.get(pred)))));
    rejectCycles(out);
    return List.copyOf(out);
  }

  /** predecessor → (successor → the successor's first day), from the extracts. */
  private static Map<String, Map<String, LocalDate>> derived(List<AgencySpan> agencies,
      List<ProcedureSpan> catalogue) {
    Map<String, List<AgencySpan>> byCode = agencies.stream()
        .collect(Collectors.groupingBy(AgencySpan::code, TreeMap::new, Collectors.toList()));
    Map<String, List<ProcedureSpan>> byProcedure = catalogue.stream()
        .collect(Collectors.groupingBy(ProcedureSpan::procedure, TreeMap::new,
            Collectors.toList()));
    Map<String, Map<String, LocalDate>> out = new TreeMap<>();
    byCode.forEach((code, versions) -> {
      if (versions.stream().anyMatch(v -> v.validTo() == null)) {
        return; // still valid
      }
      LocalDate last = versions.stream().map(AgencySpan::validTo)
          .max(Comparator.naturalOrder()).orElseThrow();
      LocalDate next = last.plusDays(1);
      Map<String, LocalDate> successors = new TreeMap<>();
      for (List<ProcedureSpan> procedure : byProcedure.values()) {
        ProcedureSpan before = validOn(procedure, last);
        ProcedureSpan after = validOn(procedure, next);
        if (before != null && after != null && code.equals(before.department())
            && after.department() != null && !code.equals(after.department())) {
          successors.put(after.department(), next);
        }
      }
      if (!successors.isEmpty()) {
        out.put(code, successors);
      }
    });
    return out;
  }

  /**
   * The version valid on {@code day}: the latest {@code validFrom} among those that cover it
   * (contract.md: where two versions overlap, the later HieuLucTu wins); null if none does.
   */
  static ProcedureSpan validOn(List<ProcedureSpan> versions, LocalDate day) {
    ProcedureSpan best = null;
    for (ProcedureSpan v : versions) {
      boolean covers = (v.validFrom() == null || !v.validFrom().isAfter(day))
          && (v.validTo() == null || !v.validTo().isBefore(day));
      if (covers && (best == null || (v.validFrom() != null && (best.validFrom() == null
          || v.validFrom().isAfter(best.validFrom()))))) {
        best = v;
      }
    }
    return best;
  }

  private static void rejectCycles(List<Succession> all) {
    Map<String, Set<String>> next = new HashMap<>();
    all.forEach(s -> next.computeIfAbsent(s.predecessor(), k -> new TreeSet<>())
        .add(s.successor()));
    for (String start : next.keySet()) {
      java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(next.get(start));
      Set<String> seen = new TreeSet<>();
      while (!todo.isEmpty()) {
        String u = todo.pop();
        if (u.equals(start)) {
          throw new IllegalArgumentException("Cannot follow departments across reorganisations:"
              + " the successions lead from " + start + " back to itself");
        }
        if (seen.add(u)) {
          todo.addAll(next.getOrDefault(u, Set.of()));
        }
      }
    }
  }

  /**
   * What a successor's trend counts from a month on: the unit itself and each predecessor
   * (merged into it directly or through a chain of merges) with the month before which that
   * predecessor's own rows are counted.
   *
   * @param from the first month of this basis (a predecessor joined then)
   * @param to the month the next basis starts, or null
   * @param members predecessor code → its own succession's effective month
   */
  public record Basis(String unit, LocalDate from, LocalDate to, Map<String, LocalDate> members) {}

  /**
   * Every successor's bases, one per month a predecessor joined it (before the first, the unit
   * counts alone, and has no basis here). Only merges are followed.
   */
  public static List<Basis> basis(List<Succession> all) {
    Map<String, List<Succession>> into = new TreeMap<>();
    for (Succession s : all) {
      if (s.kind().equals(MERGE)) {
        into.computeIfAbsent(s.successor(), k -> new ArrayList<>()).add(s);
      }
    }
    List<Basis> out = new ArrayList<>();
    for (String unit : into.keySet()) {
      // predecessor → (the month it joined this unit, the month its own rows stop counting)
      Map<String, LocalDate[]> members = new LinkedHashMap<>();
      collect(unit, null, into, members, new TreeSet<>());
      TreeSet<LocalDate> joins = new TreeSet<>();
      members.values().forEach(m -> joins.add(m[0]));
      List<LocalDate> starts = new ArrayList<>(joins);
      for (int k = 0; k < starts.size(); k++) {
        LocalDate from = starts.get(k);
        Map<String, LocalDate> in = new TreeMap<>();
        members.forEach((code, m) -> {
          if (!m[0].isAfter(from)) {
            in.put(code, m[1]);
          }
        });
        out.add(new Basis(unit, from, k + 1 < starts.size() ? starts.get(k + 1) : null, in));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The predecessors of {@code unit}, each with the month it joined {@code top} (through the
   * edge into {@code top}'s chain: {@code joined}, or its own edge when direct) and its own
   * edge's month.
   */
  private static void collect(String unit, LocalDate joined, Map<String, List<Succession>> into,
      Map<String, LocalDate[]> members, Set<String> path) {
    if (!path.add(unit)) {
      return;
    }
    for (Succession s : into.getOrDefault(unit, List.of())) {
      LocalDate joinedTop = joined == null ? s.effectiveMonth()
          : (s.effectiveMonth().isAfter(joined) ? s.effectiveMonth() : joined);
      members.putIfAbsent(s.predecessor(), new LocalDate[] {joinedTop, s.effectiveMonth()});
      collect(s.predecessor(), joinedTop, into, members, path);
    }
    path.remove(unit);
  }
}
