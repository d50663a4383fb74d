package vn.bantin.bulletin;

/** A language a bulletin is rendered in: its labels and how it writes numbers. */
public enum Language {
  /** Vietnamese, the bulletins' own language and the default. */
  VI("vi", NumberNotation.VIETNAMESE),
  EN("en", NumberNotation.ENGLISH);

  private final String code;
  private final NumberNotation notation;

  Language(String code, NumberNotation notation) {
    this.code = code;
    this.notation = notation;
  }

  /** The BCP 47 code, as in {@code <html lang>} and the label file's name. */
  public String code() {
    return code;
  }

  public NumberNotation notation() {
    return notation;
  }

  /**
   * How the language writes a time and date in a rendering ("08:30 ngày 05/04/2021",
   * "2021-04-05 08:30"); add a zone to format an {@link java.time.Instant}.
   */
  public java.time.format.DateTimeFormatter timeAndDate() {
    return java.time.format.DateTimeFormatter.ofPattern(
        this == VI ? "HH:mm 'ngày' dd/MM/yyyy" : "yyyy-MM-dd HH:mm");
  }

  /** The language coded {@code code} ({@code vi}, {@code en}); fails listing the valid codes. */
  public static Language parse(String code) {
    return EnumIds.parse(Language.class, Language::code, "language", code);
  }
}
