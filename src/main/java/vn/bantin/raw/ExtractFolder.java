package vn.bantin.raw;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.bantin.UserError;
import vn.bantin.extract.ExtractFile;

/**
 * The extract files of an input folder, checked before Spark reads a byte: every file must be
 * named {@code <kind>_<timestamp>.<ext>}. Hidden files (a leading dot) are ignored; sub-folders
 * are ignored too, so an operator may keep an {@code archive/} beside the extracts.
 */
public final class ExtractFolder {
  private ExtractFolder() {}

  /** A file of the folder with its size in bytes. */
  public record Listed(ExtractFile file, long bytes) {}

  /**
   * Lists and names-checks the folder's extracts, ordered by extract time then name.
   *
   * @throws UserError when the folder is missing or holds no extract
   * @throws vn.bantin.extract.BadExtractException when a file's name is not an extract's
   */
  public static List<Listed> list(String folder, Configuration hadoopConf) {
    Path dir = new Path(folder);
    FileStatus[] statuses;
    try {
      FileSystem fs = dir.getFileSystem(hadoopConf);
      if (!fs.exists(dir)) {
        throw new UserError("Cannot ingest " + folder + ": no such folder");
      }
      if (!fs.getFileStatus(dir).isDirectory()) {
        throw new UserError("Cannot ingest " + folder + ": it is a file, not a folder");
      }
      statuses = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      throw new UserError("Cannot ingest " + folder + ": no such folder");
    } catch (IOException e) {
      throw new UserError("Cannot ingest " + folder + ": " + e.getMessage());
    }
    List<Listed> files = new ArrayList<>();
    for (FileStatus status : statuses) {
      String name = status.getPath().getName();
      if (status.isDirectory() || name.startsWith(".")) {
        continue;
      }
      files.add(new Listed(ExtractFile.of(status.getPath().toString(), name), status.getLen()));
    }
    if (files.isEmpty()) {
      throw new UserError("Cannot ingest " + folder + ": the folder holds no extract files"
          + " (expected names like hoso_20210501.jsonl)");
    }
    files.sort(Comparator.comparing((Listed l) -> l.file().extractTime())
        .thenComparing(l -> l.file().fileName()));
    return files;
  }
}
