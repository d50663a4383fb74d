package vn.bantin.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM this test started, its output in a log file under {@code target/}. Stopped by its own
 * PID (and the PIDs of the processes it started, a worker's executors and drivers), never by
 * name: other builds share the machine.
 */
final class JavaProcess implements AutoCloseable {
  final String name;
  final Path log;
  final Process process;

  private JavaProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code java <jvmFlags> -cp <classpath> <mainClass> <args>} with {@code env} added
   * to this JVM's environment.
   */
  static JavaProcess start(String name, Path log, List<String> jvmFlags, String classpath,
      String mainClass, List<String> args, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(Arrays.asList("-cp", classpath, mainClass));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Files.writeString(log.resolveSibling(log.getFileName() + ".command"),
        String.join(" ", command) + "\n");
    return new JavaProcess(name, log, pb.start());
  }

  /** The log so far. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Waits until the log holds {@code text}; fails when the process ends or time runs out. */
  void awaitLog(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended (exit " + process.exitValue()
            + ") before logging \"" + text + "\"; see " + log);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not log \"" + text + "\" within " + seconds
        + " s; see " + log);
  }

  /** Waits for the process to end and returns its exit code; kills it when time runs out. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException(name + " did not end within " + seconds + " s; see "
          + log);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    // Children first: a worker's executors and drivers are its child JVMs.
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
