package vn.bantin.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.bantin.bulletin.PublisherSettings;
import vn.bantin.bulletin.Publishers;
import vn.bantin.registry.Table;
import vn.bantin.registry.Warehouse;

/**
 * One bulletin an operator published ({@code bulletin --publish}), as {@code gold.publications}
 * holds it: enough to print it again exactly, whatever was loaded since. The gold tables are
 * read at the versions recorded (Delta time travel; their logs are kept whole and {@code vacuum}
 * keeps the files those versions need), with the settings recorded (names, percent style), and
 * the figures are checked against the digest taken when it was published.
 *
 * @param id a unique id of the publication
 * @param publisherCode the publisher whose bulletin it is
 * @param period the period label, e.g. {@code 2021-04}
 * @param publishedAt when it was published
 * @param publishedBy who published it: user and host
 * @param versions the version of every table the bulletin is read from
 * @param settings the publisher's settings it was printed with
 * @param digest SHA-256 (hex) of the bulletin's JSON as printed then
 */
public record Publication(String id, String publisherCode, String period, Instant publishedAt,
    String publishedBy, Map<Table, Long> versions, PublisherSettings settings, String digest) {

  /** The tables a bulletin, its departments, sectors and procedures are read from. */
  public static final List<Table> READ_FROM = java.util.Arrays.stream(Table.values())
      .filter(Table::isReadByPublications).toList();

  public Publication {
    versions = java.util.Collections.unmodifiableMap(new EnumMap<>(versions));
  }

  /** The versions, as a set of published gold tables a reader can follow. */
  public PublishedGold asPublishedGold() {
    return new PublishedGold(versions, true);
  }

  /** The row of {@code gold.publications}, in its declared column order. */
  public Object[] row() {
    return new Object[] {id, publisherCode, period, publishedAt,
        publishedBy, PublishedGold.format(versions), Publishers.json(settings), digest};
  }

  /** Every publication recorded in the warehouse, oldest first (none when never published). */
  public static List<Publication> all(KernelTables kernel, Warehouse warehouse) {
    String location = warehouse.location(Table.GOLD_PUBLICATIONS);
    if (!kernel.exists(location)) {
      return List.of();
    }
    List<Publication> out = new ArrayList<>();
    for (Map<String, Object> r : kernel.read(location)) {
      String id = (String) r.get("publication_id");
      String code = (String) r.get("publisher_code");
      out.add(new Publication(id, code, (String) r.get("period"),
          (Instant) r.get("published_at"), (String) r.get("published_by"),
          PublishedGold.parse((String) r.get("versions")),
          Publishers.parse("gold.publications " + id, (String) r.get("settings"))
              .settingsFor(code),
          (String) r.get("digest")));
    }
    out.sort(Comparator.comparing(Publication::publishedAt).thenComparing(Publication::id));
    return out;
  }

  /** SHA-256 of the text, in hex. */
  public static String sha256(String text) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
