package vn.bantin.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive that {@code mvn package} made ({@code BANTIN_LAUNCH=archive
 * bin/bantin}) is one the JVM that {@code bin/bantin} starts can use: run with
 * {@code -Xshare:on}, which makes an archive the JVM cannot map (another jar, another class
 * path, another JVM) an error rather than a silent start without it.
 */
class LauncherIT {
  @Test
  void theLauncherStartsTheJarWithTheArchiveThePackageMade() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("bantin.classArchive.skip"),
        "built with -Dbantin.classArchive.skip=true: no archive");
    // `run` over data-samples: the archive with every option a small run adds (the first
    // tier only, the parallel collector), which the archive's training run did not use.
    String printed = bantin("print", "run", "--help");
    assertTrue(printed.contains("-XX:SharedArchiveFile=" + Path.of("target", "bantin.jsa")
        .toAbsolutePath()), "the launcher does not offer the archive: " + printed);
    for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m",
        "-XX:+UseParallelGC")) {
      assertTrue(printed.contains(option), option + " missing: " + printed);
    }
    String out = bantin(null, "run", "--help");
    assertTrue(out.startsWith("Usage: bantin run"), out);
  }

  /**
   * The README's run on data-samples through the launcher, with the options it chooses for a
   * small run: it completes, and the JVM says nothing (with the first tier alone its code
   * cache was 48 MB by default: full within 15 s, the JIT stopped with a warning, and a run
   * failed with "Out of space in CodeCache for adapters").
   */
  @Test
  void aSmallRunThroughTheLauncherCompletesWithoutAWordFromTheJvm() throws Exception {
    Path warehouse = Path.of("target", "launcher-it", "warehouse").toAbsolutePath();
    deleteRecursively(warehouse);
    String out = bantinWith("-XX:+PrintCodeCache", "run", "--warehouse",
        warehouse.toString(), "--show-period", "2021-04", "--show-publisher", "000.00.54.H54");
    assertTrue(out.contains("every record is loaded or quarantined"), out);
    assertFalse(out.contains("is full"), out);
    assertFalse(out.contains("OpenJDK 64-Bit Server VM warning"), out);
    // Whether the cache filled depends on the machine's load (the compile thresholds follow
    // the compiler's queue) and on what the sweeper frees: its peak, printed at exit, does
    // not. With 48 MB the peak was within 11 KB of the size.
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("CodeCache: size=(\\d+)Kb used=\\d+Kb max_used=(\\d+)Kb").matcher(out);
    assertTrue(m.find(), "no code cache summary: " + out);
    long size = Long.parseLong(m.group(1));
    long peak = Long.parseLong(m.group(2));
    assertTrue(peak < size * 0.9, "the code cache's peak " + peak + " KB of " + size + " KB");
  }

  private static void deleteRecursively(Path root) throws java.io.IOException {
    if (java.nio.file.Files.exists(root)) {
      try (var paths = java.nio.file.Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
  }

  private static String bantin(String launch, String... args) throws Exception {
    return run(launch, "", args);
  }

  private static String bantinWith(String javaOptions, String... args) throws Exception {
    return run(null, javaOptions, args);
  }

  /**
   * bin/bantin's output with the JVM options -Xshare:on and {@code javaOptions}; fails unless
   * it exits 0.
   */
  private static String run(String launch, String javaOptions, String... args)
      throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash",
        Path.of("bin", "bantin").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("BANTIN_JAVA_OPTS", ("-Xshare:on " + javaOptions).strip());
    if (launch != null) {
      pb.environment().put("BANTIN_LAUNCH", launch);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bin/bantin did not end: " + out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
