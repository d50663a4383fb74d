package vn.bantin.cli;

import picocli.CommandLine.Option;

/** {@code --publisher CODE}: the one publisher a command prints, shared by bulletin and report. */
public final class PublisherCodeOption {
  @Option(names = "--publisher", paramLabel = "CODE", required = true,
      description = "The publisher (MaNoiTiepNhan), e.g. 000.00.54.H54.")
  String code;

  public String code() {
    return code;
  }
}
