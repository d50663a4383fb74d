package vn.bantin.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bantin.gold.Successions.AgencySpan;
import vn.bantin.gold.Successions.Declared;
import vn.bantin.gold.Successions.ProcedureSpan;
import vn.bantin.gold.Successions.Succession;

/** Which department continues which, derived from agency and catalogue versions. */
class SuccessionsTest {
  private static final LocalDate START = LocalDate.of(2015, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 2, 28);
  private static final LocalDate MERGER = LocalDate.of(2025, 3, 1);

  private final List<AgencySpan> agencies = new ArrayList<>();
  private final List<ProcedureSpan> catalogue = new ArrayList<>();

  private void open(String code) {
    agencies.add(new AgencySpan(code, START, null));
  }

  private void closed(String code) {
    agencies.add(new AgencySpan(code, START, LAST));
  }

  /** Procedure {@code p} resolved by {@code before} until the merger, then by {@code after}. */
  private void moves(String p, String before, String after) {
    catalogue.add(new ProcedureSpan(p, before, START, LAST));
    catalogue.add(new ProcedureSpan(p, after, MERGER, null));
  }

  private static Succession edge(String from, String to, String kind, String source) {
    return new Succession(from, to, LocalDate.of(2025, 3, 1), kind, source);
  }

  @Test
  void aClosedAgencyWhoseProceduresMoveIsAPredecessor() {
    closed("D3");
    open("D4");
    open("D5");
    moves("1.1", "D3", "D4");
    moves("1.2", "D3", "D4");
    // A procedure of another department that changes version on the same day: no succession.
    moves("1.3", "D5", "D5");
    assertEquals(List.of(edge("D3", "D4", Successions.MERGE, Successions.FROM_EXTRACTS)),
        Successions.of(agencies, catalogue, List.of()));
  }

  @Test
  void aPredecessorWhoseProceduresGoToTwoDepartmentsIsSplit() {
    closed("D5");
    open("D7");
    open("D8");
    moves("1.1", "D5", "D7");
    moves("1.2", "D5", "D8");
    List<Succession> all = Successions.of(agencies, catalogue, List.of());
    assertEquals(List.of(edge("D5", "D7", Successions.SPLIT, Successions.FROM_EXTRACTS),
        edge("D5", "D8", Successions.SPLIT, Successions.FROM_EXTRACTS)), all);
    // A split predecessor is counted into neither successor.
    assertEquals(List.of(), Successions.basis(all));
  }

  @Test
  void aClosureWithNoProcedureMovingOrAnAgencyStillValidSaysNothing() {
    closed("D3");
    open("D4");
    // The catalogue gives D3's procedure no version after D3 closed.
    catalogue.add(new ProcedureSpan("1.1", "D3", START, LAST));
    // An open agency's procedure moves: a reassignment, not a succession.
    moves("1.2", "D4", "D6");
    open("D6");
    assertEquals(List.of(), Successions.of(agencies, catalogue, List.of()));
  }

  @Test
  void theOperatorsLinesReplaceTheDerivedOnesOfThePredecessorsTheyName() {
    closed("D3");
    closed("D5");
    open("D4");
    open("D7");
    moves("1.1", "D3", "D4");
    moves("1.2", "D5", "D7");
    List<Succession> all = Successions.of(agencies, catalogue, List.of(
        new Declared("D3", "D7", LocalDate.of(2025, 3, 15)),
        new Declared("X1", "D4", LocalDate.of(2020, 1, 1))));
    assertEquals(List.of(edge("D3", "D7", Successions.MERGE, Successions.FROM_OPERATOR),
        edge("D5", "D7", Successions.MERGE, Successions.FROM_EXTRACTS),
        new Succession("X1", "D4", LocalDate.of(2020, 1, 1), Successions.MERGE,
            Successions.FROM_OPERATOR)), all);
    // Kept from one build to the next: the operator's lines, as given (the month's first day).
    assertEquals(List.of(new Declared("D3", "D7", LocalDate.of(2025, 3, 1)),
        new Declared("X1", "D4", LocalDate.of(2020, 1, 1))), Successions.declared(all));
  }

  @Test
  void aCycleIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Successions.of(List.of(), List.of(), List.of(
            new Declared("A", "B", MERGER), new Declared("B", "A", MERGER))));
    assertTrue(e.getMessage().contains("back to itself"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Successions.of(List.of(), List.of(),
        List.of(new Declared("A", "A", MERGER))));
  }

  @Test
  void aChainGivesTheSuccessorEveryPredecessorFromTheMonthItJoined() {
    LocalDate jul24 = LocalDate.of(2024, 7, 1);
    LocalDate mar25 = LocalDate.of(2025, 3, 1);
    List<Successions.Basis> bases = Successions.basis(List.of(
        new Succession("A", "B", jul24, Successions.MERGE, Successions.FROM_OPERATOR),
        new Succession("B", "C", mar25, Successions.MERGE, Successions.FROM_OPERATOR),
        new Succession("E", "C", jul24, Successions.MERGE, Successions.FROM_OPERATOR)));
    assertEquals(List.of(
        new Successions.Basis("B", jul24, null, Map.of("A", jul24)),
        // C: E from July 2024; A (through B) and B from March 2025, each counted before its
        // own merger.
        new Successions.Basis("C", jul24, mar25, Map.of("E", jul24)),
        new Successions.Basis("C", mar25, null, Map.of("A", jul24, "B", mar25, "E", jul24))),
        bases);
  }
}
