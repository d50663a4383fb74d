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
    ObjectMapper json = new ObjectMapper();
    List<Path> logs;
    try (Stream<Path> files = Files.walk(eventLogDir)) {
      logs = files.filter(Files::isRegularFile)
          // not the in-progress marker nor the checksum files beside the log
          .filter(f -> !f.getFileName().toString().startsWith("appstatus")
              && !f.getFileName().toString().startsWith(".")).toList();
    }
    for (Path log : logs) {
      for (String line : Files.readAllLines(log)) {
        if (!line.contains("\"SparkListenerTaskEnd\"")) {
          continue;
        }
        JsonNode event = json.readTree(line);
        if ("Success".equals(event.path("Task End Reason").path("Reason").asText())) {
          tasks.merge(event.path("Task Info").path("Executor ID").asText(), 1L, Long::sum);
        }
      }
    }
    return tasks;
  }
}
