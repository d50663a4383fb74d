package vn.bantin.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.bantin.bulletin.Language;
import vn.bantin.store.Publication;

/**
 * {@code bulletin --publications} printed: one JSON object per publication (oldest first), or
 * a Markdown table, so that an operator can pick the id that {@code --publication} takes.
 */
public final class PublicationsText {
  private PublicationsText() {}

  /** One JSON object per line; nothing when the period was never published. */
  public static String jsonLines(List<Publication> publications) {
    ObjectMapper mapper = new ObjectMapper();
    StringBuilder b = new StringBuilder();
    for (Publication p : publications) {
      ObjectNode o = mapper.createObjectNode();
      o.put("publication_id", p.id())
          .put("publisher_code", p.publisherCode())
          .put("period", p.period())
          .put("published_at", p.publishedAt().toString())
          .put("published_by", p.publishedBy())
          .put("digest", p.digest());
      ObjectNode versions = o.putObject("versions");
      p.versions().forEach((t, v) -> versions.put(t.qualifiedName(), v));
      b.append(b.length() == 0 ? "" : "\n").append(o.toString());
    }
    return b.toString();
  }

  /** A numbered table, oldest first (or a line saying it was never published). */
  public static String markdown(List<Publication> publications, Language lang) {
    boolean vi = lang == Language.VI;
    if (publications.isEmpty()) {
      return vi ? "Bản tin này chưa được công bố.\n" : "This bulletin was never published.\n";
    }
    DateTimeFormatter when = lang.timeAndDate().withZone(ZoneId.systemDefault());
    Publication first = publications.get(0);
    StringBuilder b = new StringBuilder();
    b.append(vi ? "# Các lần công bố: " : "# Publications: ").append(first.settings().name())
        .append(", ").append(first.period()).append("\n\n")
        .append(vi ? "| # | Mã công bố | Thời điểm | Người công bố | Phiên bản bảng |\n"
            : "| # | Publication id | Published | By | Table versions |\n")
        .append("|---:|---|---|---|---|\n");
    int n = 0;
    for (Publication p : publications) {
      b.append("| ").append(++n).append(" | ").append(p.id()).append(" | ")
          .append(when.format(p.publishedAt())).append(" | ").append(p.publishedBy())
          .append(" | ").append(vn.bantin.store.PublishedGold.format(p.versions()))
          .append(" |\n");
    }
    return b.toString();
  }
}
