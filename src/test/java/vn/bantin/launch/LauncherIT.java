package vn.bantin.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive that {@code mvn package} made ({@code bin/class-data-archive}) is one
 * the JVM that {@code bin/bantin} starts can use: run with {@code -Xshare:on}, which makes an
 * archive the JVM cannot map (another jar, another class path, another JVM) an error rather
 * than a silent start without it.
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
    assertTrue(printed.contains("-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"), printed);
    String out = bantin(null, "run", "--help");
    assertTrue(out.startsWith("Usage: bantin run"), out);
  }

  /** bin/bantin's output with the JVM option -Xshare:on; fails unless it exits 0. */
  private static String bantin(String launch, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash",
        Path.of("bin", "bantin").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("BANTIN_JAVA_OPTS", "-Xshare:on");
    if (launch != null) {
      pb.environment().put("BANTIN_LAUNCH", launch);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/bantin did not end: " + out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
