package vn.bantin.generate;

import java.time.LocalDateTime;
import vn.bantin.extract.ExtractKind;

/**
 * One extract file the generator writes.
 *
 * @param time the extract time (in the file name)
 * @param windowStart the previous extract time of the same kind: the file holds the records
 *     with an event in (windowStart, time]; null = since the beginning
 * @param format {@code jsonl}, {@code json}, {@code csv} or {@code xlsx}
 * @param bom a CSV file that starts with a UTF-8 byte-order mark
 */
public record PlannedExtract(ExtractKind kind, String fileName, LocalDateTime time,
    LocalDateTime windowStart, String format, boolean gzip, boolean bom) {}
