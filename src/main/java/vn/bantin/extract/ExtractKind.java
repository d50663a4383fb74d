package vn.bantin.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The four kinds of extract of the input contract ({@code shared/spec/contract.md}), each with
 * the fields the contract declares for it, in the contract's order. Fields an extract holds
 * beyond these are kept in the raw layer as they came, never interpreted.
 */
public enum ExtractKind {
  HOSO("hoso", "MaHoSo", List.of(
      "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MaDonVi", "MaNoiTiepNhan",
      "KenhThucHien", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
      "NgayTuChoi", "TrangThaiHoSo", "LoaiKetQua", "HinhThuc", "DanhSachHoSoBoSung",
      "ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email", "DiaChi", "DinhDanhCHS",
      "TrichYeuHoSo")),
  DANHGIA("danhgia", "MaPhieu", List.of(
      "MaPhieu", "NgayDanhGia", "MaNoiTiepNhan", "MaHoSo", "ThaiDo", "HaiLong")),
  THUTUC("thutuc", "MaTTHC", List.of(
      "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MaDonVi", "MucDo", "NamTaiCho",
      "HieuLucTu", "HieuLucDen")),
  DONVI("donvi", "MaDonVi", List.of(
      "MaDonVi", "TenDonVi", "CapDonVi", "MaDonViCha", "HieuLucTu", "HieuLucDen"));

  /**
   * The applicant's personal data and the dossier summary: these exist in the raw layer only.
   * No cleaned or gold table may hold a column derived from them.
   */
  public static final Set<String> PERSONAL_FIELDS = Set.of(
      "ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email", "DiaChi", "DinhDanhCHS",
      "TrichYeuHoSo");

  /**
   * Fields whose value differs from record to record (identifiers, timestamps to the second,
   * document and phone numbers): a Parquet dictionary of them never pays, as its writer hashes
   * each value into a dictionary that overflows and is thrown away (docs/benchmarks.md,
   * session 15). Names and addresses repeat, and are not here.
   */
  private static final Set<String> DISTINCT_PER_RECORD = Set.of(
      "MaHoSo", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
      "SoGiayToChuHoSo", "SoDienThoai", "Email", "DinhDanhCHS", "MaPhieu", "NgayDanhGia");

  private final String prefix;
  private final String keyField;
  private final List<String> fields;

  ExtractKind(String prefix, String keyField, List<String> fields) {
    this.prefix = prefix;
    this.keyField = keyField;
    this.fields = fields;
  }

  /** The file-name prefix of this kind, e.g. {@code hoso}. */
  public String prefix() {
    return prefix;
  }

  /** The field that identifies a record of this kind (with HieuLucTu for versioned kinds). */
  public String keyField() {
    return keyField;
  }

  /** The contract's fields of this kind, in the contract's order. */
  public List<String> fields() {
    return fields;
  }

  /** The fields of this kind whose values nearly never repeat, in the contract's order. */
  public List<String> distinctPerRecordFields() {
    return fields.stream().filter(DISTINCT_PER_RECORD::contains).toList();
  }

  public static ExtractKind ofPrefix(String prefix) {
    for (ExtractKind k : values()) {
      if (k.prefix.equals(prefix.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown extract kind '" + prefix + "'");
  }
}
