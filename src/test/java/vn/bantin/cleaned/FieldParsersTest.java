package vn.bantin.cleaned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldParsersTest {
  @Test
  void cleanTrimsAndTurnsEmptyIntoNone() {
    assertEquals("Sở Xây dựng", FieldParsers.clean("  Sở Xây dựng\t\r\n"));
    assertEquals("a  b", FieldParsers.clean("a  b"));
    assertNull(FieldParsers.clean(null));
    assertNull(FieldParsers.clean(""));
    assertNull(FieldParsers.clean(" \t \n "));
  }

  @Test
  void cleanRemovesSpreadsheetSpacesToo() {
    // No-break space and byte-order mark, as Excel and some CSV exports leave them.
    assertEquals("H54", FieldParsers.clean("\u00A0H54\u00A0"));
    assertEquals("H54", FieldParsers.clean("\uFEFFH54"));
    assertNull(FieldParsers.clean("\u00A0\u3000"));
  }

  @Test
  void dateTimeFirstAndLastSecondOfADay() {
    assertEquals(LocalDateTime.of(2021, 4, 5, 0, 0, 0), FieldParsers.parseDateTime("20210405000000"));
    assertEquals(LocalDateTime.of(2021, 4, 5, 23, 59, 59), FieldParsers.parseDateTime("20210405235959"));
  }

  @Test
  void dateTimeFebruary29OnlyInALeapYear() {
    assertEquals(LocalDateTime.of(2024, 2, 29, 8, 0), FieldParsers.parseDateTime("20240229080000"));
    assertNull(FieldParsers.parseDateTime("20230229080000"));
    // 2100 is not a leap year (divisible by 100, not by 400).
    assertNull(FieldParsers.parseDateTime("21000229080000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "20210231120000", // February 31
      "20210405240000", // hour 24
      "20210405236000", // minute 60
      "20210405235960", // second 60
      "20211305080000", // month 13
      "20210400080000", // day 0
      "20210405", // date only: not for dossier dates
      "2021040508000", // 13 digits
      "202104050800000", // 15 digits
      "2021-04-05 08:00", // separators
      "2021040508000a",
      "２０２１０４０５０８００００" // full-width digits
  })
  void dateTimeRefusesWhatIsNotARealYyyyMMddHHmmss(String text) {
    assertNull(FieldParsers.parseDateTime(text));
  }

  @Test
  void validityDateTakesEightOrFourteenDigits() {
    assertEquals(LocalDate.of(2021, 1, 1), FieldParsers.parseValidityDate("20210101"));
    assertEquals(LocalDate.of(2021, 12, 31), FieldParsers.parseValidityDate("20211231235959"));
    assertEquals(LocalDate.of(2024, 2, 29), FieldParsers.parseValidityDate("20240229"));
    assertNull(FieldParsers.parseValidityDate("20230229"));
    assertNull(FieldParsers.parseValidityDate("20211231240000"));
    assertNull(FieldParsers.parseValidityDate("2021123"));
    assertNull(FieldParsers.parseValidityDate("2021-01-01"));
  }

  @Test
  void codeIsPlainAsciiDigits() {
    assertEquals(2, FieldParsers.parseCode("2"));
    assertEquals(10, FieldParsers.parseCode("10"));
    assertEquals(2, FieldParsers.parseCode("02"));
    assertEquals(0, FieldParsers.parseCode("0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "2.0", "+2", "-1", "2e0", "1 0", "２", "\u0662", "1234567890"})
  void codeRefusesAnythingElse(String text) {
    assertNull(FieldParsers.parseCode(text));
  }

  @Test
  void quoteKeepsADetailOnOneShortLine() {
    assertEquals("'abc'", FieldParsers.quote("abc"));
    assertEquals("'a\\nb\\tc\\u0000'", FieldParsers.quote("a\nb\tc\u0000"));
    assertEquals("'" + "x".repeat(40) + "...'", FieldParsers.quote("x".repeat(100)));
  }
}
