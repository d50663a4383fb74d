package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.SparkTestSession;

/** The local filesystem that Spark and Delta write through, without forked processes. */
class LocalFilesTest {
  @TempDir Path dir;

  private static org.apache.hadoop.fs.Path path(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  @Test
  void theSessionWritesLocalFilesThroughIt() throws Exception {
    Configuration conf = SparkTestSession.get().sparkContext().hadoopConfiguration();
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
      assertInstanceOf(LocalFiles.Checksummed.class, fs);
    }
    assertInstanceOf(LocalFiles.ForFileContext.class,
        FileContext.getFileContext(URI.create("file:///"), conf).getDefaultFileSystem());
  }

  @Test
  void permissionsAreSetAsHadoopWouldSetThem() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    new LocalFiles.Raw().setPermission(path(file), new FsPermission((short) 0640));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aFileIsItsOwnLinkStatusAndALinkStaysALink() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "abc");
    LocalFiles.Raw raw = new LocalFiles.Raw();
    raw.initialize(URI.create("file:///"), new Configuration());
    FileStatus status = raw.getFileLinkStatus(path(file));
    assertTrue(status.isFile());
    assertFalse(status.isSymlink());
    assertEquals(3, status.getLen());
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);
    assertTrue(raw.getFileLinkStatus(new org.apache.hadoop.fs.Path(link.toString()))
        .isSymlink());
  }

  /**
   * What a Parquet file and a Delta commit do to the filesystem (a directory and a file
   * created with a permission, a rename through FileContext) starts no process. Hadoop's own
   * classes start 13 here: {@code chmod} per file and directory, {@code readlink} per path a
   * rename looks at.
   */
  @Test
  void writingAndCommittingStartsNoProcess() throws Exception {
    Configuration conf = new Configuration();
    LocalFiles.SETTINGS.forEach(conf::set);
    Path jfr = dir.resolve("processes.jfr");
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf);
        Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart");
      recording.start();
      org.apache.hadoop.fs.Path table = path(dir.resolve("table"));
      fs.mkdirs(table, new FsPermission((short) 0755));
      try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(table, "part-0"),
          new FsPermission((short) 0644), true, 4096, (short) 1, 1 << 20, null)) {
        out.write("data".getBytes(StandardCharsets.UTF_8));
      }
      FileContext context = FileContext.getFileContext(URI.create("file:///"), conf);
      org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(table, ".0.json.tmp");
      try (FSDataOutputStream out = context.create(temp, EnumSet.of(CreateFlag.CREATE),
          Options.CreateOpts.createParent())) {
        out.write("{}".getBytes(StandardCharsets.UTF_8));
      }
      context.rename(temp, new org.apache.hadoop.fs.Path(table, "0.json"),
          Options.Rename.NONE);
      recording.stop();
      recording.dump(jfr);
    }
    List<RecordedEvent> started = RecordingFile.readAllEvents(jfr);
    assertEquals(List.of(), started.stream().map(e -> e.getString("command")).toList());
    assertTrue(Files.exists(dir.resolve("table/0.json")));
    assertTrue(Files.exists(dir.resolve("table/part-0")));
  }
}
