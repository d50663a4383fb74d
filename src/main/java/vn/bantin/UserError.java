package vn.bantin;

/**
 * A problem the user can fix (a missing folder, an unknown publisher, a period outside the
 * data). The CLI prints its message as one line, with no stack trace, and exits non-zero.
 * Messages read "Cannot &lt;do X&gt;: &lt;reason&gt;".
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
