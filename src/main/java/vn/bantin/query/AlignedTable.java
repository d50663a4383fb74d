package vn.bantin.query;

import java.text.Normalizer;
import java.util.List;

/**
 * Rows printed as a text table for a terminal: a header, a rule, one line per row, columns
 * padded to their widest value, numbers right-aligned, NULL written out (an empty cell and a
 * null would look alike otherwise). Widths count characters after NFC normalisation, so a
 * Vietnamese name written with combining marks lines up like a precomposed one.
 */
public final class AlignedTable {
  private AlignedTable() {}

  public static String render(List<String> header, List<Boolean> rightAligned,
      List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      width[c] = length(header.get(c));
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], length(cell(row.get(c))));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width, null);
    for (int c = 0; c < width.length; c++) {
      out.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row.stream().map(AlignedTable::cell).toList(), width, rightAligned);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width,
      List<Boolean> rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String v = Normalizer.normalize(cells.get(c), Normalizer.Form.NFC);
      String pad = " ".repeat(width[c] - length(v));
      line.append(c == 0 ? "" : " | ");
      line.append(rightAligned != null && rightAligned.get(c) ? pad + v : v + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(String value) {
    return value == null ? "NULL" : value.replace("\n", "\\n").replace("\t", " ");
  }

  private static int length(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFC);
    return n.codePointCount(0, n.length());
  }
}
