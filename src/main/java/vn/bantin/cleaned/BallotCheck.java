package vn.bantin.cleaned;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * Checks one raw {@code danhgia} record against the input contract.
 *
 * <p>A record that passes gives a {@link BallotRecord} with MaPhieu present, NgayDanhGia a real
 * {@code yyyyMMddHHmmss} local date-time (required: a ballot with no date cannot be placed in a
 * period), and both answers ThaiDo and HaiLong in 1..4 (required: the contract calls a ballot
 * without a valid answer to both questions bad input). Text is trimmed, empty text null;
 * unknown fields are ignored. Otherwise it gives every problem found, in the contract's field
 * order.
 */
public final class BallotCheck {
  private BallotCheck() {}

  public static Checked<BallotRecord> check(Map<String, String> fields) {
    return check(fields, null);
  }

  /** @param extractDate the date of the extract holding the record, or null when unknown */
  public static Checked<BallotRecord> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    FieldReader in = new FieldReader(fields, extractDate);
    String ballotId = in.key("MaPhieu");
    LocalDateTime answeredAt = in.requiredEventDateTime("NgayDanhGia");
    String publisherCode = in.text("MaNoiTiepNhan");
    String dossierId = in.text("MaHoSo");
    Integer attitude = in.requiredCode("ThaiDo", 1, 4);
    Integer overall = in.requiredCode("HaiLong", 1, 4);
    return in.result(() -> new BallotRecord(
        ballotId, answeredAt, publisherCode, dossierId, attitude, overall));
  }
}
