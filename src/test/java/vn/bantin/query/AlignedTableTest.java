package vn.bantin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedTableTest {
  @Test
  void columnsArePaddedNumbersRightAlignedNullsWrittenOut() {
    String decomposed = java.text.Normalizer.normalize("Sở Tư pháp",
        java.text.Normalizer.Form.NFD);
    String table = AlignedTable.render(List.of("unit", "received"), List.of(false, true),
        List.of(List.of(decomposed, "7790"), Arrays.asList("Sở Y tế", null)));
    assertEquals(String.join("\n",
        "unit       | received",
        "-----------+---------",
        "Sở Tư pháp |     7790",
        "Sở Y tế    |     NULL",
        ""), table);
  }
}
