package vn.bantin.raw;

/**
 * What is wrong with an extract file as a whole, rather than with some of its records: it holds
 * no records, it is not UTF-8, it cannot be read to its end (a cut gzip, broken CSV quoting, a
 * workbook that is not one), or every one of its records was quarantined. A file with such a
 * problem is refused (not registered as ingested, none of its rows kept, the run exits non-zero)
 * unless the operator accepts that kind of problem; a file that is not UTF-8 or cannot be read
 * is always refused.
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
    EMPTY("--accept-empty", "take %s in as empty extracts"),
    NOT_UTF8(null, "a file that is not UTF-8 is always refused; export it again as UTF-8"),
    UNREADABLE(null, "a file that cannot be read is always refused; copy it again (a transfer"
        + " may have been cut) or export it again"),
    ALL_QUARANTINED("--accept-quarantined", "take %s in as extracts whose every record is"
        + " quarantined");

    private final String acceptOption;
    private final String advice;

    Problem(String acceptOption, String advice) {
      this.acceptOption = acceptOption;
      this.advice = advice;
    }

    /** The command-line option that accepts such a file, or null when it is always refused. */
    public String acceptOption() {
      return acceptOption;
    }

    /** What the operator can do about these files, for the run's summary. */
    public String advice(int files) {
      return acceptOption == null ? advice
          : "pass " + acceptOption + " to " + String.format(advice, files == 1 ? "it" : "them");
    }
  }

  /** Which whole-file problems the operator accepts for this run. */
  public record Accept(boolean empty, boolean quarantined) {
    public static final Accept NONE = new Accept(false, false);
  }

  /** Problems of a file as its reader summed it up (null when there is none). */
  static WholeFileProblem of(ParsedExtracts.FileSummary s,
      vn.bantin.extract.ExtractFormat format) {
    if (s.unreadable() != null) {
      return new WholeFileProblem(s.fileName(), s.kind(), s.records(), Problem.UNREADABLE,
          "the file cannot be read: " + s.unreadable() + (s.records() == 0 ? ""
              : " (after " + s.records() + " record(s), none of which is kept)"));
    }
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
