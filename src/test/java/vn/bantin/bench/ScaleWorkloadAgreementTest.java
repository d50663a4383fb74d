package vn.bantin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bantin.SparkTestSession;
import vn.bantin.cli.Cli;
import vn.bantin.generate.GenerateCommand;

/**
 * The benchmark's own check, at a small scale: a workload of the scale generator goes through
 * bantin ({@code run}, then {@code bulletin --period months}) and through the DuckDB computation
 * over the same raw extracts, and every figure of every month is the same.
 */
class ScaleWorkloadAgreementTest {
  private static final String PUBLISHER = "000.00.54.H54";

  @TempDir
  Path tmp;

  @Test
  void aScaleWorkloadGivesTheSameFiguresThroughBantinAndThroughDuckDb() throws Exception {
    SparkTestSession.get();
    Path in = tmp.resolve("in");
    CommandLine generate = new CommandLine(new GenerateCommand());
    StringWriter err = new StringWriter();
    generate.setOut(new PrintWriter(new StringWriter()));
    generate.setErr(new PrintWriter(err));
    assertEquals(0, generate.execute("--scale", "--dossiers", "2000", "--from", "2020-11",
        "--to", "2021-02", "--seed", "5", "--out", in.toString()), err.toString());

    Path wh = tmp.resolve("wh");
    Cli.Run run = Cli.bantin("run", "--input", in.toString(), "--warehouse", wh.toString());
    assertEquals(0, run.code(), run.err());
    Cli.Run figures = Cli.bantin("bulletin", "--warehouse", wh.toString(), "--publisher",
        PUBLISHER, "--period", "months", "--format", "json");
    assertEquals(0, figures.code(), figures.err());
    Path bantinJson = Files.writeString(tmp.resolve("bantin.jsonl"), figures.out());
    Path duckCsv = Files.writeString(tmp.resolve("duckdb.csv"),
        DuckDbBulletins.csv(DuckDbBulletins.compute(in)));

    Map<String, Map<String, Long>> duckdb = new TreeMap<>();
    assertNull(Benchmark.mismatch(bantinJson, duckCsv, PUBLISHER, duckdb));
    // Four extracts' months (and the month the first one carries over from, if any).
    assertTrue(duckdb.size() >= 4, duckdb.keySet().toString());
  }
}
