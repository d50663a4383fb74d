package vn.bantin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.bantin.bulletin.Publishers;

/** {@code --publishers FILE}: the publisher settings (names, percent style). */
public final class PublishersOption {
  @Option(names = "--publishers", paramLabel = "FILE",
      description = "Publisher settings (JSON: names and percent style per publisher code)."
          + " Default: the settings built into bantin.")
  Path file;

  public Publishers load() {
    return file == null ? Publishers.fromClasspath() : Publishers.load(file);
  }
}
