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

  /** The language coded {@code code} ({@code vi}, {@code en}); fails listing the valid codes. */
  public static Language parse(String code) {
    return EnumIds.parse(Language.class, Language::code, "language", code);
  }
}
