package vn.bantin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberNotationTest {

  @Test
  void vietnameseGroupsThousandsWithDotsAndMarksDecimalsWithComma() {
    assertEquals("7.790", VietnameseNumbers.count(7790));
    assertEquals("1.150.343", VietnameseNumbers.count(1_150_343));
    assertEquals("999", VietnameseNumbers.count(999));
    assertEquals("0", VietnameseNumbers.count(0));
    assertEquals("81,9", VietnameseNumbers.decimal(new BigDecimal("81.9")));
    assertEquals("0,40", VietnameseNumbers.decimal(new BigDecimal("0.40")));
    assertEquals("1.000,00", VietnameseNumbers.decimal(new BigDecimal("1000.00")));
  }

  @Test
  void englishIsTheMirrorImage() {
    assertEquals("7,790", NumberNotation.ENGLISH.count(7790));
    assertEquals("-1,234,567", NumberNotation.ENGLISH.count(-1_234_567));
    assertEquals("81.9", NumberNotation.ENGLISH.decimal(new BigDecimal("81.9")));
  }
}
