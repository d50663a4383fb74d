package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.bantin.metrics.Figure;

/**
 * An independent, deliberately plain implementation of {@code shared/spec/metrics.md}: the 31
 * figures of a publisher's month from dossier states (the newest record of each dossier),
 * catalogue versions and ballots. It follows the text of the definitions one by one and shares
 * nothing with the generator's construction, so the generator (and the Spark job) can be checked
 * against it. All comparisons are between local calendar dates.
 */
public final class ReferenceFigures {

  private final List<DossierState> states;
  private final List<CatalogueVersion> catalogue;
  private final List<Ballot> ballots;

  public ReferenceFigures(List<DossierState> states, List<CatalogueVersion> catalogue,
      List<Ballot> ballots) {
    this.states = states;
    this.catalogue = catalogue;
    this.ballots = ballots;
  }

  public static ReferenceFigures of(GeneratedSample s) {
    return new ReferenceFigures(s.finalStates(), s.catalogue(), s.ballots());
  }

  private static LocalDate date(LocalDateTime t) {
    return t == null ? null : t.toLocalDate();
  }

  /** "Only accepted dossiers count: TrangThaiHoSo not 1 or 3, and NgayTiepNhan present." */
  private static boolean counts(DossierState d) {
    return d.status() != 1 && d.status() != 3 && d.acceptedAt() != null;
  }

  /** "ended: status 7, 9 or 10 (or a non-empty LoaiKetQua)". */
  private static boolean ended(DossierState d) {
    return d.status() == 7 || d.status() == 9 || d.status() == 10
        || d.resultType() != null && !d.resultType().isEmpty();
  }

  private static LocalDate e(DossierState d) {
    return ended(d) ? date(d.endedAt()) : null;
  }

  private static boolean returnedOrWithdrawn(DossierState d) {
    return "TRA_LAI".equals(d.resultType()) || "XIN_RUT".equals(d.resultType())
        || d.status() == 7;
  }

  /** "open on t: r ≤ t and not ended on or before t". */
  private static boolean open(DossierState d, LocalDate t) {
    LocalDate r = date(d.acceptedAt());
    boolean endedByT = ended(d) && !e(d).isAfter(t);
    return !r.isAfter(t) && !endedByT;
  }

  /** "open on t and some request has date(NgayBoSung) ≤ t and (received empty or > t)". */
  private static boolean awaiting(DossierState d, LocalDate t) {
    if (!open(d, t)) {
      return false;
    }
    for (Supplement s : d.supplements()) {
      if (!date(s.requestedAt()).isAfter(t)
          && (s.receivedAt() == null || date(s.receivedAt()).isAfter(t))) {
        return true;
      }
    }
    return false;
  }

  /** "NgayHenTraTruoc of the earliest request requested after t, if any; else NgayHenTra". */
  private static LocalDate dueInForce(DossierState d, LocalDate t) {
    Supplement earliest = null;
    for (Supplement s : d.supplements()) {
      if (date(s.requestedAt()).isAfter(t)
          && (earliest == null || s.requestedAt().isBefore(earliest.requestedAt()))) {
        earliest = s;
      }
    }
    return earliest != null ? date(earliest.dueBefore()) : date(d.dueAt());
  }

  /** The catalogue code of MaTTHC: {@code 1.001234} of a local {@code 1.001234.000.00.00.H54}. */
  private static String catalogueCode(String written) {
    if (written == null) {
      return null;
    }
    String[] parts = written.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : written;
  }

  /** The version valid on r; where two overlap, the later HieuLucTu wins. */
  private CatalogueVersion version(DossierState d) {
    String code = catalogueCode(d.procedureCode());
    LocalDate r = date(d.acceptedAt());
    CatalogueVersion best = null;
    for (CatalogueVersion v : catalogue) {
      if (v.procedureCode().equals(code) && !r.isBefore(v.validFrom())
          && (v.validTo() == null || !r.isAfter(v.validTo()))
          && (best == null || v.validFrom().isAfter(best.validFrom()))) {
        best = v;
      }
    }
    return best;
  }

  private static int timing(DossierState d) {
    LocalDate due = date(d.dueAt());
    if (due == null) {
      return 1; // no NgayHenTra counts as on time
    }
    int c = e(d).compareTo(due);
    return c < 0 ? 0 : c == 0 ? 1 : 2;
  }

  /** The 31 figures of {@code publisher} for month {@code p}. */
  public Map<Figure, Long> month(String publisher, YearMonth p) {
    LocalDate first = p.atDay(1);
    LocalDate last = p.atEndOfMonth();
    LocalDate dayBefore = first.minusDays(1);
    long[] f = new long[Figure.values().length];
    for (DossierState d : states) {
      if (!publisher.equals(d.publisherCode()) || !counts(d)) {
        continue;
      }
      LocalDate r = date(d.acceptedAt());
      if (open(d, dayBefore)) {
        f[Figure.CARRIED_OVER.ordinal()]++;
      }
      if (!r.isBefore(first) && !r.isAfter(last)) {
        f[Figure.RECEIVED_NEW.ordinal()]++;
      }
      boolean endedInP = ended(d) && !e(d).isBefore(first) && !e(d).isAfter(last);
      if (endedInP && returnedOrWithdrawn(d)) {
        f[Figure.RETURNED.ordinal()]++;
      }
      if (endedInP && !returnedOrWithdrawn(d)) {
        int t = timing(d);
        f[Figure.RESOLVED.ordinal()]++;
        f[Figure.RESOLVED_EARLY.ordinal() + t]++;
        if (Integer.valueOf(3).equals(d.channel()) || Integer.valueOf(1).equals(d.delivery())) {
          f[Figure.POSTAL.ordinal()]++;
        }
        CatalogueVersion v = version(d);
        if (v != null && List.of("3", "4", "MOT_PHAN", "TOAN_TRINH").contains(v.level())) {
          f[Figure.ONLINE_L34_RESOLVED.ordinal()]++;
          f[Figure.ONLINE_L34_EARLY.ordinal() + t]++;
          if (Integer.valueOf(2).equals(d.channel())) {
            f[Figure.ONLINE_L34_RECEIVED_ONLINE.ordinal()]++;
          }
        }
        if (v != null && v.fiveOnSpot()) {
          f[Figure.FIVE_ON_SPOT_RESOLVED.ordinal()]++;
          f[Figure.FIVE_ON_SPOT_EARLY.ordinal() + t]++;
        }
      }
      if (open(d, last)) {
        f[Figure.PENDING.ordinal()]++;
        if (awaiting(d, last)) {
          f[Figure.PENDING_AWAITING_SUPPLEMENT.ordinal()]++;
        } else {
          LocalDate due = dueInForce(d, last);
          if (due != null && due.isBefore(last)) {
            f[Figure.PENDING_OVERDUE.ordinal()]++;
          } else {
            f[Figure.PENDING_NOT_DUE.ordinal()]++;
          }
        }
      }
    }
    f[Figure.TOTAL.ordinal()] = f[Figure.CARRIED_OVER.ordinal()]
        + f[Figure.RECEIVED_NEW.ordinal()];
    for (Ballot b : ballots) {
      LocalDate day = date(b.filledAt());
      if (publisher.equals(b.publisherCode()) && !day.isBefore(first) && !day.isAfter(last)) {
        f[Figure.SURVEY_BALLOTS.ordinal()]++;
        f[Figure.SURVEY_ATTITUDE_1.ordinal() + b.attitude() - 1]++;
        f[Figure.SURVEY_OVERALL_1.ordinal() + b.overall() - 1]++;
      }
    }
    Map<Figure, Long> out = new EnumMap<>(Figure.class);
    for (Figure x : Figure.values()) {
      out.put(x, f[x.ordinal()]);
    }
    return out;
  }

  /**
   * The months that exist for a publisher: from the first month with an accepted dossier or a
   * ballot to the last month in which a dossier was received or ended or a ballot filled in.
   */
  public List<YearMonth> months(String publisher) {
    TreeSet<YearMonth> starts = new TreeSet<>();
    TreeSet<YearMonth> ends = new TreeSet<>();
    for (DossierState d : states) {
      if (publisher.equals(d.publisherCode()) && counts(d)) {
        starts.add(YearMonth.from(d.acceptedAt()));
        ends.add(YearMonth.from(d.acceptedAt()));
        if (ended(d) && d.endedAt() != null) {
          ends.add(YearMonth.from(d.endedAt()));
        }
      }
    }
    for (Ballot b : ballots) {
      if (publisher.equals(b.publisherCode())) {
        starts.add(YearMonth.from(b.filledAt()));
        ends.add(YearMonth.from(b.filledAt()));
      }
    }
    List<YearMonth> out = new ArrayList<>();
    if (starts.isEmpty()) {
      return out;
    }
    for (YearMonth m = starts.first(); !m.isAfter(ends.last()); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }
}
