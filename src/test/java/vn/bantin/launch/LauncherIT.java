package vn.bantin.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  /**
   * Under Java 25 or later (a JDK beside the one running the tests, as Debian and most
   * installers lay them out side by side), the launcher makes an ahead-of-time cache rather
   * than a class-data archive, and a run through it uses that cache: with -XX:AOTMode=on, a
   * cache the JVM cannot use (another jar, class path or JVM) is an error rather than a silent
   * start without it. The repository is laid out in a folder of its own (the script, links to
   * the jar, its libraries and data-samples), so the build's own archive stays as it is.
   */
  @Test
  void underJava25TheLauncherMakesAndUsesAnAheadOfTimeCache() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("bantin.classArchive.skip"),
        "built with -Dbantin.classArchive.skip=true: no archive");
    Path javaHome = java25Beside(Path.of(System.getProperty("java.home")));
    Assumptions.assumeTrue(javaHome != null, "no JDK 25 or later beside "
        + System.getProperty("java.home"));
    Path home = Path.of("target", "launcher-it", "java25").toAbsolutePath();
    deleteRecursively(home);
    Files.createDirectories(home.resolve("bin"));
    Files.copy(Path.of("bin", "bantin"), home.resolve("bin").resolve("bantin"));
    Files.createDirectories(home.resolve("target"));
    for (String built : List.of("bantin.jar", "lib")) {
      Files.createSymbolicLink(home.resolve("target").resolve(built),
          Path.of("target", built).toAbsolutePath());
    }
    Files.createSymbolicLink(home.resolve("data-samples"),
        Path.of("data-samples").toAbsolutePath());
    Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString());
    String made = launch(home, env, "archive");
    Path cache = home.resolve("target").resolve("bantin.aot");
    assertTrue(made.contains("class-data archive: " + cache), made);
    assertTrue(launch(home, env, "archive").contains(cache + " is up to date"));
    Path warehouse = home.resolve("warehouse");
    String printed = launch(home, env, "print", "run", "--warehouse", warehouse.toString());
    assertTrue(printed.contains("-XX:AOTCache=" + cache), printed);
    String out = launch(home, Map.of("JAVA_HOME", javaHome.toString(), "BANTIN_JAVA_OPTS",
        "-XX:AOTMode=on"), null, "run", "--input", "data-samples", "--warehouse",
        warehouse.toString(), "--show-period", "2021-04", "--show-publisher", "000.00.54.H54");
    assertTrue(out.contains("every record is loaded or quarantined"), out);
    // Nothing from the JVM: neither its own warnings (Java 25's on native access and
    // sun.misc.Unsafe) nor the log of a cache it could not use in full.
    for (String fromTheJvm : List.of("WARNING:", "VM warning", "[warning]", "[error]")) {
      assertFalse(out.contains(fromTheJvm), fromTheJvm + " in: " + out);
    }
  }

  /** A JDK of major version 25 or later in the folder that holds {@code javaHome}, or null. */
  private static Path java25Beside(Path javaHome) throws Exception {
    Path folder = javaHome.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return null;
    }
    try (var homes = Files.list(folder)) {
      for (Path candidate : homes.sorted().toList()) {
        Path launcher = candidate.resolve("bin").resolve("java");
        if (!Files.isExecutable(launcher) || Files.isSymbolicLink(candidate)) {
          continue;
        }
        Process p = new ProcessBuilder(launcher.toString(), "-version").redirectErrorStream(true)
            .start();
        String version = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" version \"(\\d+)")
            .matcher(version);
        if (m.find() && Integer.parseInt(m.group(1)) >= 25) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The output of {@code home}'s bin/bantin run with {@code env}; fails unless it exits 0. */
  private static String launch(Path home, Map<String, String> env, String launch,
      String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash",
        home.resolve("bin").resolve("bantin").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("BANTIN_JAVA_OPTS");
    pb.environment().putAll(env);
    if (launch != null) {
      pb.environment().put("BANTIN_LAUNCH", launch);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "bin/bantin did not end: " + out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static void deleteRecursively(Path root) throws java.io.IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
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
    return launch(Path.of("").toAbsolutePath(), Map.of("BANTIN_JAVA_OPTS",
        ("-Xshare:on " + javaOptions).strip()), launch, args);
  }
}
