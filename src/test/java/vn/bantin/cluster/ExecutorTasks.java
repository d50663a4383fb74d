package vn.bantin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Successful tasks per executor id, read from the event logs of a folder
 * ({@code spark.eventLog.dir}, uncompressed; a rolling log is a folder of files, hence the walk):
 * the record of where the work really ran. A run that stayed on the driver shows only the
 * executor id {@code driver}.
 */
final class ExecutorTasks {
  private ExecutorTasks() {}

  static Map<String, Long> of(Path eventLogDir) throws IOException {
    Map<String, Long> tasks = new TreeMap<>();
    for (JsonNode event : events(eventLogDir, "SparkListenerTaskEnd")) {
      if ("Success".equals(event.path("Task End Reason").path("Reason").asText())) {
        tasks.merge(event.path("Task Info").path("Executor ID").asText(), 1L, Long::sum);
      }
    }
    return tasks;
  }

  /**
   * Executor id → the worker that ran it (its log page's host and port): an executor Spark
   * removed (heartbeat timed out) is replaced by one with a new id on the same worker.
   */
  static Map<String, String> workers(Path eventLogDir) throws IOException {
    Map<String, String> workers = new TreeMap<>();
    for (JsonNode event : events(eventLogDir, "SparkListenerExecutorAdded")) {
      String stdout = event.path("Executor Info").path("Log Urls").path("stdout").asText();
      workers.put(event.path("Executor ID").asText(),
          java.net.URI.create(stdout).getAuthority());
    }
    return workers;
  }

  /** Why each executor Spark removed during the run was removed (none at a normal end). */
  static List<String> removed(Path eventLogDir) throws IOException {
    return events(eventLogDir, "SparkListenerExecutorRemoved").stream()
        .map(e -> e.path("Executor ID").asText() + ": " + e.path("Removed Reason").asText())
        .toList();
  }

  private static List<JsonNode> events(Path eventLogDir, String type) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> logs;
    try (Stream<Path> files = Files.walk(eventLogDir)) {
      logs = files.filter(Files::isRegularFile)
          // not the in-progress marker nor the checksum files beside the log
          .filter(f -> !f.getFileName().toString().startsWith("appstatus")
              && !f.getFileName().toString().startsWith(".")).toList();
    }
    List<JsonNode> events = new java.util.ArrayList<>();
    for (Path log : logs) {
      for (String line : Files.readAllLines(log)) {
        if (line.contains("\"" + type + "\"")) {
          events.add(json.readTree(line));
        }
      }
    }
    return events;
  }
}
