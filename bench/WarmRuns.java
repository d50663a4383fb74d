/*
 * The same `run` several times in one JVM, each on its own warehouse, timed: how long a run
 * takes once the JVM has loaded and compiled the code a run uses (docs/benchmarks.md,
 * session 26). A single-file program, run by the java launcher against the built jar:
 *
 *   java -Xmx4g -XX:+UseParallelGC -cp target/bantin.jar bench/WarmRuns.java INPUT WH1 WH2 WH3
 *
 * with WH1… copies of one warehouse (e.g. the 119 months a monthly run adds the 120th to).
 */
public class WarmRuns {
  public static void main(String[] args) {
    vn.bantin.Bantin.quietLocalLogging();
    for (int i = 1; i < args.length; i++) {
      long start = System.nanoTime();
      int code = vn.bantin.Bantin.commandLine().execute("run", "--input", args[0],
          "--warehouse", args[i]);
      System.err.printf("run %d on %s: exit %d, %.1f s%n", i, args[i], code,
          (System.nanoTime() - start) / 1e9);
    }
    vn.bantin.spark.Sessions.stopIfStarted();
  }
}
