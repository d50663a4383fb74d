package vn.bantin.registry;

import java.util.Locale;

/** The layers of the warehouse, each a folder under the warehouse root. */
public enum Layer {
  /** As extracted, every field as text, with lineage; the only layer with personal data. */
  RAW,
  /** Typed, deduplicated, no personal data; plus the quarantine of bad records. */
  CLEANED,
  /** Bulletins, department tables, trends. */
  GOLD;

  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }
}
