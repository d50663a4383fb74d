package vn.bantin.cli;

import picocli.CommandLine.Option;

/**
 * {@code --include-raw}: the raw tables (names, phone numbers) reachable only when asked for,
 * shared by sql and export.
 */
public final class RawAccessOption {
  @Option(names = "--include-raw",
      description = "Also reach the raw tables (raw.hoso…), which hold personal data.")
  boolean includeRaw;

  public boolean included() {
    return includeRaw;
  }
}
