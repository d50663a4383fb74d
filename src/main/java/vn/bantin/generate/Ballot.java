package vn.bantin.generate;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A satisfaction ballot (phiếu đánh giá).
 *
 * @param dossierId MaHoSo of the dossier it is about, null when not known
 * @param attitude ThaiDo 1–4
 * @param overall HaiLong 1–4
 */
public record Ballot(String id, LocalDateTime filledAt, String publisherCode, String dossierId,
    int attitude, int overall) {

  public Map<String, Object> toFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MaPhieu", id);
    m.put("NgayDanhGia", filledAt);
    m.put("MaNoiTiepNhan", publisherCode);
    m.put("MaHoSo", dossierId);
    m.put("ThaiDo", attitude);
    m.put("HaiLong", overall);
    return m;
  }
}
