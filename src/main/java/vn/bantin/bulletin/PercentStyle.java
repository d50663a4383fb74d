package vn.bantin.bulletin;

/**
 * How a publisher cuts a share to its decimals (metrics.md). It is a setting of the publisher,
 * because publishers differ, and it is written in the bulletin JSON as {@link #id()}.
 */
public enum PercentStyle {
  /**
   * Each share truncated, not rounded; in a split that adds up to 100% the last non-zero part is
   * printed as 100 minus the printed others (the Thái Bình centre).
   */
  TRUNCATE_REMAINDER("truncate-remainder"),
  /** Each share rounded half up; splits are not forced to 100% (most other provinces). */
  HALF_UP("half-up");

  private final String id;

  PercentStyle(String id) {
    this.id = id;
  }

  /** The hyphenated name used in settings files and the bulletin JSON. */
  public String id() {
    return id;
  }

  /** The style named {@code id} (e.g. {@code half-up}); fails listing the valid names. */
  public static PercentStyle parse(String id) {
    return EnumIds.parse(PercentStyle.class, PercentStyle::id, "percent style", id);
  }

  /** The valid names, comma separated, for error messages. */
  static String validIds() {
    return EnumIds.validIds(PercentStyle.class, PercentStyle::id);
  }

  @Override
  public String toString() {
    return id;
  }
}
