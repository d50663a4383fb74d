package vn.bantin.cleaned;

import java.time.LocalDateTime;

/**
 * A satisfaction ballot, typed.
 *
 * @param attitude ThaiDo 1..4
 * @param overall HaiLong 1..4
 */
public record BallotRecord(
    String ballotId,
    LocalDateTime answeredAt,
    String publisherCode,
    String dossierId,
    int attitude,
    int overall) {}
