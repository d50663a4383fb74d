package vn.bantin.generate;

import vn.bantin.metrics.Figure;

/**
 * The rates that shape the generated months: volume, shares of outcomes, channels and ballots.
 * Without a bulletin they are plausible defaults for a provincial centre; with one they are read
 * off its figures, so the months around the calibrated one look like it.
 *
 * @param monthlyVolume accepted dossiers per month (before the calibrated month's own)
 * @param returnedShare returned or withdrawn among ended dossiers
 * @param earlyShare resolved before the due date, among resolved
 * @param lateShare resolved after the due date, among resolved
 * @param level34Share procedures at level 3/4 among dossiers
 * @param fiveShare "5 tại chỗ" procedures among dossiers
 * @param onlineShare filed online (channel 2), among dossiers of level-3/4 procedures
 * @param postalShare by post (channel 3 or result by post), among dossiers
 * @param supplementShare dossiers with a supplement request
 * @param ballotsPerDossier ballots per accepted dossier
 * @param attitude shares of ThaiDo answers 1..4
 * @param overall shares of HaiLong answers 1..4
 */
public record NaturalRates(double monthlyVolume, double returnedShare, double earlyShare,
    double lateShare, double level34Share, double fiveShare, double onlineShare,
    double postalShare, double supplementShare, double ballotsPerDossier, double[] attitude,
    double[] overall) {

  /** Accepted dossiers per month at scale 1 without a bulletin. */
  public static final int DEFAULT_MONTHLY_VOLUME = 1500;

  public static NaturalRates defaults(double scale) {
    return new NaturalRates(DEFAULT_MONTHLY_VOLUME * scale, 0.022, 0.80, 0.004, 0.43, 0.985,
        0.6, 0.15, 0.05, 0.035, new double[] {0.985, 0.012, 0.002, 0.001},
        new double[] {0.96, 0.03, 0.008, 0.002});
  }

  /** Rates read off a bulletin's figures; volume = its new dossiers × scale. */
  public static NaturalRates from(Bulletin b, double scale) {
    NaturalRates d = defaults(scale);
    double resolved = b.get(Figure.RESOLVED);
    double ended = resolved + b.get(Figure.RETURNED);
    double l34 = b.get(Figure.ONLINE_L34_RESOLVED);
    double ballots = b.get(Figure.SURVEY_BALLOTS);
    double received = b.get(Figure.RECEIVED_NEW);
    return new NaturalRates(
        received > 0 ? received * scale : d.monthlyVolume(),
        ended > 0 ? b.get(Figure.RETURNED) / ended : d.returnedShare(),
        resolved > 0 ? b.get(Figure.RESOLVED_EARLY) / resolved : d.earlyShare(),
        resolved > 0 ? b.get(Figure.RESOLVED_LATE) / resolved : d.lateShare(),
        resolved > 0 ? l34 / resolved : d.level34Share(),
        resolved > 0 ? b.get(Figure.FIVE_ON_SPOT_RESOLVED) / resolved : d.fiveShare(),
        l34 > 0 ? b.get(Figure.ONLINE_L34_RECEIVED_ONLINE) / l34 : d.onlineShare(),
        resolved > 0 ? b.get(Figure.POSTAL) / resolved : d.postalShare(),
        d.supplementShare(),
        received > 0 && ballots > 0 ? ballots / received : d.ballotsPerDossier(),
        ballots > 0 ? shares(b, ballots, Figure.SURVEY_ATTITUDE_1) : d.attitude(),
        ballots > 0 ? shares(b, ballots, Figure.SURVEY_OVERALL_1) : d.overall());
  }

  private static double[] shares(Bulletin b, double total, Figure first) {
    double[] out = new double[4];
    for (int k = 0; k < 4; k++) {
      out[k] = b.get(Figure.values()[first.ordinal() + k]) / total;
    }
    return out;
  }
}
