package vn.bantin.extract;

/** The formats an extract may come in; each may also be gzip-compressed. */
public enum ExtractFormat {
  /** JSON Lines: one object per line (the portal's shape, lists nested). */
  JSONL,
  /** UTF-8 CSV, header row, RFC 4180 quoting, optional byte-order mark; lists as JSON text. */
  CSV,
  /** The first sheet of an Excel workbook, header row; dates as text or Excel date cells. */
  XLSX
}
