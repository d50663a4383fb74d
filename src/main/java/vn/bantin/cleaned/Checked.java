package vn.bantin.cleaned;

import java.util.List;

/**
 * The outcome of checking one raw record against the contract: either a typed value and no
 * problems, or no value and at least one problem (the first is the one the quarantine table
 * reports as the reason; all of them go into its detail).
 */
public record Checked<T>(T value, List<Problem> problems) {
  public Checked {
    problems = List.copyOf(problems);
    if ((value == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a checked record has either a value or problems");
    }
  }

  public static <T> Checked<T> ok(T value) {
    return new Checked<>(value, List.of());
  }

  public static <T> Checked<T> bad(List<Problem> problems) {
    return new Checked<>(null, problems);
  }

  public boolean isOk() {
    return value != null;
  }
}
