package vn.bantin.cleaned;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A raw record for tests: a valid base with one field overridden or removed. */
final class Raw {
  private final Map<String, String> fields = new LinkedHashMap<>();

  static Raw of(String... namesAndValues) {
    Raw raw = new Raw();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      raw.fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return raw;
  }

  /** A copy with {@code name} set to {@code value} (null: present in the map, holding null). */
  Raw with(String name, String value) {
    Raw copy = copy();
    copy.fields.put(name, value);
    return copy;
  }

  Raw without(String name) {
    Raw copy = copy();
    copy.fields.remove(name);
    return copy;
  }

  Map<String, String> map() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  private Raw copy() {
    Raw copy = new Raw();
    copy.fields.putAll(fields);
    return copy;
  }

  /** "field REASON" of each problem, in order: the shape most assertions compare. */
  static List<String> reasons(Checked<?> checked) {
    return checked.problems().stream()
        .map(p -> p.field() + " " + p.reason())
        .collect(Collectors.toList());
  }
}
