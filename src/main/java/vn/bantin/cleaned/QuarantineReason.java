package vn.bantin.cleaned;

import java.util.Locale;

/** Why a record was quarantined. The lower-case name is what the quarantine table holds. */
public enum QuarantineReason {
  /** A line that is not a JSON object, a CSV row with the wrong number of columns. */
  MALFORMED_RECORD,
  /** Text that is not valid UTF-8. */
  UNDECODABLE_TEXT,
  /** The record's key (MaHoSo, MaPhieu, MaTTHC, MaDonVi) is missing or empty. */
  MISSING_KEY,
  /** A field the figures cannot do without is missing (e.g. a ballot's date). */
  MISSING_FIELD,
  /** A date that is not {@code yyyyMMddHHmmss} (or {@code yyyyMMdd} where allowed), or not a real date. */
  BAD_DATE,
  /** A code outside its list (status, channel, delivery, result type, level, answer). */
  UNKNOWN_CODE,
  /**
   * A real date that cannot be true: before 1990 (a "no date" placeholder such as 0001-01-01),
   * an event after the extract that reports it was taken, or a due date more than a year
   * after it. Such a date would stretch the months of every bulletin.
   */
  IMPLAUSIBLE_DATE,
  /** NgayTiepNhan after NgayKetThucXuLy. */
  ACCEPTED_AFTER_ENDED,
  /** An ended dossier (status 7, 9, 10 or a result type) with no NgayKetThucXuLy. */
  ENDED_WITHOUT_END_DATE,
  /** DanhSachHoSoBoSung that is not a JSON list of supplement objects. */
  BAD_SUPPLEMENT_LIST,
  /** A validity interval that ends before it starts. */
  BAD_INTERVAL,
  /** Two records of one key in one extract that differ: both are quarantined. */
  CONFLICTING_DUPLICATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
