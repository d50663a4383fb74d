package vn.bantin.cleaned;

import java.io.Serializable;

/**
 * One way a record breaks the contract.
 *
 * @param field the contract field at fault (e.g. {@code NgayTiepNhan}), or null for the record
 * @param reason why
 * @param detail a short human explanation, naming the bad value where there is one
 */
public record Problem(String field, QuarantineReason reason, String detail) implements Serializable {}
