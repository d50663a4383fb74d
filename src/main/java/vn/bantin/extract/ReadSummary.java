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
 * @param undecodable of the bad records, those with bytes that are not UTF-8
 * @param notUtf8 null for a UTF-8 file (possibly with a few undecodable records); otherwise the
 *     file as a whole is not UTF-8 and this names its likely encoding (see {@code EncodingGuess})
 */
public record ReadSummary(long records, long badRecords, long bytes, String sha256,
    long undecodable, String notUtf8) {

  public ReadSummary(long records, long badRecords, long bytes, String sha256) {
    this(records, badRecords, bytes, sha256, 0, null);
  }
}
