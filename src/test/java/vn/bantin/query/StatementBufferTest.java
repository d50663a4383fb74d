package vn.bantin.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementBufferTest {
  @Test
  void aStatementEndsWithASemicolonOverAnyNumberOfLines() {
    StatementBuffer b = new StatementBuffer();
    assertEquals(List.of(), b.add("SELECT *"));
    assertTrue(b.isOpen());
    assertEquals(List.of("SELECT *\nFROM gold.bulletin"), b.add("FROM gold.bulletin;"));
    assertFalse(b.isOpen());
  }

  @Test
  void aSemicolonInAStringOrIdentifierEndsNothing() {
    StatementBuffer b = new StatementBuffer();
    assertEquals(List.of("SELECT 'a;b', `c;d`"), b.add("SELECT 'a;b', `c;d`;"));
    assertEquals(List.of(), b.add("SELECT 'it''s; open"));
    assertEquals(List.of("SELECT 'it''s; open\n;'"), b.add(";';"));
  }

  @Test
  void twoStatementsOnALineAndDotCommands() {
    StatementBuffer b = new StatementBuffer();
    assertEquals(List.of("SELECT 1", "SELECT 2"), b.add("SELECT 1; SELECT 2;"));
    assertEquals(List.of(".tables"), b.add("  .tables "));
    b.add("SELECT");
    b.clear();
    assertFalse(b.isOpen());
  }
}
