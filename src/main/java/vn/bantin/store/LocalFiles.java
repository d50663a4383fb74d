package vn.bantin.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem ({@code file:}) without a new process per file. Without Hadoop's
 * native library, its {@link RawLocalFileSystem} runs {@code chmod} in a new process for every
 * file and directory it creates with a permission (every Parquet file, every Delta log entry)
 * and {@code readlink} for every rename through {@code FileContext} (every Delta commit): 1,213
 * processes in a run on data-samples, each a few milliseconds on the path of a commit
 * (docs/benchmarks.md, session 16). Here the JDK does both; everything else, the checksum
 * files included, is Hadoop's own, so the files on disk are the same.
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** The Hadoop settings that make {@code file:} paths use these classes. */
  public static final java.util.Map<String, String> SETTINGS = java.util.Map.of(
      "fs.file.impl", Checksummed.class.getName(),
      "fs.AbstractFileSystem.file.impl", ForFileContext.class.getName());

  /** The raw filesystem, with the two calls that fork done by the JDK. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(),
            PosixFilePermissions.fromString(permission.toString()));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    /**
     * Hadoop asks {@code readlink} whether the path is a link (for a {@code file:} URI it asks
     * about a path that does not exist, and so always answers with the file's own status); a
     * link, which a warehouse does not hold, still gets Hadoop's own answer.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }
  }

  /** {@code fs.file.impl}: Hadoop's checksummed local filesystem over {@link Raw}. */
  public static class Checksummed extends LocalFileSystem {
    public Checksummed() {
      super(new Raw());
    }
  }

  /**
   * {@code fs.AbstractFileSystem.file.impl} ({@code FileContext}, which Delta's log store
   * commits through): Hadoop's checksummed {@code LocalFs} over {@link Raw}.
   */
  public static class ForFileContext extends ChecksumFs {
    public ForFileContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawForFileContext(conf));
    }
  }

  /** As Hadoop's {@code RawLocalFs}, over {@link Raw}. */
  static class RawForFileContext extends DelegateToFileSystem {
    RawForFileContext(Configuration conf) throws IOException, URISyntaxException {
      super(FsConstants.LOCAL_FS_URI, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(),
          false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }

    @Override
    public org.apache.hadoop.fs.FsServerDefaults getServerDefaults(Path f) throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }

    @Override
    @SuppressWarnings("deprecation")
    public org.apache.hadoop.fs.FsServerDefaults getServerDefaults() throws IOException {
      return org.apache.hadoop.fs.local.LocalConfigKeys.getServerDefaults();
    }
  }
}
