package vn.bantin.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A dossier while the generator shapes its lifecycle; it gets its code (which depends on the
 * order of every dossier of its day) only at the end, in {@link #toDossier}.
 */
final class DossierDraft {
  Procedure procedure;
  CatalogueVersion version;
  String writtenProcedureCode;
  String departmentCode;
  String publisherCode;
  int channel;
  int delivery;
  LocalDateTime submittedAt;
  LocalDateTime acceptedAt;
  LocalDateTime refusedAt;
  LocalDateTime initialDue;
  final List<Supplement> supplements = new ArrayList<>();
  LocalDateTime endedAt;
  Dossier.Outcome outcome;
  boolean withdrawalCoded;
  LocalDateTime handedOverAt;
  int openStatus = 4;
  Applicant applicant;
  String summary;
  /** Creation order: breaks ties between dossiers of the same second. */
  long serial;

  /** The due date in force after every received supplement (null when none is set). */
  LocalDateTime currentDue() {
    LocalDateTime due = initialDue;
    for (Supplement s : supplements) {
      if (s.receivedAt() != null) {
        due = s.dueAfter();
      }
    }
    return due;
  }

  /** The latest moment of the lifecycle so far (acceptance or a supplement event). */
  LocalDateTime lastEvent() {
    LocalDateTime t = acceptedAt != null ? acceptedAt : submittedAt;
    for (Supplement s : supplements) {
      t = later(t, s.requestedAt());
      t = later(t, s.receivedAt());
    }
    return t;
  }

  boolean awaitingForever() {
    return !supplements.isEmpty() && supplements.get(supplements.size() - 1).receivedAt() == null;
  }

  static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
    return b == null || (a != null && a.isAfter(b)) ? a : b;
  }

  /** The day the dossier's code is dated by: acceptance, or submission when never accepted. */
  LocalDateTime codeTime() {
    return acceptedAt != null ? acceptedAt : submittedAt;
  }

  Dossier toDossier(String id) {
    return new Dossier(id, procedure.code(), writtenProcedureCode, version.procedureName(),
        version.sectorCode(), version.sectorName(), departmentCode, publisherCode, channel,
        delivery, submittedAt, acceptedAt, refusedAt, initialDue, List.copyOf(supplements),
        endedAt, outcome, withdrawalCoded, handedOverAt, openStatus, applicant, summary);
  }
}
