package vn.bantin.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A dossier's whole true lifecycle, from submission to hand-over (as far as the generator took
 * it). Extracts never show it whole: {@link #stateAt} gives what an extract taken at a moment
 * holds, and {@link #hasEventIn} decides which extracts hold the dossier at all.
 *
 * @param procedureCode the catalogue code (the version valid on acceptance gives the level)
 * @param writtenProcedureCode MaTTHC as extracts write it (the catalogue code or its local form)
 * @param departmentCode MaDonVi as written; null for the few that leave it to the catalogue
 * @param acceptedAt null for a dossier never accepted (status 1, or 3 when refused)
 * @param initialDue the due date set on acceptance; null for the few without one
 * @param supplements every supplement request, received or not (receivedAt null = never)
 * @param endedAt null while (as far as generated) processing has not ended
 * @param outcome null while not ended
 * @param withdrawalCoded for a withdrawal: LoaiKetQua says XIN_RUT (else only status 7 does)
 * @param openStatus the status shown while processing and not awaiting a supplement (4, or 2/6)
 */
public record Dossier(
    String id,
    String procedureCode,
    String writtenProcedureCode,
    String procedureName,
    String sectorCode,
    String sectorName,
    String departmentCode,
    String publisherCode,
    int channel,
    int delivery,
    LocalDateTime submittedAt,
    LocalDateTime acceptedAt,
    LocalDateTime refusedAt,
    LocalDateTime initialDue,
    List<Supplement> supplements,
    LocalDateTime endedAt,
    Outcome outcome,
    boolean withdrawalCoded,
    LocalDateTime handedOverAt,
    int openStatus,
    Applicant applicant,
    String summary) {

  /** How processing ended. */
  public enum Outcome { RESOLVED, RETURNED, WITHDRAWN }

  /** True when something happened to the dossier in (after, upTo]; a null after is −∞. */
  public boolean hasEventIn(LocalDateTime after, LocalDateTime upTo) {
    if (in(submittedAt, after, upTo) || in(acceptedAt, after, upTo) || in(refusedAt, after, upTo)
        || in(endedAt, after, upTo) || in(handedOverAt, after, upTo)) {
      return true;
    }
    for (Supplement s : supplements) {
      if (in(s.requestedAt(), after, upTo) || in(s.receivedAt(), after, upTo)) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(LocalDateTime t, LocalDateTime after, LocalDateTime upTo) {
    return t != null && (after == null || t.isAfter(after)) && !t.isAfter(upTo);
  }

  /** The dossier as an extract taken at {@code t} holds it; null when not yet submitted. */
  public DossierState stateAt(LocalDateTime t) {
    if (submittedAt.isAfter(t)) {
      return null;
    }
    if (acceptedAt == null || acceptedAt.isAfter(t)) {
      boolean refused = refusedAt != null && !refusedAt.isAfter(t);
      return new DossierState(t, id, writtenProcedureCode, procedureName, sectorCode,
          sectorName, departmentCode, publisherCode, channel, submittedAt, null, null, null, null,
          refused ? refusedAt : null, refused ? 3 : 1, null, delivery, List.of(), applicant,
          summary);
    }
    List<Supplement> shown = new ArrayList<>();
    LocalDateTime due = initialDue;
    boolean awaiting = false;
    for (Supplement s : supplements) {
      Supplement v = s.asOf(t);
      if (v != null) {
        shown.add(v);
        if (v.receivedAt() != null) {
          due = v.dueAfter(); // the system moves the due date when the supplement arrives
        } else {
          awaiting = true;
        }
      }
    }
    boolean ended = endedAt != null && !endedAt.isAfter(t);
    boolean handed = ended && handedOverAt != null && !handedOverAt.isAfter(t);
    int status;
    String resultType = null;
    if (ended) {
      status = outcome == Outcome.WITHDRAWN ? 7 : handed ? 10 : 9;
      if (outcome == Outcome.RETURNED) {
        resultType = "TRA_LAI";
      } else if (outcome == Outcome.WITHDRAWN && withdrawalCoded) {
        resultType = "XIN_RUT";
      }
    } else {
      status = awaiting ? 5 : openStatus;
    }
    return new DossierState(t, id, writtenProcedureCode, procedureName, sectorCode, sectorName,
        departmentCode, publisherCode, channel, submittedAt, acceptedAt, due,
        ended ? endedAt : null, handed ? handedOverAt : null, null, status, resultType, delivery,
        List.copyOf(shown), applicant, summary);
  }
}
