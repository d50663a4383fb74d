package vn.bantin.generate;

/**
 * A bulletin the generator cannot calibrate to: unreadable, not monthly, or with figures that no
 * set of dossiers can produce. The message is one line naming the figures at fault.
 */
public class CalibrationException extends RuntimeException {
  public CalibrationException(String message) {
    super(message);
  }
}
