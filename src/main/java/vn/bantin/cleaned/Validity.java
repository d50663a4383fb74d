package vn.bantin.cleaned;

import static vn.bantin.cleaned.FieldParsers.quote;

import java.time.LocalDate;

/** The validity interval shared by catalogue and agency versions. */
final class Validity {
  private Validity() {}

  /**
   * BAD_INTERVAL (field HieuLucDen) when the version ends before it starts. Both days are
   * included, so a version valid one day ({@code HieuLucTu == HieuLucDen}) is fine; an open
   * bound cannot be out of order.
   */
  static void checkInterval(FieldReader in, LocalDate validFrom, LocalDate validTo) {
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      in.add("HieuLucDen", QuarantineReason.BAD_INTERVAL,
          quote(in.text("HieuLucDen")) + " is before HieuLucTu " + quote(in.text("HieuLucTu")));
    }
  }
}
