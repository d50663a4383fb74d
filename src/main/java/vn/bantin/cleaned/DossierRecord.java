package vn.bantin.cleaned;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A dossier as the cleaned layer holds it: typed, trimmed (empty text is null), no personal
 * data. Times are Vietnam local wall-clock times as the extract gives them.
 *
 * @param procedureCode MaTTHC as given (a local form like {@code 1.001234.000.00.00.H54} kept)
 * @param channel KenhThucHien: 1 counter, 2 online, 3 post; null when absent
 * @param status TrangThaiHoSo 1..10 (required)
 * @param resultType LoaiKetQua: null, {@code TRA_LAI} or {@code XIN_RUT}
 * @param delivery HinhThuc: 0 counter, 1 post; null when absent
 */
public record DossierRecord(
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
    List<SupplementRecord> supplements) {}
