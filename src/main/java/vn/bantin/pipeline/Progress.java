package vn.bantin.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line when a phase of a run starts and one when it ends, with what it handled and how
 * fast, so that a slow run and a hung one look different. Printed to standard error, so that
 * the run's summary on standard output stays as it is.
 */
public final class Progress {
  private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();
  private static final ThreadLocal<String> PHASE = new ThreadLocal<>();
  /** Null: standard error as it is when a line is printed (not as it was when this loaded). */
  private static volatile PrintStream out;
  private static final long RUN_START = System.nanoTime();

  private Progress() {}

  /** Where progress lines go: standard error by default (null), or {@code stream}. */
  public static void printTo(PrintStream stream) {
    out = stream;
  }

  private static PrintStream out() {
    PrintStream o = out;
    return o != null ? o : System.err;
  }

  /** The phase this thread last started, or null. */
  public static String current() {
    return PHASE.get();
  }

  public static void phase(String name) {
    PHASE.set(name);
    STARTED.set(System.nanoTime());
    out().printf(Locale.ROOT, "[%6.1f s] %s …%n", sinceStart(), name);
  }

  /** A line on its own, at the run's clock: something a phase decided. */
  public static void note(String text) {
    out().printf(Locale.ROOT, "[%6.1f s] %s%n", sinceStart(), text);
  }

  /** The phase ended, having handled {@code count} {@code what} (e.g. records). */
  public static void done(long count, String what) {
    Long started = STARTED.get();
    double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
    out().printf(Locale.ROOT, "[%6.1f s] %s: done, %,d %s in %.1f s (%,.0f/s)%n", sinceStart(),
        PHASE.get(), count, what, seconds, seconds > 0 ? count / seconds : 0.0);
  }

  /** The phase ended; nothing to count. */
  public static void done() {
    Long started = STARTED.get();
    double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
    out().printf(Locale.ROOT, "[%6.1f s] %s: done in %.1f s%n", sinceStart(), PHASE.get(), seconds);
  }

  private static double sinceStart() {
    return (System.nanoTime() - RUN_START) / 1e9;
  }
}
