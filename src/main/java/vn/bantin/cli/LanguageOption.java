package vn.bantin.cli;

import picocli.CommandLine.Option;
import vn.bantin.bulletin.Language;

/** {@code --lang vi|en}: the language a command prints in, shared by bulletin and report. */
public final class LanguageOption {
  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "vi",
      description = "vi or en. Default: ${DEFAULT-VALUE}")
  String lang;

  /** The language given; a bad one is a one-line error. */
  public Language language() {
    return Language.parse(lang);
  }
}
