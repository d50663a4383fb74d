package vn.bantin.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dossier as one {@code hoso} extract holds it: its state as of the extract time. Field by
 * field the contract's {@code hoso} record, typed; null means the field is empty.
 *
 * @param asOf the extract time this state was taken at (not a field of the record)
 * @param procedureCode MaTTHC as written (occasionally the local form
 *     {@code 1.001234.000.00.00.H54})
 * @param departmentCode MaDonVi, null for the few dossiers that leave it to the catalogue
 * @param dueAt NgayHenTra: the due date in force at the extract time
 * @param status TrangThaiHoSo
 * @param resultType LoaiKetQua: null, {@code TRA_LAI} or {@code XIN_RUT}
 * @param supplements the supplement requests made by the extract time
 */
public record DossierState(
    LocalDateTime asOf,
    String dossierId,
    String procedureCode,
    String procedureName,
    String sectorCode,
    String sectorName,
    String departmentCode,
    String publisherCode,
    Integer channel,
    LocalDateTime submittedAt,
    LocalDateTime acceptedAt,
    LocalDateTime dueAt,
    LocalDateTime endedAt,
    LocalDateTime handedOverAt,
    LocalDateTime refusedAt,
    int status,
    String resultType,
    Integer delivery,
    List<Supplement> supplements,
    Applicant applicant,
    String summary) {

  /**
   * The record's fields in the contract's order: dates as LocalDateTime, codes as Integer,
   * DanhSachHoSoBoSung as a list of field maps (omitted when there is none), null when empty.
   */
  public Map<String, Object> toFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaHoSo", dossierId);
    m.put("MaTTHC", procedureCode);
    m.put("TenTTHC", procedureName);
    m.put("MaLinhVuc", sectorCode);
    m.put("TenLinhVuc", sectorName);
    m.put("MaDonVi", departmentCode);
    m.put("MaNoiTiepNhan", publisherCode);
    m.put("KenhThucHien", channel);
    m.put("NgayNopHoSo", submittedAt);
    m.put("NgayTiepNhan", acceptedAt);
    m.put("NgayHenTra", dueAt);
    m.put("NgayKetThucXuLy", endedAt);
    m.put("NgayTra", handedOverAt);
    m.put("NgayTuChoi", refusedAt);
    m.put("TrangThaiHoSo", status);
    m.put("LoaiKetQua", resultType);
    m.put("HinhThuc", delivery);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Supplement s : supplements) {
      items.add(s.toFields());
    }
    m.put("DanhSachHoSoBoSung", items.isEmpty() ? null : items);
    m.put("ChuHoSo", applicant.name());
    m.put("SoGiayToChuHoSo", applicant.idNumber());
    m.put("SoDienThoai", applicant.phone());
    m.put("Email", applicant.email());
    m.put("DiaChi", applicant.address());
    m.put("DinhDanhCHS", applicant.identifier());
    m.put("TrichYeuHoSo", summary);
    return m;
  }
}
