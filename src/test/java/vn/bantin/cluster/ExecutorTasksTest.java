package vn.bantin.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-log reading StandaloneClusterIT relies on to tell a run on executors from one that
 * stayed in the driver: Spark 4's rolling layout (a folder per application, with an
 * in-progress marker and checksum files beside the events), only successful tasks counted.
 */
class ExecutorTasksTest {
  @TempDir
  Path events;

  static String taskEnd(String executor, String reason) {
    return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":3,\"Task End Reason\":{\"Reason\":\""
        + reason + "\"},\"Task Info\":{\"Task ID\":7,\"Executor ID\":\"" + executor
        + "\",\"Host\":\"127.0.0.1\"}}";
  }

  Path app(String id, String... lines) throws IOException {
    Path dir = Files.createDirectories(events.resolve("eventlog_v2_" + id));
    Files.write(dir.resolve("events_1_" + id), java.util.List.of(lines));
    Files.writeString(dir.resolve("appstatus_" + id + ".inprogress"), "");
    // A checksum file is binary: read as text it would fail.
    Files.write(dir.resolve(".events_1_" + id + ".crc"), new byte[] {(byte) 0xc3, 0x28, 0, 1});
    return dir;
  }

  @Test
  void tasksOnTheClusterAreCountedPerExecutor() throws IOException {
    app("app-1", "{\"Event\":\"SparkListenerApplicationStart\"}", taskEnd("0", "Success"),
        taskEnd("1", "Success"), taskEnd("1", "Success"), taskEnd("0", "ExceptionFailure"));
    assertEquals(Map.of("0", 1L, "1", 2L), ExecutorTasks.of(events));
  }

  @Test
  void aRunThatStayedInTheDriverShowsOnlyTheDriver() throws IOException {
    // What a local-mode run (or a submission that fell back to local) writes.
    app("local-1", taskEnd("driver", "Success"), taskEnd("driver", "Success"));
    assertEquals(Map.of("driver", 2L), ExecutorTasks.of(events));
  }
}
