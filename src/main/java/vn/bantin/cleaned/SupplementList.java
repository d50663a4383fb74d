package vn.bantin.cleaned;

import static vn.bantin.cleaned.FieldParsers.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A dossier's DanhSachHoSoBoSung: the JSON text of an array of supplement requests, each an
 * object with NgayBoSung (required), NgayTiepNhanBoSung, NgayHenTraTruoc and NgayHenTraMoi.
 * Other members of an element are ignored, like unknown fields of a record.
 */
final class SupplementList {
  static final String FIELD = "DanhSachHoSoBoSung";
  static final String REQUESTED = "NgayBoSung";
  static final String RECEIVED = "NgayTiepNhanBoSung";
  static final String DUE_BEFORE = "NgayHenTraTruoc";
  static final String DUE_AFTER = "NgayHenTraMoi";

  /**
   * Strict JSON: a repeated member ({@code {"NgayBoSung":"a","NgayBoSung":"b"}}) or text after
   * the array would otherwise be silently dropped, hiding which value the exporter meant.
   * A configured mapper is thread-safe, so one serves every record.
   */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private SupplementList() {}

  /**
   * The supplements of {@code text} (already cleaned; null means none), in the given order with
   * 1-based {@code seq}. Problems go to {@code reader}; the list returned is then incomplete and
   * not to be used.
   */
  static List<SupplementRecord> read(String text, FieldReader reader) {
    if (text == null) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      reader.add(FIELD, QuarantineReason.BAD_SUPPLEMENT_LIST, quote(text) + " is not JSON");
      return List.of();
    }
    if (root == null || root.isNull()) {
      // JSON's own spelling of "none", as an exporter may write an absent list.
      return List.of();
    }
    if (!root.isArray()) {
      reader.add(FIELD, QuarantineReason.BAD_SUPPLEMENT_LIST, quote(text) + " is not a JSON array");
      return List.of();
    }
    List<SupplementRecord> supplements = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      SupplementRecord supplement = element(root.get(i), i + 1, reader);
      if (supplement != null) {
        supplements.add(supplement);
      }
    }
    return supplements;
  }

  private static SupplementRecord element(JsonNode node, int seq, FieldReader reader) {
    String at = FIELD + "[" + seq + "]";
    if (!node.isObject()) {
      reader.add(at, QuarantineReason.BAD_SUPPLEMENT_LIST,
          "element " + seq + " " + quote(node.toString()) + " is not a JSON object");
      return null;
    }
    LocalDateTime requested = null;
    if (text(node, REQUESTED) == null) {
      reader.add(at + "." + REQUESTED, QuarantineReason.BAD_SUPPLEMENT_LIST,
          REQUESTED + " is missing or empty");
    } else {
      requested = date(node, REQUESTED, at, reader);
    }
    requested = reader.plausible(at + "." + REQUESTED, text(node, REQUESTED), requested, false);
    LocalDateTime received = reader.plausible(at + "." + RECEIVED, text(node, RECEIVED),
        date(node, RECEIVED, at, reader), false);
    LocalDateTime dueBefore = reader.plausible(at + "." + DUE_BEFORE, text(node, DUE_BEFORE),
        date(node, DUE_BEFORE, at, reader), true);
    LocalDateTime dueAfter = reader.plausible(at + "." + DUE_AFTER, text(node, DUE_AFTER),
        date(node, DUE_AFTER, at, reader), true);
    if (requested != null && received != null && received.isBefore(requested)) {
      reader.add(at + "." + RECEIVED, QuarantineReason.BAD_SUPPLEMENT_LIST,
          quote(text(node, RECEIVED)) + " is before " + REQUESTED + " "
              + quote(text(node, REQUESTED)));
    }
    // Where a member was bad the record holds null for it, but then the reader has a problem
    // and the whole list is dropped with the dossier.
    return new SupplementRecord(seq, requested, received, dueBefore, dueAfter);
  }

  /** An optional date member; BAD_DATE (field {@code DanhSachHoSoBoSung[i].name}) if bad. */
  private static LocalDateTime date(JsonNode element, String name, String at, FieldReader reader) {
    String value = text(element, name);
    if (value == null) {
      return null;
    }
    LocalDateTime parsed = FieldParsers.parseDateTime(value);
    if (parsed == null) {
      reader.add(at + "." + name, QuarantineReason.BAD_DATE, FieldReader.badDateTime(value));
    }
    return parsed;
  }

  /**
   * A member as text: absent, JSON null and blank are none; a string is trimmed; any other JSON
   * value is taken as its JSON text, so an integral number {@code 20210405080000} reads as that
   * date and {@code true} or {@code 2.0E13} are bad dates.
   */
  private static String text(JsonNode element, String name) {
    JsonNode value = element.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return FieldParsers.clean(value.isTextual() ? value.textValue() : value.toString());
  }
}
