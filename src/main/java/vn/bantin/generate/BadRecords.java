package vn.bantin.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bantin.cleaned.QuarantineReason;
import vn.bantin.extract.ExtractKind;

/**
 * Puts about ten deliberately bad records, each a different breach of the contract, into the
 * extracts: an unparseable date, an unknown status, a missing MaHoSo, accepted after it ended,
 * ended with no end date, two differing records of one dossier in one file, a line with invalid
 * UTF-8, a malformed JSON line, a ballot answering 5, a ballot without HaiLong. Each is a copy of
 * a real record of the same file under a code (sequence 99xx) that appears nowhere else, so
 * quarantining them changes no figure.
 */
final class BadRecords {

  private final Map<PlannedExtract, List<ExtractRow>> contents;
  private final Set<String> usedKeys;
  private final List<BadRecord> written = new ArrayList<>();
  private final Map<PlannedExtract, Integer> insertedPerFile = new LinkedHashMap<>();
  private int nextSeq = 9901;

  BadRecords(Map<PlannedExtract, List<ExtractRow>> contents, Set<String> usedKeys) {
    this.contents = contents;
    this.usedKeys = usedKeys;
  }

  List<BadRecord> written() {
    return written;
  }

  /** Inserts all the bad records into the planned files' rows. */
  void insert(List<PlannedExtract> plan) {
    List<PlannedExtract> hoso = new ArrayList<>();
    List<PlannedExtract> ballots = new ArrayList<>();
    for (PlannedExtract e : plan) {
      if (e.kind() == ExtractKind.HOSO && contents.get(e).stream().anyMatch(
          r -> r.fields() != null && r.fields().get("NgayTiepNhan") != null)) {
        hoso.add(e);
      } else if (e.kind() == ExtractKind.DANHGIA && !contents.get(e).isEmpty()) {
        ballots.add(e);
      }
    }
    if (hoso.isEmpty()) {
      return;
    }
    PlannedExtract firstHoso = hoso.get(0);
    PlannedExtract plainJsonl = find(hoso, "jsonl", false, firstHoso);
    PlannedExtract plainCsv = find(hoso, "csv", false, firstHoso);
    PlannedExtract gzCsv = find(hoso, "csv", true, firstHoso);
    PlannedExtract xlsx = find(hoso, "xlsx", false, firstHoso);
    PlannedExtract json = find(hoso, "json", false, firstHoso);

    undecodable(plainJsonl);
    malformed(plainJsonl);
    dossier(plainCsv, QuarantineReason.BAD_DATE, "NgayTiepNhan in dd/MM/yyyy HH:mm", m -> {
      LocalDateTime t = (LocalDateTime) m.get("NgayTiepNhan");
      m.put("NgayTiepNhan", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(t));
    });
    dossier(firstHoso, QuarantineReason.UNKNOWN_CODE, "TrangThaiHoSo 12",
        m -> m.put("TrangThaiHoSo", 12));
    dossier(firstHoso, QuarantineReason.MISSING_KEY, "no MaHoSo", m -> m.put("MaHoSo", null));
    dossier(gzCsv, QuarantineReason.ACCEPTED_AFTER_ENDED,
        "NgayTiepNhan two days after NgayKetThucXuLy", m -> {
          LocalDateTime r = (LocalDateTime) m.get("NgayTiepNhan");
          m.put("NgayKetThucXuLy", r.minusDays(2));
          m.put("NgayTra", null);
          m.put("TrangThaiHoSo", 9);
          m.put("LoaiKetQua", null);
        });
    dossier(xlsx, QuarantineReason.ENDED_WITHOUT_END_DATE, "status 9, no NgayKetThucXuLy", m -> {
      m.put("TrangThaiHoSo", 9);
      m.put("NgayKetThucXuLy", null);
      m.put("NgayTra", null);
      m.put("LoaiKetQua", null);
    });
    duplicate(json);
    if (!ballots.isEmpty()) {
      ballot(ballots.get(0), QuarantineReason.UNKNOWN_CODE, "ThaiDo 5", m -> m.put("ThaiDo", 5));
      ballot(ballots.get(ballots.size() - 1), QuarantineReason.MISSING_FIELD, "no HaiLong",
          m -> m.put("HaiLong", null));
    }
  }

  private static PlannedExtract find(List<PlannedExtract> hoso, String format, boolean gzip,
      PlannedExtract fallback) {
    for (PlannedExtract e : hoso) {
      if (e.format().equals(format) && e.gzip() == gzip) {
        return e;
      }
    }
    return fallback;
  }

  /** A fresh key from a template key: the same prefix, sequence 99xx, used nowhere. */
  private String freshKey(String template) {
    String prefix = template.substring(0, template.lastIndexOf('-') + 1);
    String key;
    do {
      key = prefix + (nextSeq++);
    } while (usedKeys.contains(key));
    usedKeys.add(key);
    return key;
  }

  /** A good record of the file to copy: a handed-over dossier if any, else any accepted one. */
  private Map<String, Object> template(PlannedExtract e) {
    List<ExtractRow> rows = contents.get(e);
    for (int pass = 0; pass < 2; pass++) {
      for (ExtractRow r : rows) {
        if (r.fields() == null) {
          continue;
        }
        if (e.kind() == ExtractKind.DANHGIA
            || r.fields().get("NgayTiepNhan") instanceof LocalDateTime
            && (pass == 1 || Integer.valueOf(10).equals(r.fields().get("TrangThaiHoSo")))) {
          return new LinkedHashMap<>(r.fields());
        }
      }
    }
    throw new IllegalStateException("no record to copy in " + e.fileName());
  }

  /** Inserts rows into a file a third of the way down (spread when several); returns line. */
  private long insertRows(PlannedExtract e, List<ExtractRow> rows) {
    List<ExtractRow> all = contents.get(e);
    int already = insertedPerFile.merge(e, 1, Integer::sum) - 1;
    int at = Math.min(all.size(), all.size() / 3 + 7 * already);
    all.addAll(at, rows);
    boolean hasHeader = !e.format().startsWith("json");
    return at + (hasHeader ? 2 : 1);
  }

  private interface Breach {
    void apply(Map<String, Object> fields);
  }

  private void dossier(PlannedExtract e, QuarantineReason reason, String what, Breach breach) {
    Map<String, Object> m = template(e);
    String key = freshKey((String) m.get("MaHoSo"));
    m.put("MaHoSo", key);
    breach.apply(m);
    String recorded = m.get("MaHoSo") == null ? null : key;
    if (recorded == null) {
      m.put("TrichYeuHoSo", "Hồ sơ thiếu mã " + key); // findable, yet keyless
    }
    long line = insertRows(e, List.of(ExtractRow.of(m)));
    fixLines(e, line, 1);
    written.add(new BadRecord(e.fileName(), line, reason.code(), recorded, what));
  }

  private void ballot(PlannedExtract e, QuarantineReason reason, String what, Breach breach) {
    Map<String, Object> m = template(e);
    String key = freshKey((String) m.get("MaPhieu"));
    m.put("MaPhieu", key);
    m.put("MaHoSo", null);
    breach.apply(m);
    long line = insertRows(e, List.of(ExtractRow.of(m)));
    fixLines(e, line, 1);
    written.add(new BadRecord(e.fileName(), line, reason.code(), key, what));
  }

  private void duplicate(PlannedExtract e) {
    Map<String, Object> a = template(e);
    String key = freshKey((String) a.get("MaHoSo"));
    a.put("MaHoSo", key);
    Map<String, Object> b = new LinkedHashMap<>(a);
    b.put("HinhThuc", a.get("HinhThuc") instanceof Integer h && h == 1 ? 0 : 1);
    b.put("KenhThucHien", a.get("KenhThucHien") instanceof Integer k && k == 2 ? 1 : 2);
    long line = insertRows(e, List.of(ExtractRow.of(a), ExtractRow.of(b)));
    fixLines(e, line, 2);
    String what = "two differing records of one MaHoSo (HinhThuc, KenhThucHien)";
    written.add(new BadRecord(e.fileName(), line, QuarantineReason.CONFLICTING_DUPLICATE.code(),
        key, what));
    written.add(new BadRecord(e.fileName(), line + 1,
        QuarantineReason.CONFLICTING_DUPLICATE.code(), key, what));
  }

  private void undecodable(PlannedExtract e) {
    Map<String, Object> m = template(e);
    String key = freshKey((String) m.get("MaHoSo"));
    m.put("MaHoSo", key);
    m.put("ChuHoSo", "@@NAME@@");
    byte[] line = bytes(m);
    byte[] placeholder = "@@NAME@@".getBytes(StandardCharsets.US_ASCII);
    // "Nguy" + C3 28 + "n": C3 opens a two-byte sequence that 28 cannot continue
    byte[] bad = {'N', 'g', 'u', 'y', (byte) 0xC3, (byte) 0x28, 'n'};
    long at = insertRows(e, List.of(ExtractRow.raw(replace(line, placeholder, bad))));
    fixLines(e, at, 1);
    written.add(new BadRecord(e.fileName(), at, QuarantineReason.UNDECODABLE_TEXT.code(), key,
        "ChuHoSo holds the bytes C3 28, not UTF-8"));
  }

  private void malformed(PlannedExtract e) {
    Map<String, Object> m = template(e);
    String key = freshKey((String) m.get("MaHoSo"));
    m.put("MaHoSo", key);
    String text = new String(bytes(m), StandardCharsets.UTF_8);
    String cut = text.substring(0, text.indexOf("\"TenTTHC\"") + 15); // ends inside a string
    long at = insertRows(e, List.of(ExtractRow.raw(cut.getBytes(StandardCharsets.UTF_8))));
    fixLines(e, at, 1);
    written.add(new BadRecord(e.fileName(), at, QuarantineReason.MALFORMED_RECORD.code(), key,
        "a JSON object cut off in the middle of a string"));
  }

  /** Records inserted earlier in the same file at or after {@code line} move down. */
  private void fixLines(PlannedExtract e, long line, int added) {
    for (int i = 0; i < written.size(); i++) {
      BadRecord b = written.get(i);
      if (b.fileName().equals(e.fileName()) && b.line() >= line) {
        written.set(i, new BadRecord(b.fileName(), b.line() + added, b.reason(), b.key(),
            b.description()));
      }
    }
  }

  private static byte[] bytes(Map<String, Object> m) {
    try {
      return JsonLinesExtractWriter.line(m);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static byte[] replace(byte[] in, byte[] what, byte[] with) {
    String s = new String(in, StandardCharsets.ISO_8859_1);
    int i = s.indexOf(new String(what, StandardCharsets.ISO_8859_1));
    byte[] out = new byte[in.length - what.length + with.length];
    System.arraycopy(in, 0, out, 0, i);
    System.arraycopy(with, 0, out, i, with.length);
    System.arraycopy(in, i + what.length, out, i + with.length, in.length - i - what.length);
    return out;
  }
}
