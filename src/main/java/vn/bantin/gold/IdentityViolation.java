package vn.bantin.gold;

/** A build whose figures break an identity of metrics.md: a bug, never published. */
public class IdentityViolation extends RuntimeException {
  public IdentityViolation(String message) {
    super(message);
  }
}
