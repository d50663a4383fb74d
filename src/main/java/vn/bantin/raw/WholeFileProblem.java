package vn.bantin.raw;

/**
 * What is wrong with an extract file as a whole, rather than with some of its records: it holds
 * no records, it is not UTF-8, or every one of its records was quarantined. A file with such a
 * problem is refused (not registered as ingested, none of its rows kept, the run exits non-zero)
 * unless the operator accepts that kind of problem; a file that is not UTF-8 is always refused.
 *
 * @param fileName the extract file
 * @param kind its kind (hoso, danhgia, thutuc, donvi)
 * @param records the records read from it
 * @param problem what kind of problem
 * @param detail what is wrong, for the run's summary
 */
public record WholeFileProblem(String fileName, String kind, long records, Problem problem,
    String detail) {

  /** The kinds of whole-file problems, with the option that accepts each (null: none does). */
  public enum Problem {
    EMPTY("--accept-empty"),
    NOT_UTF8(null),
    ALL_QUARANTINED("--accept-quarantined");

    private final String acceptOption;

    Problem(String acceptOption) {
      this.acceptOption = acceptOption;
    }

    /** The command-line option that accepts such a file, or null when it is always refused. */
    public String acceptOption() {
      return acceptOption;
    }
  }

  /** Which whole-file problems the operator accepts for this run. */
  public record Accept(boolean empty, boolean quarantined) {
    public static final Accept NONE = new Accept(false, false);
  }

  /** Problems of a file as its reader summed it up (null when there is none). */
  static WholeFileProblem of(ParsedExtracts.FileSummary s,
      vn.bantin.extract.ExtractFormat format) {
    if (s.notUtf8() != null) {
      String how = s.records() == 0 ? "" : "; " + s.undecodable() + " of its " + s.records()
          + " records hold bytes that are not UTF-8";
      return new WholeFileProblem(s.fileName(), s.kind(), s.records(), Problem.NOT_UTF8,
          "the file is not UTF-8, it is likely " + s.notUtf8() + how
              + "; export it again as UTF-8");
    }
    if (s.records() == 0) {
      String what;
      if (s.bytes() == 0) {
        what = "the file is empty (0 bytes)";
      } else if (format == vn.bantin.extract.ExtractFormat.JSONL) {
        what = "the file holds no records (blank lines only)";
      } else {
        what = "the file holds no records (a header row only, or nothing but blank lines)";
      }
      return new WholeFileProblem(s.fileName(), s.kind(), 0, Problem.EMPTY, what);
    }
    return null;
  }
}
