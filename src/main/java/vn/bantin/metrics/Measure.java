package vn.bantin.metrics;

import java.util.Locale;

/**
 * The columns of {@code gold.month_facts}: what dossiers add to a month, from which every
 * dossier figure of metrics.md follows. A {@linkplain Kind#FLOW flow} is its figure for the
 * month; a {@linkplain Kind#STOCK_CHANGE stock change} summed over the months up to M is its
 * figure at the end of M (carried over: into M). Both add up over dossiers, so the table can be
 * summed at any grain.
 */
public enum Measure {
  RECEIVED_NEW(Kind.FLOW, Figure.RECEIVED_NEW),
  RESOLVED(Kind.FLOW, Figure.RESOLVED),
  RESOLVED_EARLY(Kind.FLOW, Figure.RESOLVED_EARLY),
  RESOLVED_ON_TIME(Kind.FLOW, Figure.RESOLVED_ON_TIME),
  RESOLVED_LATE(Kind.FLOW, Figure.RESOLVED_LATE),
  RETURNED(Kind.FLOW, Figure.RETURNED),
  POSTAL(Kind.FLOW, Figure.POSTAL),
  ONLINE_L34_RESOLVED(Kind.FLOW, Figure.ONLINE_L34_RESOLVED),
  ONLINE_L34_RECEIVED_ONLINE(Kind.FLOW, Figure.ONLINE_L34_RECEIVED_ONLINE),
  ONLINE_L34_EARLY(Kind.FLOW, Figure.ONLINE_L34_EARLY),
  ONLINE_L34_ON_TIME(Kind.FLOW, Figure.ONLINE_L34_ON_TIME),
  ONLINE_L34_LATE(Kind.FLOW, Figure.ONLINE_L34_LATE),
  FIVE_ON_SPOT_RESOLVED(Kind.FLOW, Figure.FIVE_ON_SPOT_RESOLVED),
  FIVE_ON_SPOT_EARLY(Kind.FLOW, Figure.FIVE_ON_SPOT_EARLY),
  FIVE_ON_SPOT_ON_TIME(Kind.FLOW, Figure.FIVE_ON_SPOT_ON_TIME),
  FIVE_ON_SPOT_LATE(Kind.FLOW, Figure.FIVE_ON_SPOT_LATE),
  /** Not a bulletin figure: received dossiers whose procedure had no version valid then. */
  RECEIVED_WITHOUT_PROCEDURE_VERSION(Kind.FLOW, null),
  CARRIED_OVER_CHANGE(Kind.STOCK_CHANGE, Figure.CARRIED_OVER),
  PENDING_CHANGE(Kind.STOCK_CHANGE, Figure.PENDING),
  PENDING_NOT_DUE_CHANGE(Kind.STOCK_CHANGE, Figure.PENDING_NOT_DUE),
  PENDING_AWAITING_SUPPLEMENT_CHANGE(Kind.STOCK_CHANGE, Figure.PENDING_AWAITING_SUPPLEMENT),
  PENDING_OVERDUE_CHANGE(Kind.STOCK_CHANGE, Figure.PENDING_OVERDUE);

  /** How a measure becomes its figure. */
  public enum Kind { FLOW, STOCK_CHANGE }

  /** The column name of {@link #RECEIVED_WITHOUT_PROCEDURE_VERSION} as a figure column. */
  public static final String WITHOUT_VERSION = "received_without_procedure_version";

  private final Kind kind;
  private final Figure figure;

  Measure(Kind kind, Figure figure) {
    this.kind = kind;
    this.figure = figure;
  }

  public Kind kind() {
    return kind;
  }

  /** The column in {@code gold.month_facts}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The figure column it gives in the period tables. */
  public String figureColumn() {
    return figure == null ? WITHOUT_VERSION : figure.key();
  }
}
