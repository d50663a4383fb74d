package vn.bantin.registry;

/**
 * How a table's rows are written. Declared once per table in the {@link Table} registry; the
 * {@link TableStore} is the only place that writes, and writes each table only its declared way.
 */
public enum WriteMode {
  /** The whole table replaced in one commit: for small derived tables. */
  OVERWRITE,
  /**
   * The rows of a slice (the rows whose {@link Table#sliceColumn()} takes one of the given values,
   * e.g. the extract files of a run) replaced in one commit; rows outside the slice untouched.
   * Writing the same slice twice gives the same table, so a crashed run is simply run again.
   */
  REPLACE_SLICE,
  /**
   * Upsert on the table's keys in extract order: a source row replaces the row it matches only
   * when it comes later (extract time, then file name, then line), so a late file with an
   * older extract time never overwrites newer state and re-applying a source changes nothing.
   */
  MERGE_NEWEST,
  /**
   * The table, or the part of it a predicate selects (for the period tables: a publisher's
   * periods from the first month that changed), made equal to the given rows: compared first,
   * and replaced in one commit only when a row differs, so an unchanged table gets no new
   * version. For small derived tables, where replacing rows is cheaper than a merge by key.
   */
  SYNC
}
