package vn.bantin.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and options → the same bytes, in every format (gzip and xlsx included). */
class DeterminismTest {

  private static GeneratorOptions small(Path out, long seed) {
    // five months, so that every format (xlsx, json, plain jsonl, csv, gz) is written
    return GeneratorOptions.defaults(out).withSeed(seed).withScale(0.15)
        .withSpan(YearMonth.of(2021, 1), YearMonth.of(2021, 5));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void sameSeedSameBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
    SampleGenerator.generate(small(a, 11));
    SampleGenerator.generate(small(b, 11));
    List<String> names = names(a);
    assertEquals(names, names(b));
    assertTrue(names.stream().anyMatch(n -> n.endsWith(".xlsx")), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.endsWith(".json")), names.toString());
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
    }
    SampleGenerator.generate(small(c, 12));
    assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(names.get(0))),
        Files.readAllBytes(c.resolve(names.get(0)))), "another seed, other data");
  }
}
