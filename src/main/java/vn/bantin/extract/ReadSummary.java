package vn.bantin.extract;

/**
 * What reading one extract file produced, for the run's lineage and report.
 *
 * @param records records handed to the sink, bad ones included (blank lines and the header are
 *     not records)
 * @param badRecords of those, the ones with a problem ({@code malformed_record} or
 *     {@code undecodable_text})
 * @param bytes bytes read from the input stream, i.e. the size of the file as stored (compressed
 *     when the file is gzip)
 * @param sha256 lower-case hex SHA-256 of the file as stored, so a re-delivered extract with the
 *     same name but other content can be told apart
 */
public record ReadSummary(long records, long badRecords, long bytes, String sha256) {}
