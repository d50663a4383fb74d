package vn.bantin.generate;

/**
 * The applicant's personal data, all fake (derived from the seed): ID numbers start with
 * {@code 000}, which no province has, phones with {@code 0000}, e-mails are at
 * {@code example.com}.
 */
public record Applicant(String name, String idNumber, String phone, String email,
    String address, String identifier) {}
