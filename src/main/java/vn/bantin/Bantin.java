package vn.bantin;

import java.io.PrintWriter;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.bantin.cli.BulletinCommand;
import vn.bantin.cli.ExportCommand;
import vn.bantin.cli.VacuumCommand;
import vn.bantin.cli.IngestCommand;
import vn.bantin.cli.ReportCommand;
import vn.bantin.cli.RunCommand;
import vn.bantin.cli.SqlCommand;
import vn.bantin.extract.BadExtractException;
import vn.bantin.generate.GenerateCommand;
import vn.bantin.gold.IdentityViolation;
import vn.bantin.pipeline.WriteConflict;
import vn.bantin.spark.Sessions;

/**
 * The entry point, for {@code java -jar bantin.jar} and {@code spark-submit} alike. It only
 * parses the command line and dispatches; each command validates its arguments before Spark
 * starts. A problem with the input or the invocation prints one line and exits non-zero, never
 * a stack trace.
 */
@Command(name = "bantin", mixinStandardHelpOptions = true, version = "bantin 0.1.0",
    description = "Monthly bulletins of Public Administrative Service Centres from one-stop"
        + " dossier extracts.",
    subcommands = {RunCommand.class, IngestCommand.class, BulletinCommand.class,
        ReportCommand.class, SqlCommand.class, ExportCommand.class, VacuumCommand.class,
        GenerateCommand.class,
        CommandLine.HelpCommand.class})
public final class Bantin {

  /**
   * Exit codes: 2 bad input or invocation, 3 a figure that breaks an identity, 4 a file whose
   * records do not add up (read ≠ loaded + quarantined), 5 an extract file refused as a whole
   * (no records, every record quarantined, or not UTF-8; see {@code --accept-empty} and
   * {@code --accept-quarantined}), 1 a bug.
   */
  public static final int EXIT_USER_ERROR = 2;
  public static final int EXIT_IDENTITY = 3;
  public static final int EXIT_NOT_RECONCILED = 4;
  public static final int EXIT_REFUSED_FILE = 5;
  /** A data-quality check of severity error failed ({@code gold.checks}): nothing published. */
  public static final int EXIT_CHECK_FAILED = 6;
  public static final int EXIT_INTERNAL = 1;

  public static void main(String[] args) {
    quietLocalLogging();
    int code = commandLine().execute(args);
    // Stop Spark before the JVM ends; on success return normally rather than System.exit, so
    // nothing cuts Spark's own shutdown (under spark-submit the driver then ends cleanly).
    Sessions.stopIfStarted();
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * The log configuration of a local run, unless one is given: spark-submit passes the master
   * as a system property and brings its own logging; a local run gets a quiet configuration, so
   * the operator reads the run's summary, not Spark's log. Called before Spark's first class
   * loads (by {@link #main} and by whatever else runs the command line in a JVM of its own).
   */
  public static void quietLocalLogging() {
    if (System.getProperty("spark.master") == null
        && System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:bantin-log4j2.properties");
    }
  }

  /** The command line, with the error handling users see; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Bantin());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter err = line.getErr();
      Throwable cause = rootUserCause(e);
      if (cause instanceof UserError || cause instanceof BadExtractException) {
        err.println("bantin: " + cause.getMessage());
        return EXIT_USER_ERROR;
      }
      if (cause instanceof DeltaConcurrentModificationException conflict) {
        err.println("bantin: " + WriteConflict.message(conflict));
        return EXIT_USER_ERROR;
      }
      if (cause instanceof vn.bantin.registry.QualityChecks.ChecksFailed) {
        err.println("bantin: " + cause.getMessage());
        return EXIT_CHECK_FAILED;
      }
      if (cause instanceof IdentityViolation) {
        err.println("bantin: " + cause.getMessage());
        return EXIT_IDENTITY;
      }
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null
          && cause.getMessage().startsWith("Cannot ")) {
        err.println("bantin: " + cause.getMessage());
        return EXIT_USER_ERROR;
      }
      err.println("bantin: internal error: " + e
          + (System.getenv("BANTIN_DEBUG") == null
              ? " (set BANTIN_DEBUG=1 to see the stack trace)" : ""));
      if (System.getenv("BANTIN_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return EXIT_INTERNAL;
    });
    return cl;
  }

  /** Our own exceptions may reach us wrapped (by Spark, by a task); find them. */
  private static Throwable rootUserCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserError || t instanceof BadExtractException
          || t instanceof IdentityViolation
          || t instanceof vn.bantin.registry.QualityChecks.ChecksFailed) {
        return t;
      }
    }
    // A Delta write that lost to a concurrent one: told as a "Cannot write" line with advice.
    return WriteConflict.find(e).<Throwable>map(c -> c).orElse(e);
  }
}
