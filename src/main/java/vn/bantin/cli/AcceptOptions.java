package vn.bantin.cli;

import picocli.CommandLine.Option;
import vn.bantin.raw.WholeFileProblem;

/** The {@code --accept-…} options of the commands that ingest (whole-file problems). */
public final class AcceptOptions {
  @Option(names = "--accept-empty",
      description = "Take in extract files with no records (0 bytes, a header only, blank"
          + " lines only) as empty extracts instead of refusing them.")
  boolean acceptEmpty;

  @Option(names = "--accept-quarantined",
      description = "Take in extract files whose every record is quarantined instead of"
          + " refusing them.")
  boolean acceptQuarantined;

  /** What the operator accepts. */
  public WholeFileProblem.Accept accept() {
    return new WholeFileProblem.Accept(acceptEmpty, acceptQuarantined);
  }
}
