package vn.bantin.cleaned;

import static vn.bantin.cleaned.FieldParsers.quote;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one raw {@code hoso} record against the input contract.
 *
 * <p>A record that passes gives a {@link DossierRecord} in which: MaHoSo is present; text is
 * trimmed, empty text null; every date present is a real {@code yyyyMMddHHmmss} local
 * date-time; TrangThaiHoSo is present and 1..10; KenhThucHien is null or 1..3, HinhThuc null or
 * 0..1, LoaiKetQua null, {@code TRA_LAI} or {@code XIN_RUT}; an ended dossier (status 7, 9, 10
 * or a LoaiKetQua) has an end date; NgayTiepNhan is not after NgayKetThucXuLy; every supplement
 * has a request date and is not received before it. The applicant's personal fields are never
 * read. Unknown fields are ignored.
 *
 * <p>Otherwise it gives every problem found: first those of single fields in the contract's
 * field order, then those between fields (ended without end date, accepted after ended).
 * Those between fields are judged only on values that parsed, so one bad value is not
 * reported twice.
 */
public final class DossierCheck {
  /** Statuses at which processing has ended: withdrawn, resolved, handed over. */
  public static final Set<Integer> ENDED_STATUSES = Set.of(7, 9, 10);
  /** LoaiKetQua codes; an empty one is a normal result. */
  public static final List<String> RESULT_TYPES = List.of("TRA_LAI", "XIN_RUT");

  private DossierCheck() {}

  public static Checked<DossierRecord> check(Map<String, String> fields) {
    return check(fields, null);
  }

  /**
   * @param extractDate the date of the extract holding the record (bounds its dates, see
   *     {@link QuarantineReason#IMPLAUSIBLE_DATE}); null when unknown
   */
  public static Checked<DossierRecord> check(Map<String, String> fields,
      java.time.LocalDate extractDate) {
    FieldReader in = new FieldReader(fields, extractDate);
    String dossierId = in.key("MaHoSo");
    String procedureCode = in.text("MaTTHC");
    String procedureName = in.text("TenTTHC");
    String sectorCode = in.text("MaLinhVuc");
    String sectorName = in.text("TenLinhVuc");
    String departmentCode = in.text("MaDonVi");
    String publisherCode = in.text("MaNoiTiepNhan");
    Integer channel = in.code("KenhThucHien", 1, 3);
    LocalDateTime submittedAt = in.eventDateTime("NgayNopHoSo");
    LocalDateTime acceptedAt = in.eventDateTime("NgayTiepNhan");
    LocalDateTime dueAt = in.dueDateTime("NgayHenTra");
    LocalDateTime endedAt = in.eventDateTime("NgayKetThucXuLy");
    LocalDateTime handedOverAt = in.eventDateTime("NgayTra");
    LocalDateTime refusedAt = in.eventDateTime("NgayTuChoi");
    Integer status = in.requiredCode("TrangThaiHoSo", 1, 10);
    String resultType = in.textCode("LoaiKetQua", RESULT_TYPES);
    Integer delivery = in.code("HinhThuc", 0, 1);
    List<SupplementRecord> supplements =
        SupplementList.read(in.text(SupplementList.FIELD), in);

    // A bad end date is already reported as BAD_DATE or IMPLAUSIBLE_DATE: "without end date"
    // means absent.
    boolean ended = (status != null && ENDED_STATUSES.contains(status)) || resultType != null;
    if (ended && !in.has("NgayKetThucXuLy")) {
      String why = resultType != null ? "LoaiKetQua " + resultType : "status " + status;
      in.add("NgayKetThucXuLy", QuarantineReason.ENDED_WITHOUT_END_DATE,
          "ended (" + why + ") but NgayKetThucXuLy is missing");
    }
    if (acceptedAt != null && endedAt != null && acceptedAt.isAfter(endedAt)) {
      in.add("NgayTiepNhan", QuarantineReason.ACCEPTED_AFTER_ENDED,
          quote(in.text("NgayTiepNhan")) + " is after NgayKetThucXuLy "
              + quote(in.text("NgayKetThucXuLy")));
    }

    return in.result(() -> new DossierRecord(
        dossierId, procedureCode, procedureName, sectorCode, sectorName, departmentCode,
        publisherCode, channel, submittedAt, acceptedAt, dueAt, endedAt, handedOverAt, refusedAt,
        status, resultType, delivery, List.copyOf(supplements)));
  }
}
