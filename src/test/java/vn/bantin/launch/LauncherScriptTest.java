package vn.bantin.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bantin}'s choice of JVM options, printed rather than run ({@code
 * BANTIN_LAUNCH=print}): the script copied into a folder laid out as the repository (its
 * {@code target/} holding a stand-in jar and archive), run by bash from a working folder with
 * the data the command names.
 */
class LauncherScriptTest {
  private static final String FIRST_TIER_ONLY = "-XX:TieredStopAtLevel=1";
  private static final String PARALLEL_COLLECTOR = "-XX:+UseParallelGC";
  private static final String HOTTER_FOR_C2 = "-XX:Tier4InvocationThreshold=50000";
  private static final String ARCHIVE = "-XX:SharedArchiveFile=";
  private static final String AOT_CACHE = "-XX:AOTCache=";

  @TempDir Path home;
  private Path work;
  private Path jar;
  private Path archive;

  @BeforeEach
  void layOut() throws Exception {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.copy(Path.of("bin", "bantin"), bin.resolve("bantin"));
    Path target = Files.createDirectories(home.resolve("target"));
    jar = Files.writeString(target.resolve("bantin.jar"), "a stand-in");
    archive = Files.writeString(target.resolve("bantin.jsa"), "a stand-in");
    setTime(jar, 100);
    setTime(archive, 200);
    Files.writeString(target.resolve("bantin.jsa.jvm"), madeFor(jar));
    work = Files.createDirectories(home.resolve("work"));
    Files.createDirectories(work.resolve("data-samples"));
    Files.writeString(work.resolve("data-samples").resolve("hoso_20210401013000.csv"),
        "a few bytes");
  }

  @Test
  void aRunOverLittleDataUsesTheArchiveTheFirstTierOnlyAndTheParallelCollector() throws Exception {
    List<String> command = launched(Map.of(), "run", "--show-period", "2021-04");
    assertTrue(command.contains(FIRST_TIER_ONLY), command.toString());
    assertTrue(command.contains("-XX:ReservedCodeCacheSize=240m"), "the first tier alone has"
        + " a 48 MB code cache, which a run fills: " + command);
    assertFalse(command.contains(HOTTER_FOR_C2), command.toString());
    assertTrue(command.contains(PARALLEL_COLLECTOR), command.toString());
    assertTrue(command.contains(ARCHIVE + archive), command.toString());
    assertEquals(List.of("-jar", jar.toString(), "run", "--show-period", "2021-04"),
        command.subList(command.indexOf("-jar"), command.size()));
  }

  @Test
  void aWarehouseOfMoreThan64MbLeavesC2TheHotterCode() throws Exception {
    Path warehouse = Files.createDirectories(work.resolve("big"));
    writeBytes(warehouse.resolve("part-0.parquet"), 65L << 20);
    List<String> command = launched(Map.of(), "run", "--warehouse", "big");
    assertFalse(command.contains(FIRST_TIER_ONLY), command.toString());
    assertTrue(command.contains(HOTTER_FOR_C2), command.toString());
    assertFalse(command.contains(PARALLEL_COLLECTOR), "a decade at -Xmx2g needs G1: "
        + command);
    assertTrue(command.contains(ARCHIVE + archive), command.toString());
    // The same folder named the other way, and as a file: URI.
    assertFalse(launched(Map.of(), "run", "--warehouse=big").contains(FIRST_TIER_ONLY));
    assertFalse(launched(Map.of(), "bulletin", "--warehouse", "file:" + warehouse)
        .contains(FIRST_TIER_ONLY));
    assertFalse(launched(Map.of(), "bulletin", "--warehouse", "file://" + warehouse)
        .contains(FIRST_TIER_ONLY));
    assertTrue(launched(Map.of(), "bulletin", "--warehouse", "file://" + work
        .resolve("data-samples")).contains(FIRST_TIER_ONLY), "a small file:// warehouse");
  }

  /**
   * A large run gets the parallel collector when its options give a heap of 4 GB or more (a
   * monthly run on ten years: 61-64 s against 70 s with G1), and G1 otherwise: a decade as one
   * dump at -Xmx2g runs out of memory under the parallel collector.
   */
  @Test
  void aLargeRunGetsTheParallelCollectorOnlyWithAHeapOf4GbOrMoreGiven() throws Exception {
    Path warehouse = Files.createDirectories(work.resolve("big"));
    writeBytes(warehouse.resolve("part-0.parquet"), 65L << 20);
    for (String heap : List.of("-Xmx4g", "-Xmx4G", "-Xmx4096m", "-Xmx2g -Xmx6g",
        "-XX:MaxHeapSize=8g", "-Xmx4194304k")) {
      List<String> command = launched(Map.of("BANTIN_JAVA_OPTS", heap), "run", "--warehouse",
          "big");
      assertTrue(command.contains(PARALLEL_COLLECTOR), heap + ": " + command);
      assertTrue(command.contains(HOTTER_FOR_C2), heap + ": " + command);
    }
    for (String heap : List.of("", "-Xmx2g", "-Xmx4g -Xmx3g", "-Xmx4000m", "-Xss4g",
        "-Xmx4g -XX:+UseG1GC")) {
      List<String> command = launched(Map.of("BANTIN_JAVA_OPTS", heap), "run", "--warehouse",
          "big");
      assertFalse(command.contains(PARALLEL_COLLECTOR), "'" + heap + "': " + command);
    }
  }

  @Test
  void anInputOfMoreThan64MbLeavesC2TheHotterCode() throws Exception {
    Path input = Files.createDirectories(work.resolve("extracts"));
    writeBytes(input.resolve("hoso_20250101013000.jsonl"), 40L << 20);
    Path warehouse = Files.createDirectories(work.resolve("wh"));
    writeBytes(warehouse.resolve("part-0.parquet"), 30L << 20);
    assertFalse(launched(Map.of(), "ingest", "--input", "extracts", "--warehouse", "wh")
        .contains(FIRST_TIER_ONLY), "40 + 30 MB together are over 64 MB");
    assertTrue(launched(Map.of(), "ingest", "--input", "extracts").contains(FIRST_TIER_ONLY),
        "40 MB alone, no warehouse yet");
  }

  @Test
  void aRemoteWarehouseIsNotSmallAndTheGeneratorKeepsTheJvmsDefaults() throws Exception {
    List<String> remote = launched(Map.of(), "bulletin", "--warehouse", "s3a://bucket/wh");
    assertFalse(remote.contains(FIRST_TIER_ONLY), remote.toString());
    assertTrue(remote.contains(HOTTER_FOR_C2), remote.toString());
    List<String> generator = launched(Map.of(), "generate", "--scale", "--out", "x");
    assertEquals(List.of("java", ARCHIVE + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar"), generator.subList(0, generator.indexOf("-jar") + 1));
  }

  /**
   * The launcher names the commands whose JVM options it tunes (those that start Spark): every
   * subcommand of the CLI but the generator and help. A command added to the CLI and not to the
   * script would run with the JVM's defaults, unnoticed.
   */
  @Test
  void theLaunchersJobCommandsAreTheClisSubcommandsThatStartSpark() throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(?m)^\\s*(run( \\| [a-z]+)+)\\)\\s*$").matcher(Files.readString(Path.of("bin", "bantin")));
    assertTrue(m.find(), "the launcher's case of job commands");
    java.util.Set<String> launcher = new java.util.TreeSet<>(List.of(m.group(1).split(" \\| ")));
    java.util.Set<String> cli = new java.util.TreeSet<>(new picocli.CommandLine(
        new vn.bantin.Bantin()).getSubcommands().keySet());
    cli.removeAll(List.of("generate", "help"));
    assertEquals(cli, launcher);
  }

  @Test
  void anArchiveOlderThanTheJarOrMadeByAnotherJavaIsNotOffered() throws Exception {
    setTime(archive, 50);
    assertTrue(launched(Map.of(), "run").stream().noneMatch(a -> a.startsWith(ARCHIVE)));
    setTime(archive, 200);
    Files.writeString(archive.resolveSibling("bantin.jsa.jvm"), "/another/jdk/bin/java "
        + jar);
    assertTrue(launched(Map.of(), "run").stream().noneMatch(a -> a.startsWith(ARCHIVE)));
    // Made by this java for the jar of another folder (the repository moved or copied).
    Files.writeString(archive.resolveSibling("bantin.jsa.jvm"), java() + " /elsewhere/"
        + "target/bantin.jar");
    assertTrue(launched(Map.of(), "run").stream().noneMatch(a -> a.startsWith(ARCHIVE)));
    Files.writeString(archive.resolveSibling("bantin.jsa.jvm"), madeFor(jar));
    Files.delete(archive);
    assertTrue(launched(Map.of(), "run").stream().noneMatch(a -> a.startsWith(ARCHIVE)));
  }

  /**
   * An ahead-of-time cache (made by Java 25 or later) that this java made for this jar is
   * offered in place of the class-data archive, with its log quiet; one made by another java
   * is not, and the archive is offered as before.
   */
  @Test
  void anAheadOfTimeCacheOfThisJavaIsOfferedInPlaceOfTheArchive() throws Exception {
    Path cache = Files.writeString(archive.resolveSibling("bantin.aot"), "a stand-in");
    setTime(cache, 200);
    Files.writeString(cache.resolveSibling("bantin.aot.jvm"), madeFor(jar));
    List<String> command = launched(Map.of(), "run");
    assertEquals(List.of("java", AOT_CACHE + cache, "-Xlog:aot*=off", "-Xlog:cds*=off",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"),
        command.subList(0, 6));
    assertTrue(command.stream().noneMatch(a -> a.startsWith(ARCHIVE)), command.toString());
    Files.writeString(cache.resolveSibling("bantin.aot.jvm"), "/another/jdk/bin/java " + jar);
    command = launched(Map.of(), "run");
    assertTrue(command.stream().noneMatch(a -> a.startsWith(AOT_CACHE)), command.toString());
    assertTrue(command.contains(ARCHIVE + archive), command.toString());
  }

  @Test
  void aCurrentArchiveIsNotMadeAgain() throws Exception {
    // The stand-in jar cannot run: a training run here would fail, and so would this test.
    assertEquals(List.of("class-data", "archive:", archive.toString(), "is", "up", "to", "date"),
        launched(Map.of("BANTIN_LAUNCH", "archive"), "run"));
  }

  @Test
  void theUsersOwnOptionsComeAfterTheLaunchersAndBeforeTheJar() throws Exception {
    List<String> command = launched(Map.of("BANTIN_JAVA_OPTS", "-Xmx4g -Dx=y"), "run");
    int jarAt = command.indexOf("-jar");
    assertEquals(List.of("-Xmx4g", "-Dx=y"), command.subList(jarAt - 2, jarAt));
  }

  @Test
  void aCollectorTheUserChoseIsTheOnlyOne() throws Exception {
    List<String> command = launched(Map.of("BANTIN_JAVA_OPTS", "-XX:+UseG1GC"), "run");
    assertTrue(command.contains("-XX:+UseG1GC"), command.toString());
    assertFalse(command.contains(PARALLEL_COLLECTOR), "the JVM refuses two collectors: "
        + command);
    assertTrue(command.contains(FIRST_TIER_ONLY), command.toString());
  }

  /** The java command the launcher would run, one argument per element. */
  private List<String> launched(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/bantin")
        .toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true);
    pb.environment().put("BANTIN_LAUNCH", "print");
    pb.environment().remove("BANTIN_JAVA_OPTS");
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    // printf %q: the arguments here hold no character it would quote but the asterisk of
    // -Xlog:aot*=off.
    return List.of(out.replace("\\*", "*").split(" "));
  }

  /** What the launcher writes beside an archive it made: the java that made it, and the jar. */
  private static String madeFor(Path jar) throws Exception {
    return java() + " " + jar;
  }

  /** The java on the PATH, resolved as the launcher resolves it. */
  private static String java() throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "readlink -f \"$(command -v java)\"").start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    return out;
  }

  private static void setTime(Path file, long seconds) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L
        + seconds)));
  }

  /** A file of that many bytes, written (a sparse file would occupy no blocks for du). */
  private static void writeBytes(Path file, long bytes) throws IOException {
    byte[] block = new byte[1 << 20];
    java.util.Arrays.fill(block, (byte) 1);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      for (long written = 0; written < bytes; written += block.length) {
        f.write(block, 0, (int) Math.min(block.length, bytes - written));
      }
    }
  }
}
