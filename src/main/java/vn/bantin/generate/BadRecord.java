package vn.bantin.generate;

/**
 * A deliberately bad record the generator wrote: where it is and which contract breach it is.
 *
 * @param line the 1-based line of a JSON Lines or CSV file (CSV header = line 1), or the 1-based
 *     row of a sheet (header = row 1)
 * @param reason the {@code vn.bantin.cleaned.QuarantineReason} code a reader should give it
 * @param key its MaHoSo or MaPhieu, used nowhere else in the output; null when the breach is a
 *     missing key
 */
public record BadRecord(String fileName, long line, String reason, String key,
    String description) {}
