package vn.bantin.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import vn.bantin.bulletin.Language;
import vn.bantin.bulletin.NumberNotation;
import vn.bantin.query.PublishedBulletins.Revision;
import vn.bantin.query.PublishedBulletins.Revisions;

/**
 * {@code bulletin --revisions} printed: a JSON object (the publication and one entry per changed
 * figure) or a Markdown table, in Vietnamese or English.
 */
public final class RevisionsText {
  private RevisionsText() {}

  /** One JSON object: the publication, then {@code changes} (empty when nothing changed). */
  public static String json(Revisions revisions) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    var p = revisions.publication();
    root.put("publisher_code", p.publisherCode())
        .put("period", p.period())
        .put("published_at", p.publishedAt().toString())
        .put("published_by", p.publishedBy())
        .put("publication_id", p.id())
        .put("by", revisions.by());
    var changes = root.putArray("changes");
    for (Revision r : revisions.changed()) {
      ObjectNode c = changes.addObject();
      if (r.unitCode().isEmpty()) {
        c.putNull("unit_code");
      } else {
        c.put("unit_code", r.unitCode()).put("unit_name", r.unitName());
      }
      c.put("figure", r.figure().key()).put("published", r.published())
          .put("current", r.current()).put("change", r.change());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A heading, then a table of the changed figures (or a line saying none changed). */
  public static String markdown(Revisions revisions, Language lang) {
    var p = revisions.publication();
    boolean vi = lang == Language.VI;
    NumberNotation n = lang.notation();
    String when = lang.timeAndDate().withZone(ZoneId.systemDefault()).format(p.publishedAt());
    StringBuilder b = new StringBuilder();
    b.append(vi ? "# Số liệu đã thay đổi từ khi công bố: " : "# Figures changed since publication: ")
        .append(p.settings().name()).append(", ").append(p.period()).append("\n\n")
        .append(vi ? "Công bố lúc " : "Published ").append(when)
        .append(vi ? " bởi " : " by ").append(p.publishedBy()).append(".\n\n");
    if (revisions.changed().isEmpty()) {
      b.append(vi ? "Không có số liệu nào thay đổi.\n" : "No published figure has changed.\n");
      return b.toString();
    }
    b.append(vi ? "| Đơn vị | Chỉ tiêu | Đã công bố | Hiện nay | Chênh lệch |\n"
        : "| Unit | Figure | Published | Now | Change |\n");
    b.append("|---|---|---:|---:|---:|\n");
    for (Revision r : revisions.changed()) {
      String unit = r.unitCode().isEmpty() ? (vi ? "Tổng" : "Total")
          : r.unitCode() + (r.unitName().isEmpty() ? "" : " " + r.unitName());
      b.append("| ").append(unit).append(" | ").append(r.figure().key()).append(" | ")
          .append(n.count(r.published())).append(" | ").append(n.count(r.current()))
          .append(" | ").append(r.change() > 0 ? "+" : "−") // only changed figures are listed
          .append(n.count(Math.abs(r.change()))).append(" |\n");
    }
    return b.toString();
  }
}
