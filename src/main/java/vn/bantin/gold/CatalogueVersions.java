package vn.bantin.gold;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.bantin.cleaned.ProcedureShape;

/**
 * The catalogue's procedure versions by procedure key ({@link CountedDossiers#procedureKey}),
 * held in memory (a province's catalogue is a few thousand rows) and sent to the tasks that
 * count dossiers: each dossier looks up the version valid on the day it was received.
 *
 * <p>Why not in SQL: the pick was a filter and a sort with lambdas over each dossier's array of
 * versions, which Spark evaluates interpreted, building a read-only copy of its configuration
 * for every field read. That was a third of the month facts' time on a decade of dossiers
 * (JFR, docs/benchmarks.md, session 24).
 */
public final class CatalogueVersions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a dossier takes from the version of its procedure valid on the day it was received. */
  public record Version(LocalDate validFrom, LocalDate validTo, String onlineLevel,
      Boolean fiveOnSpot, String departmentCode, String sectorCode) implements Serializable {

    /** Valid on {@code day}: from {@code validFrom} through {@code validTo}, open ends open. */
    boolean validOn(LocalDate day) {
      return (validFrom == null || !validFrom.isAfter(day))
          && (validTo == null || !validTo.isBefore(day));
    }

    /** Online at level 3 or 4 (the catalogue writes 3, 4, MOT_PHAN or TOAN_TRINH). */
    public boolean isOnlineL34() {
      return onlineLevel != null && ONLINE_L34.contains(onlineLevel);
    }

    public boolean isFiveOnSpot() {
      return Boolean.TRUE.equals(fiveOnSpot);
    }
  }

  private static final Set<String> ONLINE_L34 = Set.of("3", "4", "MOT_PHAN", "TOAN_TRINH");

  private final Map<String, List<Version>> byKey;

  private CatalogueVersions(Map<String, List<Version>> byKey) {
    this.byKey = byKey;
  }

  /**
   * The versions of {@code procedureVersions} ({@code cleaned.procedure_versions}), each under
   * its procedure key, in the order of procedure code and start: where two versions of one key
   * start on the same day, the first of them in that order is the one valid.
   */
  public static CatalogueVersions of(Dataset<Row> procedureVersions) {
    Map<String, List<Version>> byKey = new HashMap<>();
    for (Row v : procedureVersions.select(
            CountedDossiers.procedureKey(ProcedureShape.PROCEDURE_CODE).as("_pkey"),
            col(ProcedureShape.VALID_FROM), col(ProcedureShape.VALID_TO),
            col(ProcedureShape.ONLINE_LEVEL), col(ProcedureShape.FIVE_ON_SPOT),
            col(ProcedureShape.DEPARTMENT_CODE), col(ProcedureShape.SECTOR_CODE))
        .orderBy(col(ProcedureShape.PROCEDURE_CODE), col(ProcedureShape.VALID_FROM))
        .collectAsList()) {
      byKey.computeIfAbsent(v.getString(0), k -> new ArrayList<>()).add(new Version(
          v.getAs(1), v.getAs(2), v.getString(3), v.isNullAt(4) ? null : v.getBoolean(4),
          v.getString(5), v.getString(6)));
    }
    return new CatalogueVersions(byKey);
  }

  /**
   * The version of procedure key {@code key} valid on {@code day}: of those valid, the latest
   * to start (an open start counts as the earliest); null when none is, or the key is null.
   */
  public Version validOn(String key, LocalDate day) {
    if (key == null) {
      return null;
    }
    Version best = null;
    for (Version v : byKey.getOrDefault(key, List.of())) {
      if (v.validOn(day) && (best == null || v.validFrom() != null
          && (best.validFrom() == null || v.validFrom().isAfter(best.validFrom())))) {
        best = v;
      }
    }
    return best;
  }
}
