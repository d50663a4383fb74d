package vn.bantin.cleaned;

import java.time.LocalDateTime;

/**
 * One supplement request of a dossier (an element of DanhSachHoSoBoSung), local times.
 *
 * @param seq 1-based position in the dossier's list
 * @param requestedAt NgayBoSung (required)
 * @param receivedAt NgayTiepNhanBoSung; null while the supplement is awaited
 * @param dueBeforeAt NgayHenTraTruoc: the due date before the pause
 * @param dueAfterAt NgayHenTraMoi: the due date after it
 */
public record SupplementRecord(
    int seq,
    LocalDateTime requestedAt,
    LocalDateTime receivedAt,
    LocalDateTime dueBeforeAt,
    LocalDateTime dueAfterAt) {}
