package vn.bantin.extract;

import java.util.function.Consumer;

/** Passes records on to the caller's sink and counts them, for the {@link ReadSummary}. */
final class CountingSink implements Consumer<SourceRecord> {
  private final Consumer<SourceRecord> target;
  private long records;
  private long badRecords;

  CountingSink(Consumer<SourceRecord> target) {
    this.target = target;
  }

  @Override
  public void accept(SourceRecord record) {
    target.accept(record);
    records++;
    if (record.problem() != null) {
      badRecords++;
    }
  }

  long records() {
    return records;
  }

  long badRecords() {
    return badRecords;
  }
}
