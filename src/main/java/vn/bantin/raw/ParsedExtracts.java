package vn.bantin.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import vn.bantin.extract.BadExtractException;
import vn.bantin.extract.ExtractFile;
import vn.bantin.extract.ExtractKind;
import vn.bantin.extract.ExtractReader;
import vn.bantin.extract.ReadSummary;
import vn.bantin.extract.SourceRecord;

/**
 * The records of extract files of one kind as rows of that kind's raw table, one Spark task
 * per file, streamed: a task pulls one record at a time from the file's reader and hands it on,
 * so memory does not depend on a file's size. When a file has been read to its end its summary
 * (records, bytes, SHA-256) goes to an accumulator the caller reads after the write. A file that
 * cannot be read (a cut gzip, broken CSV quoting, a workbook that is not one) ends where the
 * failure is, and its summary says why: the caller refuses it and removes the rows it gave
 * before the failure, while the other files of the write are kept.
 */
public final class ParsedExtracts {
  private ParsedExtracts() {}

  /**
   * What reading one file gave: for {@code raw.ingested_files}, and whether the file as a whole
   * is usable ({@code notUtf8} names the likely encoding of a file that is not UTF-8;
   * {@code unreadable} says why the file could not be read to its end, and {@code records} then
   * counts the records read before that).
   */
  public record FileSummary(String fileName, String kind, LocalDateTime extractAt, long bytes,
      String sha256, long records, long undecodable, String notUtf8, String unreadable)
      implements Serializable {}

  /**
   * The raw rows of the files (all of {@code kind}), lazily: nothing is read until the Dataset
   * is written. Each file's summary is added to {@code summaries} once it is read.
   */
  public static Dataset<Row> read(SparkSession spark, ExtractKind kind, List<ExtractFile> files,
      String runId, CollectionAccumulator<FileSummary> summaries) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    JavaRDD<ExtractFile> perFile = jsc.parallelize(files, Math.max(1, files.size()));
    JavaRDD<InternalRow> rows = perFile.mapPartitions(
        it -> new Rows(it, conf.value(), runId, summaries));
    // Spark's own rows, made here: a Row would be built only to be converted into one (the
    // Row encoder was a fifth of a first run's raw phase).
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), RawTables.schema(kind), false);
  }

  /** Rows of the files of a task, one record at a time, as the raw table's internal rows. */
  private static final class Rows implements Iterator<InternalRow> {
    private final Iterator<ExtractFile> files;
    private final Configuration conf;
    private final String runId;
    private final CollectionAccumulator<FileSummary> summaries;
    private ExtractFile file;
    private PulledRecords cursor;
    private RawRows rows;
    private InternalRow next;

    Rows(Iterator<ExtractFile> files, Configuration conf, String runId,
        CollectionAccumulator<FileSummary> summaries) {
      this.files = files;
      this.conf = conf;
      this.runId = runId;
      this.summaries = summaries;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (cursor == null) {
          if (!files.hasNext()) {
            return false;
          }
          open(files.next());
        }
        SourceRecord record;
        try {
          record = cursor.next();
        } catch (BadExtractException bad) {
          finishUnreadable(bad);
          continue;
        }
        if (record == null) {
          finishFile();
        } else {
          next = rows.of(record);
        }
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InternalRow r = next;
      next = null;
      return r;
    }

    private void open(ExtractFile f) {
      file = f;
      rows = new RawRows(f, runId);
      cursor = new PulledRecords(f, conf);
    }

    private void finishFile() {
      ReadSummary s = cursor.summary();
      summaries.add(new FileSummary(file.fileName(), file.kind().prefix(), file.extractTime(),
          s.bytes(), s.sha256(), s.records(), s.undecodable(), s.notUtf8(), null));
      cursor = null;
    }

    private void finishUnreadable(BadExtractException bad) {
      summaries.add(new FileSummary(file.fileName(), file.kind().prefix(), file.extractTime(),
          -1, null, cursor.pulled(), 0, null, bad.reason()));
      cursor = null;
    }
  }

  /**
   * The raw table's rows ({@link RawTables#schema}) of one file's records, in Spark's types.
   * Made on the task's thread: the reader's thread parses, and with one large file (a
   * full-history dump) the two threads are the run's two busy cores, so each keeps half the
   * work (made on the reader's thread, the dump's raw phase took 70 and 111 s, against 63 s
   * here).
   */
  static final class RawRows {
    private final UTF8String fileName;
    private final long extractAt;
    private final UTF8String run;
    private final Map<String, Integer> position;

    RawRows(ExtractFile file, String runId) {
      this.fileName = UTF8String.fromString(file.fileName());
      this.extractAt = DateTimeUtils.localDateTimeToMicros(file.extractTime());
      this.run = UTF8String.fromString(runId);
      this.position = positions(file.kind());
    }

    InternalRow of(SourceRecord r) {
      Object[] v = new Object[6 + position.size() + 1];
      v[0] = fileName;
      v[1] = r.line();
      v[2] = extractAt;
      v[3] = run;
      v[4] = UTF8String.fromString(r.problem());
      v[5] = UTF8String.fromString(r.detail());
      List<UTF8String> extraNames = null;
      List<UTF8String> extraValues = null;
      for (Map.Entry<String, String> e : r.fields().entrySet()) {
        Integer i = position.get(e.getKey());
        if (i != null) {
          v[6 + i] = UTF8String.fromString(e.getValue());
        } else {
          if (extraNames == null) {
            extraNames = new java.util.ArrayList<>();
            extraValues = new java.util.ArrayList<>();
          }
          extraNames.add(UTF8String.fromString(e.getKey()));
          extraValues.add(UTF8String.fromString(e.getValue()));
        }
      }
      v[6 + position.size()] = extraNames == null ? null
          : new ArrayBasedMapData(new GenericArrayData(extraNames.toArray()),
              new GenericArrayData(extraValues.toArray()));
      return new GenericInternalRow(v);
    }
  }

  /** Each contract field of a kind → its position among the kind's fields. */
  private static Map<String, Integer> positions(ExtractKind kind) {
    Map<String, Integer> out = new java.util.HashMap<>();
    List<String> fields = kind.fields();
    for (int i = 0; i < fields.size(); i++) {
      out.put(fields.get(i), i);
    }
    return out;
  }

  /**
   * The records of one file, pulled one at a time from a reader that pushes them: the reader
   * runs on its own thread and hands records over in batches through a small bounded queue, so
   * a file is never held in memory whatever its size (at most {@link #BATCH} × the queue's
   * capacity records are in flight). A batch, not a record, per hand-over: each hand-over costs
   * a lock and often a thread wake-up. A failure of the reader reaches the puller after the
   * records read before it.
   */
  static final class PulledRecords {
    static final int BATCH = 256;
    private static final Object END = new Object();
    private final java.util.concurrent.ArrayBlockingQueue<Object> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(8);
    private final Thread reader;
    private volatile ReadSummary summary;
    private volatile RuntimeException failure;
    private boolean ended;
    private long pulled;
    private SourceRecord[] batch = new SourceRecord[0];
    private int taken;

    PulledRecords(ExtractFile file, Configuration conf) {
      reader = new Thread(() -> {
        Batcher out = new Batcher();
        Path path = new Path(file.path());
        try (InputStream in = path.getFileSystem(conf).open(path)) {
          summary = ExtractReader.read(file, in, out::add);
        } catch (BadExtractException e) {
          failure = e;
        } catch (Stopped e) {
          return;
        } catch (IOException | RuntimeException e) {
          failure = new BadExtractException(file.fileName(),
              "reading the file failed (" + e + ")", e);
        }
        try {
          out.flush();
          put(END);
        } catch (Stopped e) {
          // The task was killed while the queue was full: nobody reads the end.
        }
      }, "bantin-read-" + file.fileName());
      reader.setDaemon(true);
      reader.start();
    }

    /** Records gathered on the reader's thread, handed over {@link #BATCH} at a time. */
    private final class Batcher {
      private SourceRecord[] filling = new SourceRecord[BATCH];
      private int size;

      void add(SourceRecord record) {
        filling[size++] = record;
        if (size == BATCH) {
          flush();
        }
      }

      void flush() {
        if (size > 0) {
          put(size == BATCH ? filling : java.util.Arrays.copyOf(filling, size));
          filling = new SourceRecord[BATCH];
          size = 0;
        }
      }
    }

    private void put(Object item) {
      try {
        queue.put(item);
      } catch (InterruptedException e) {
        throw new Stopped();
      }
    }

    /** The next record, or null at the end of the file. */
    SourceRecord next() {
      if (taken == batch.length) {
        if (ended) {
          return null;
        }
        Object item;
        try {
          item = queue.take();
        } catch (InterruptedException e) {
          reader.interrupt();
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading", e);
        }
        if (item == END) {
          ended = true;
          if (failure != null) {
            throw failure;
          }
          return null;
        }
        batch = (SourceRecord[]) item;
        taken = 0;
      }
      pulled++;
      SourceRecord r = batch[taken];
      batch[taken++] = null;
      return r;
    }

    /** The records handed out so far. */
    long pulled() {
      return pulled;
    }

    ReadSummary summary() {
      return summary;
    }

    /** The reader thread was told to stop (its task was killed). */
    private static final class Stopped extends RuntimeException {
      Stopped() {
        super(null, null, false, false);
      }
    }
  }
}
