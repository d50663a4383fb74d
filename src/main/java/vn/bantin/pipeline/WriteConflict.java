package vn.bantin.pipeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import vn.bantin.registry.Table;

/**
 * A Delta write that lost to a concurrent one (ProtocolChangedException, ConcurrentAppend…,
 * MetadataChanged…, every {@code DeltaConcurrentModificationException}), told as one
 * {@code Cannot …} line with advice rather than Delta's message and its JSON commit dump. With
 * the {@link WarehouseLock} it only happens when something writes the warehouse without bantin
 * (a notebook, a job of an older version), or two runs raced on an object store.
 */
public final class WriteConflict {
  private static final Pattern DELTA_PATH =
      Pattern.compile("delta\\.`(.*)/([a-z]+)/([a-z_]+)`");

  private WriteConflict() {}

  /** The Delta conflict behind an exception, if any. */
  public static Optional<DeltaConcurrentModificationException> find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException c) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The one line the CLI prints for it. */
  public static String message(DeltaConcurrentModificationException e) {
    String table = null;
    String warehouse = null;
    if (e instanceof SparkThrowable st && st.getMessageParameters() != null) {
      String name = st.getMessageParameters().get("tableName");
      if (name != null) {
        Matcher m = DELTA_PATH.matcher(name);
        table = name;
        if (m.matches()) {
          warehouse = m.group(1).replaceFirst("^file:(?!//)", "");
          for (Table t : Table.values()) {
            if (t.layer().folder().equals(m.group(2)) && t.tableName().equals(m.group(3))) {
              table = t.qualifiedName();
            }
          }
        }
      }
    }
    String phase = Progress.current();
    return "Cannot write the warehouse" + (warehouse == null ? "" : " " + warehouse)
        + ": another process changed " + (table == null ? "one of its tables" : "table " + table)
        + " at the same time (" + e.getClass().getSimpleName()
        + (phase == null ? "" : ", during \"" + phase + "\"") + "); this write was not"
        + " committed. Let one bantin run at a time write a warehouse (a notebook or job that"
        + " writes its tables directly does not take bantin's lock), then run the same command"
        + " again: what was already written is kept and files already ingested are skipped.";
  }
}
