package vn.bantin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Steps side by side: the results in the items' order, every step ended before a failure. */
class SideBySideTest {
  @Test
  void theResultsComeInTheItemsOrderAndTheStepsRunAtTheSameTime() {
    CountDownLatch all = new CountDownLatch(3);
    List<String> out = SideBySide.each(List.of("a", "b", "c"), s -> {
      all.countDown();
      try {
        // Each step waits for the others to start: one after the other, this would time out.
        assertTrue(all.await(10, TimeUnit.SECONDS), "the steps run side by side");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return s.toUpperCase();
    });
    assertEquals(List.of("A", "B", "C"), out);
  }

  @Test
  void aFailureIsRethrownOnceEveryStepHasEnded() {
    Set<String> ended = ConcurrentHashMap.newKeySet();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> SideBySide.each(List.of("fails", "slow", "fast"), s -> {
          if (s.equals("fails")) {
            throw new IllegalArgumentException("bad " + s);
          }
          if (s.equals("slow")) {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          ended.add(s);
          return s;
        }));
    assertEquals("bad fails", thrown.getMessage());
    assertEquals(Set.of("slow", "fast"), ended, "no step was still running");
  }
}
