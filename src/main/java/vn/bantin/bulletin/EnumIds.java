package vn.bantin.bulletin;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by the id users type (e.g. {@code half-up}, {@code md}, {@code vi}). */
final class EnumIds {
  private EnumIds() {}

  /** The constant whose id is {@code id}; fails naming the valid ids. */
  static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> idOf, String what,
      String id) {
    for (E e : type.getEnumConstants()) {
      if (idOf.apply(e).equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException("Cannot parse " + what + " '" + id + "': expected one of "
        + validIds(type, idOf));
  }

  static <E extends Enum<E>> String validIds(Class<E> type, Function<E, String> idOf) {
    return Arrays.stream(type.getEnumConstants()).map(idOf).collect(Collectors.joining(", "));
  }
}
