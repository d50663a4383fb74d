package vn.bantin.extract;

import java.util.function.Consumer;

/** Passes records on to the caller's sink and counts them, for the {@link ReadSummary}. */
final class CountingSink implements Consumer<SourceRecord> {
  private final Consumer<SourceRecord> target;
  private long records;
  private long badRecords;
  private long undecodable;

  CountingSink(Consumer<SourceRecord> target) {
    this.target = target;
  }

  @Override
  public void accept(SourceRecord record) {
    try {
      target.accept(record);
    } catch (RuntimeException e) {
      throw new SinkFailure(e);
    }
    records++;
    if (record.problem() != null) {
      badRecords++;
      if (UNDECODABLE.equals(record.problem())) {
        undecodable++;
      }
    }
  }

  long records() {
    return records;
  }

  long badRecords() {
    return badRecords;
  }

  long undecodable() {
    return undecodable;
  }

  private static final String UNDECODABLE =
      vn.bantin.cleaned.QuarantineReason.UNDECODABLE_TEXT.code();

  /**
   * Carries an exception of the caller's sink past the reader's translation of failures into
   * {@link BadExtractException}, so it reaches the caller unchanged.
   */
  static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }
}
