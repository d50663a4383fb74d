package vn.bantin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import vn.bantin.metrics.Figure;

/** Times bantin's stages and DuckDB's figures over one workload; see bench/run and the README. */
public final class Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXTRACT = Pattern.compile(
      "^(hoso|danhgia|thutuc|donvi)_(\\d{8})(\\d{6})?\\.(jsonl|json|csv|xlsx)(\\.gz)?$");

  /** One timed stage: wall and CPU (user + system) seconds, peak RSS, jobs, commits. */
  record Stage(String name, double wall, double cpu, long rssMb, long jobs, long commits,
      String events) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--compare")) {
      compare(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Map<String, String> o = new HashMap<>(Map.of("--xmx", "4g", "--publisher", "000.00.54.H54",
        "--period", "2021-04"));
    boolean holdBack = false;
    boolean duckAlongside = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--hold-back-last-month")) {
        holdBack = true;
      } else if (args[i].equals("--duckdb-alongside")) {
        duckAlongside = true;
      } else {
        o.put(args[i], args[++i]);
      }
    }
    Path workload = Path.of(o.get("--workload")).toAbsolutePath();
    Path work = Path.of(o.get("--work")).toAbsolutePath();
    Files.createDirectories(work);
    Path input = work.resolve("input");
    Path held = work.resolve("held-back");
    Path wh = work.resolve("warehouse");
    deleteTree(input);
    deleteTree(held);
    deleteTree(wh);
    deleteTree(work.resolve("events"));
    Files.createDirectories(input);
    Files.createDirectories(held);
    List<Path> files = listExtracts(workload);
    for (Path f : files) {
      Files.createSymbolicLink(input.resolve(f.getFileName()), f);
    }
    String lastMonth = null;
    if (holdBack) {
      for (Path f : files) {
        Matcher m = EXTRACT.matcher(f.getFileName().toString());
        m.matches();
        if (m.group(1).equals("hoso") || m.group(1).equals("danhgia")) {
          String month = m.group(2).substring(0, 6);
          lastMonth = lastMonth == null || month.compareTo(lastMonth) > 0 ? month : lastMonth;
        }
      }
      for (Path f : files) {
        String n = f.getFileName().toString();
        if ((n.startsWith("hoso_") || n.startsWith("danhgia_")) && n.contains("_" + lastMonth)) {
          Files.move(input.resolve(n), held.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
    long records = records(workload, files);
    int cores = Runtime.getRuntime().availableProcessors();
    String launcher = Path.of("bin/bantin").toAbsolutePath().toString();
    String xmx = o.get("--xmx");
    String cp = Files.readString(Path.of("target/bench.cp")).strip() + ":"
        + Path.of("target/test-classes").toAbsolutePath() + ":"
        + Path.of("target/classes").toAbsolutePath();
    Path duckCsv = work.resolve("duckdb-figures.csv");
    // --duckdb-alongside: DuckDB runs at the same time as bantin's stages, over the whole
    // workload (what the input holds once the held-back month is back). Both then share the
    // cores, so their wall times are inflated; the CPU seconds still compare.
    java.util.concurrent.CompletableFuture<Stage> duckRun = duckAlongside
        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              return timed(work, null, "duckdb", duckCsv, List.of("java", "-Xmx" + xmx, "-cp",
                  cp, DuckDbBulletins.class.getName(), workload.toString()));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          })
        : null;
    List<Stage> stages = new ArrayList<>();
    stages.add(spark(work, wh, "ingest", xmx, launcher, "ingest", "--input",
        input.toString(), "--warehouse", wh.toString()));
    stages.add(spark(work, wh, "gold", xmx, launcher, "run", "--input", input.toString(),
        "--warehouse", wh.toString()));
    stages.add(spark(work, wh, "bulletin", xmx, launcher, "bulletin", "--warehouse",
        wh.toString(), "--publisher", o.get("--publisher"), "--period", o.get("--period")));
    if (holdBack) {
      try (Stream<Path> s = Files.list(held)) {
        for (Path p : s.toList()) {
          Files.move(p, input.resolve(p.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
      stages.add(spark(work, wh, "monthly run", xmx, launcher, "run", "--input",
          input.toString(), "--warehouse", wh.toString()));
    }
    Stage duck = duckAlongside ? duckRun.join()
        : timed(work, wh, "duckdb", duckCsv, List.of("java", "-Xmx" + xmx, "-cp", cp,
            DuckDbBulletins.class.getName(), input.toString()));
    stages.add(duck);

    // The check: DuckDB's figures equal bantin's for every month of the publisher.
    String publisher = o.get("--publisher");
    Path bantinJson = work.resolve("bantin-figures.jsonl");
    run(List.of("bash", launcher, "bulletin", "--warehouse", wh.toString(), "--publisher",
        publisher, "--period", "all", "--format", "json"), bantinJson, work.resolve("check.err"));
    Map<String, Map<String, Long>> duckdb = new TreeMap<>();
    String mismatch = mismatch(bantinJson, duckCsv, publisher, duckdb);

    StringBuilder t = new StringBuilder();
    // Each stage's wall time over DuckDB's (which does the whole job in its one stage): how
    // much of DuckDB's time each stage of bantin takes on its own.
    t.append("| stage | wall s | CPU s | records/s per core | peak RSS MB | Spark jobs |"
        + " Delta commits | wall / DuckDB's |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Stage s : stages) {
      t.append(String.format("| %s | %.1f | %.1f | %.0f | %d | %d | %d | %.2f |%n", s.name,
          s.wall, s.cpu, records / s.wall / cores, s.rssMb, s.jobs, s.commits,
          s.wall / duck.wall));
    }
    double bantinEndToEnd = stages.get(0).wall + stages.get(1).wall;
    double bantinCpu = stages.get(0).cpu + stages.get(1).cpu;
    t.append(String.format("%nrecords: %d; cores: %d; bantin (ingest+gold) / DuckDB = %.1f by"
            + " wall time, %.1f by CPU time%s%n", records, cores, bantinEndToEnd / duck.wall,
        bantinCpu / duck.cpu, duckAlongside ? " (DuckDB ran alongside bantin's stages)" : ""));
    t.append(mismatch == null
        ? "DuckDB's figures equal bantin's for every month of " + publisher + " ("
            + duckdb.size() + " months)\n"
        : "MISMATCH: " + mismatch + "\n");
    System.out.print(t);
    StringBuilder report = new StringBuilder("# Benchmark report\n\n").append(t).append('\n');
    for (Stage s : stages) {
      if (s.events != null) {
        report.append(profile(s));
      }
    }
    Files.writeString(work.resolve("report.md"), report);
    if (mismatch != null) {
      System.exit(1);
    }
  }

  /**
   * The first difference between bantin's figures (the {@code bulletin --period all --format
   * json} lines) and DuckDB's (its CSV) for every month of the publisher, or null when they are
   * equal; {@code duckdb} receives DuckDB's months.
   */
  static String mismatch(Path bantinJson, Path duckCsv, String publisher,
      Map<String, Map<String, Long>> duckdb) throws IOException {
    Map<String, Map<String, Long>> bantin = new TreeMap<>();
    for (String line : Files.readAllLines(bantinJson)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      Map<String, Long> f = new TreeMap<>();
      n.get("figures").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asLong()));
      bantin.put(n.get("period").asText(), f);
    }
    List<String> lines = Files.readAllLines(duckCsv);
    String[] header = lines.get(0).split(",");
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",");
      if (!v[0].equals(publisher)) {
        continue;
      }
      Map<String, Long> f = new TreeMap<>();
      for (int i = 2; i < v.length; i++) {
        f.put(header[i], Long.parseLong(v[i]));
      }
      duckdb.put(v[1], f);
    }
    String mismatch = null;
    if (!bantin.keySet().equals(duckdb.keySet())) {
      mismatch = "months differ: bantin " + bantin.keySet() + " duckdb " + duckdb.keySet();
    } else {
      outer:
      for (String month : duckdb.keySet()) {
        for (Figure fig : Figure.values()) {
          Long a = bantin.get(month).get(fig.key());
          Long b = duckdb.get(month).get(fig.key());
          if (!java.util.Objects.equals(a, b)) {
            mismatch = month + " " + fig.key() + ": bantin " + a + ", duckdb " + b;
            break outer;
          }
        }
      }
    }

    return mismatch;
  }

  /**
   * Compares two figure files made apart (the DuckDB side run on its own):
   * {@code CompareFigures BANTIN.jsonl DUCKDB.csv PUBLISHER}; exit 1 on the first difference.
   */
  public static void compare(String[] args) throws IOException {
    Map<String, Map<String, Long>> duckdb = new TreeMap<>();
    String m = mismatch(Path.of(args[0]), Path.of(args[1]), args[2], duckdb);
    System.out.println(m == null ? "DuckDB's figures equal bantin's for every month of "
        + args[2] + " (" + duckdb.size() + " months)" : "MISMATCH: " + m);
    if (m != null) {
      System.exit(1);
    }
  }

  static Stage spark(Path work, Path wh, String name, String xmx, String launcher,
      String... cmd)
      throws Exception {
    Path events = work.resolve("events").resolve(name.replace(' ', '-'));
    Files.createDirectories(events);
    // Started as the operator starts it, by the launcher (bin/bantin: its class-data archive
    // and its compiler and collector choices), the benchmark's options beside it.
    List<String> c = new ArrayList<>(List.of("env", "BANTIN_JAVA_OPTS=-Xmx" + xmx
        + " -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false"
        + " -Dspark.eventLog.rolling.enabled=false -Dspark.eventLog.dir=file:" + events,
        "bash", launcher));
    c.addAll(List.of(cmd));
    Stage s = timed(work, wh, name, work.resolve(name.replace(' ', '-') + ".out"), c);
    long jobs = 0;
    StringBuilder ev = new StringBuilder();
    try (Stream<Path> st = Files.walk(events)) {
      for (Path p : st.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(p)) {
          if (line.contains("\"SparkListenerJobStart\"")) {
            jobs++;
          }
        }
        ev.append(p).append('\n');
      }
    }
    return new Stage(name, s.wall, s.cpu, s.rssMb, jobs, s.commits, ev.toString());
  }

  static Stage timed(Path work, Path wh, String name, Path out, List<String> cmd)
      throws Exception {
    long before = wh == null ? 0 : deltaCommits(wh);
    List<String> c = new ArrayList<>(List.of("/usr/bin/time", "-v"));
    c.addAll(cmd);
    Path err = work.resolve(name.replace(' ', '-') + ".err");
    long t0 = System.nanoTime();
    int code = run(c, out, err);
    double wall = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      System.err.println("stage " + name + " failed (" + code + "), see " + err);
      System.exit(2);
    }
    long rss = 0;
    double cpu = 0;
    for (String line : Files.readAllLines(err)) {
      if (line.contains("Maximum resident set size")) {
        rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      } else if (line.contains("User time (seconds)") || line.contains("System time (seconds)")) {
        cpu += Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).strip());
      }
    }
    return new Stage(name, wall, cpu, rss, 0, wh == null ? 0 : deltaCommits(wh) - before, null);
  }

  static int run(List<String> cmd, Path out, Path err) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start().waitFor();
  }

  static long deltaCommits(Path wh) throws IOException {
    if (!Files.exists(wh)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(wh)) {
      return s.filter(p -> p.getParent() != null
          && p.getParent().getFileName().toString().equals("_delta_log")
          && p.getFileName().toString().matches("\\d+\\.json")).count();
    }
  }

  /** Top jobs by duration, total GC time, largest stages by shuffle write and input bytes. */
  static String profile(Stage s) throws IOException {
    Map<Long, Long> jobStart = new HashMap<>();
    Map<Long, String> jobName = new HashMap<>();
    Map<Long, Double> jobSecs = new HashMap<>();
    Map<String, long[]> stageIo = new LinkedHashMap<>();
    long gc = 0;
    for (String path : s.events.split("\n")) {
      if (path.isBlank()) {
        continue;
      }
      for (String line : Files.readAllLines(Path.of(path))) {
        JsonNode n = JSON.readTree(line);
        String ev = n.path("Event").asText();
        switch (ev) {
          case "SparkListenerJobStart" -> {
            long id = n.path("Job ID").asLong();
            jobStart.put(id, n.path("Submission Time").asLong());
            JsonNode props = n.path("Properties");
            String desc = props.path("spark.job.description").asText("");
            if (desc.isEmpty() && n.path("Stage Infos").size() > 0) {
              desc = n.path("Stage Infos").get(0).path("Stage Name").asText();
            }
            jobName.put(id, desc);
          }
          case "SparkListenerJobEnd" -> {
            long id = n.path("Job ID").asLong();
            jobSecs.put(id, (n.path("Completion Time").asLong() - jobStart.getOrDefault(id, 0L))
                / 1000.0);
          }
          case "SparkListenerTaskEnd" -> gc += n.path("Task Metrics").path("JVM GC Time").asLong();
          case "SparkListenerStageCompleted" -> {
            JsonNode info = n.path("Stage Info");
            long shuffle = 0;
            long input = 0;
            for (JsonNode acc : info.path("Accumulables")) {
              String an = acc.path("Name").asText();
              if (an.equals("internal.metrics.shuffle.write.bytesWritten")) {
                shuffle = acc.path("Value").asLong();
              } else if (an.equals("internal.metrics.input.bytesRead")) {
                input = acc.path("Value").asLong();
              }
            }
            stageIo.put(info.path("Stage ID").asText() + " " + info.path("Stage Name").asText(),
                new long[] {shuffle, input});
          }
          default -> { }
        }
      }
    }
    StringBuilder r = new StringBuilder("## Stage: " + s.name + "\n\nTop jobs by duration:\n\n");
    jobSecs.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .limit(10).forEach(e -> r.append(String.format("- %.2f s: job %d %s%n", e.getValue(),
            e.getKey(), jobName.get(e.getKey()))));
    r.append(String.format("%nTotal task GC time: %.1f s%n%nLargest stages by shuffle write:%n%n",
        gc / 1000.0));
    stageIo.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(5).forEach(e -> r.append(String.format("- %,d B: %s%n", e.getValue()[0],
            e.getKey())));
    r.append("\nLargest stages by input bytes:\n\n");
    stageIo.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(5).forEach(e -> r.append(String.format("- %,d B: %s%n", e.getValue()[1],
            e.getKey())));
    return r.append('\n').toString();
  }

  static List<Path> listExtracts(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> EXTRACT.matcher(p.getFileName().toString()).matches()).sorted()
          .toList();
    }
  }

  static long records(Path dir, List<Path> files) throws IOException {
    Path manifest = dir.resolve(".generate.json");
    if (Files.exists(manifest)) {
      JsonNode m = JSON.readTree(manifest.toFile());
      if (m.has("records")) {
        return m.get("records").asLong();
      }
      if (m.has("files")) {
        // The generator's manifest lists every file with its records: no need to read 11 GB.
        long n = 0;
        for (JsonNode f : m.get("files")) {
          n += f.path("records").asLong();
        }
        return n;
      }
    }
    long n = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.contains(".xlsx")) {
        continue;
      }
      try (InputStream raw = Files.newInputStream(f);
          InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        n += r.lines().filter(l -> !l.isBlank()).count();
      }
    }
    return n;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(q);
      }
    }
  }
}
