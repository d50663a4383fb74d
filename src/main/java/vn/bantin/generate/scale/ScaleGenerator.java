package vn.bantin.generate.scale;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The streaming generator behind {@code bantin generate --scale}: month by month, it decides each
 * new dossier's whole lifecycle up front, keeps only unfinished dossiers in memory and writes
 * every dossier that had an event since the previous monthly extract in its state as of the
 * extract. Dates are held as {@code yyyyMMddHHmmss} longs (they order numerically). One
 * {@link SplittableRandom} seeded from the seed drives every choice; no wall clock, no hash
 * iteration: the same options give the same bytes.
 */
public final class ScaleGenerator {

  /** Options of one run. */
  public record Options(Path out, long seed, long dossiers, YearMonth from, YearMonth to,
      boolean gzip, boolean dump) {}

  /** One written file. */
  public record Written(String name, long records, long bytes) {}

  /** The outcome of one run. */
  public record Result(List<Written> files, long dossiers, long ballots, int[] planted,
      double seconds) {
    public long records() {
      return files.stream().mapToLong(Written::records).sum();
    }

    public long bytes() {
      return files.stream().mapToLong(Written::bytes).sum();
    }
  }

  public static final YearMonth FIRST = YearMonth.of(2016, 1);
  public static final YearMonth LAST = YearMonth.of(2026, 12);

  static final String CENTRE = "000.00.54.H54";
  static final String[] PUBLISHERS = {CENTRE, "000.00.01.H54", "000.00.02.H54"};
  static final String PROVINCE = "000.00.00.H54";
  static final String[] DEPARTMENT_NAMES = {"Sở Tư pháp", "Sở Xây dựng", "Sở Kế hoạch và Đầu tư",
      "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "Sở Công Thương", "Sở Y tế",
      "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội",
      "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài chính", "Sở Nội vụ",
      "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
      "Sở Thông tin và Truyền thông", "Ban Quản lý các khu công nghiệp"};
  static final int[] TET_MONTH = {2, 1, 2, 2, 1, 2, 2, 1, 2, 1, 2}; // 2016..2026
  static final double[] SEASON = {1.05, 1.0, 1.05, 1.0, 1.0, 1.0, 0.95, 1.0, 1.0, 1.05, 1.05,
      1.1};
  static final String[] VERBS = {"Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Đăng ký",
      "Thẩm định", "Xác nhận", "Công nhận", "Phê duyệt", "Cấp đổi"};
  static final String[] OBJECTS = {"giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề",
      "hồ sơ", "quyết định", "văn bản chấp thuận", "giấy xác nhận", "thông báo",
      "bản sao", "phương án", "dự án", "kế hoạch"};
  static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng",
      "Bùi", "Đỗ", "Ngô"};
  static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Quang", "Thanh"};
  static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh",
      "Hoa", "Hương", "Lan", "Long", "Nam", "Phương", "Sơn", "Trang", "Tuấn", "Yến"};
  static final String[] PLACES = {"thành phố Thái Bình", "huyện Vũ Thư", "huyện Kiến Xương",
      "huyện Tiền Hải", "huyện Thái Thụy", "huyện Quỳnh Phụ", "huyện Hưng Hà",
      "huyện Đông Hưng"};
  static final int PROCEDURES = 190;
  /** Planted reasons, in the manifest's order. */
  static final String[] PLANTED = {"bad_date", "unknown_code", "missing_key",
      "accepted_after_ended", "malformed_record", "conflicting_duplicate"};
  static final int PLANT_EVERY = 250_000;

  private final Options o;
  private final SplittableRandom rnd;
  private final String[] procCode = new String[PROCEDURES];
  private final String[] procName = new String[PROCEDURES];
  private final int[] procDept = new int[PROCEDURES];
  private final String[] procSector = new String[PROCEDURES];
  private final String[] procSectorName = new String[PROCEDURES];
  private final boolean[] procOnSpot = new boolean[PROCEDURES];
  private final String[] procLevelOld = new String[PROCEDURES];
  private final String[] procLevelNew = new String[PROCEDURES];
  private final double[] procCum = new double[PROCEDURES];
  private final List<Written> files = new ArrayList<>();
  private final int[] planted = new int[PLANTED.length];
  private int plantedSeq;
  private long hosoRecords;
  private int plantCycle;
  private long ballotSeq;
  private long ballots;
  private long dossierCount;
  private final StringBuilder sb = new StringBuilder(2048);

  private ScaleGenerator(Options o) {
    this.o = o;
    this.rnd = new SplittableRandom(o.seed());
    buildCatalogue();
  }

  /** Runs the generator; the directory is created if absent. */
  public static Result generate(Options o) throws IOException {
    long t0 = System.nanoTime();
    ScaleGenerator g = new ScaleGenerator(o);
    Files.createDirectories(o.out());
    g.run();
    double secs = (System.nanoTime() - t0) / 1e9;
    Result r = new Result(List.copyOf(g.files), g.dossierCount, g.ballots, g.planted.clone(),
        secs);
    g.writeManifest(r);
    return r;
  }

  // ---------------------------------------------------------------- catalogue and agencies

  private static String dept(int i) {
    return String.format("000.00.%02d.H54", 10 + i);
  }

  private void buildCatalogue() {
    double sum = 0;
    for (int i = 0; i < PROCEDURES; i++) {
      procCode[i] = "1.00" + (1000 + i * 47);
      procDept[i] = i % DEPARTMENT_NAMES.length;
      int sector = (i / DEPARTMENT_NAMES.length) % 3;
      procSector[i] = "LV" + String.format("%02d", 10 + procDept[i]) + sector;
      procSectorName[i] = "Lĩnh vực " + (sector + 1) + " - "
          + DEPARTMENT_NAMES[procDept[i]].replaceFirst("^(Sở|Ban) ", "");
      procName[i] = VERBS[i % VERBS.length] + " " + OBJECTS[(i / VERBS.length) % OBJECTS.length]
          + " (" + DEPARTMENT_NAMES[procDept[i]] + ", mã " + (i + 1) + ")";
      procOnSpot[i] = i % 9 == 4 && i < 180; // 20 procedures
      int lvl = rnd.nextInt(10);
      procLevelOld[i] = lvl < 3 ? "2" : lvl < 7 ? "3" : "4";
      procLevelNew[i] = lvl < 6 ? "MOT_PHAN" : "TOAN_TRINH";
    }
    // Zipf-like weights over a shuffled rank order
    int[] rank = new int[PROCEDURES];
    for (int i = 0; i < PROCEDURES; i++) {
      rank[i] = i;
    }
    for (int i = PROCEDURES - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = rank[i];
      rank[i] = rank[j];
      rank[j] = t;
    }
    for (int i = 0; i < PROCEDURES; i++) {
      sum += 1.0 / Math.pow(rank[i] + 1, 1.0);
      procCum[i] = sum;
    }
    for (int i = 0; i < PROCEDURES; i++) {
      procCum[i] /= sum;
    }
  }

  private int pickProcedure() {
    double u = rnd.nextDouble();
    int lo = 0;
    int hi = PROCEDURES - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (procCum[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void writeCatalogue(LocalDate at, boolean withNew) throws IOException {
    try (Out w = open("thutuc_" + ymd(at) + ".jsonl")) {
      for (int i = 0; i < PROCEDURES; i++) {
        catalogueLine(w, i, procLevelOld[i], "20150101", withNew ? "20220630" : "");
        if (withNew) {
          catalogueLine(w, i, procLevelNew[i], "20220701", "");
        }
      }
    }
  }

  private void catalogueLine(Out w, int i, String level, String from, String to)
      throws IOException {
    sb.setLength(0);
    sb.append('{');
    str("MaTTHC", procCode[i]).append(',');
    str("TenTTHC", procName[i]).append(',');
    str("MaLinhVuc", procSector[i]).append(',');
    str("TenLinhVuc", procSectorName[i]).append(',');
    str("MaDonVi", dept(procDept[i])).append(',');
    str("MucDo", level).append(',');
    sb.append("\"NamTaiCho\":").append(procOnSpot[i] ? 1 : 0).append(',');
    str("HieuLucTu", from).append(',');
    str("HieuLucDen", to).append('}');
    w.line(sb);
  }

  private void writeAgencies(LocalDate at) throws IOException {
    try (Out w = open("donvi_" + ymd(at) + ".jsonl")) {
      agency(w, PROVINCE, "Ủy ban nhân dân tỉnh Thái Bình", 1, "");
      agency(w, CENTRE, "Trung tâm Phục vụ hành chính công tỉnh Thái Bình", 1, PROVINCE);
      for (int i = 0; i < DEPARTMENT_NAMES.length; i++) {
        agency(w, dept(i), DEPARTMENT_NAMES[i], 1, PROVINCE);
      }
      agency(w, PUBLISHERS[1], "Ủy ban nhân dân thành phố Thái Bình", 2, PROVINCE);
      agency(w, PUBLISHERS[2], "Ủy ban nhân dân huyện Vũ Thư", 2, PROVINCE);
    }
  }

  private void agency(Out w, String code, String name, int level, String parent)
      throws IOException {
    sb.setLength(0);
    sb.append('{');
    str("MaDonVi", code).append(',');
    str("TenDonVi", name).append(',');
    sb.append("\"CapDonVi\":").append(level).append(',');
    str("MaDonViCha", parent).append(',');
    str("HieuLucTu", "20150101").append(',');
    str("HieuLucDen", "").append('}');
    w.line(sb);
  }

  // ---------------------------------------------------------------- the month loop

  private void run() throws IOException {
    LocalDate start = o.from().atDay(1);
    LocalDate newVersions = LocalDate.of(2022, 7, 1);
    boolean newInRange = !newVersions.isBefore(start) && !newVersions.isAfter(o.to().atEndOfMonth());
    LocalDate endDay = o.to().plusMonths(1).atDay(1);
    if (!o.dump()) {
      writeAgencies(start);
      writeCatalogue(start, !start.isBefore(newVersions));
    }
    // monthly volumes
    int months = (int) (o.to().getYear() * 12L + o.to().getMonthValue()
        - o.from().getYear() * 12L - o.from().getMonthValue()) + 1;
    double[] w = new double[months];
    double sum = 0;
    for (int m = 0; m < months; m++) {
      YearMonth ym = o.from().plusMonths(m);
      double v = SEASON[ym.getMonthValue() - 1] * Math.pow(1.06, ym.getYear() - 2016
          + (ym.getMonthValue() - 1) / 12.0);
      if (TET_MONTH[ym.getYear() - 2016] == ym.getMonthValue()) {
        v *= 0.6;
      }
      w[m] = v;
      sum += v;
    }
    long[] counts = new long[months];
    double acc = 0;
    long given = 0;
    for (int m = 0; m < months; m++) {
      acc += w[m] / sum * o.dossiers();
      counts[m] = Math.round(acc) - given;
      given += counts[m];
    }

    List<D> active = new ArrayList<>();
    Out dumpHoso = null;
    Out dumpBallots = null;
    long dumpAt = ymdhms(endDay.atTime(1, 30));
    if (o.dump()) {
      dumpHoso = open("hoso_" + ymd(endDay) + "013000.jsonl");
      dumpBallots = open("danhgia_" + ymd(endDay) + "013000.jsonl");
    }
    long prev = 0;
    for (int m = 0; m < months; m++) {
      YearMonth ym = o.from().plusMonths(m);
      LocalDate extractDay = ym.plusMonths(1).atDay(1);
      long at = ymdhms(extractDay.atTime(1, 30));
      List<D> fresh = newDossiers(ym, (int) counts[m]);
      dossierCount += fresh.size();
      active.addAll(fresh);
      Out hoso = dumpHoso;
      Out ballotOut = dumpBallots;
      if (!o.dump()) {
        if (newInRange && extractDay.isAfter(newVersions) && !ym.atDay(1).isAfter(newVersions)
            && !start.equals(newVersions)) {
          writeCatalogue(newVersions, true);
        }
        hoso = open("hoso_" + ymd(extractDay) + "013000.jsonl");
        ballotOut = open("danhgia_" + ymd(extractDay) + "013000.jsonl");
      }
      long written = 0;
      List<D> keep = new ArrayList<>(active.size());
      for (D d : active) {
        if (!o.dump() && d.hasEventIn(prev, at)) {
          hoso.line(dossierLine(d, at));
          written++;
        }
        if (d.ballot > 0 && d.handover > prev && d.handover <= at) {
          ballotOut.line(ballotLine(d));
          ballots++;
        }
        if (d.last() <= at) {
          if (o.dump()) {
            hoso.line(dossierLine(d, dumpAt));
            written++;
          }
        } else {
          keep.add(d);
        }
      }
      active = keep;
      if (!o.dump()) {
        plant(hoso, written, m == 0, extractDay);
        hoso.close();
        ballotOut.close();
      }
      prev = at;
    }
    if (o.dump()) {
      long written = 0;
      for (D d : active) {
        dumpHoso.line(dossierLine(d, dumpAt));
        written++;
      }
      plant(dumpHoso, dossierCount, true, endDay);
      dumpHoso.close();
      dumpBallots.close();
      writeAgencies(endDay);
      writeCatalogue(endDay, newInRange || !start.isBefore(newVersions));
    }
  }

  /** One month's new dossiers, ids assigned in submission order. */
  private List<D> newDossiers(YearMonth ym, int n) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    // how many per day, then per day in time order
    int[] perDay = new int[days.size()];
    for (int i = 0; i < n; i++) {
      perDay[rnd.nextInt(days.size())]++;
    }
    double online = Math.min(0.65, 0.10 + (ym.getYear() - 2016 + (ym.getMonthValue() - 1) / 12.0)
        * 0.0556);
    List<D> out = new ArrayList<>(n);
    for (int di = 0; di < days.size(); di++) {
      LocalDate day = days.get(di);
      int k = perDay[di];
      int[] minutes = new int[k];
      for (int i = 0; i < k; i++) {
        minutes[i] = 7 * 60 + 30 + rnd.nextInt(9 * 60 + 30) ;
      }
      java.util.Arrays.sort(minutes);
      int[] seq = new int[PUBLISHERS.length];
      String yymmdd = ymd(day).substring(2);
      for (int i = 0; i < k; i++) {
        D d = new D();
        double u = rnd.nextDouble();
        d.pub = (byte) (u < 0.85 ? 0 : u < 0.925 ? 1 : 2);
        int s = ++seq[d.pub];
        d.id = PUBLISHERS[d.pub] + "-" + yymmdd + "-" + (s > 9999 ? String.format("%05d", s)
            : String.format("%04d", s));
        LocalDateTime submitted = day.atTime(minutes[i] / 60, minutes[i] % 60,
            rnd.nextInt(60));
        lifecycle(d, submitted, online);
        out.add(d);
      }
    }
    return out;
  }

  private void lifecycle(D d, LocalDateTime submitted, double online) {
    d.proc = (short) pickProcedure();
    d.localForm = rnd.nextDouble() < 0.05;
    double c = rnd.nextDouble();
    d.channel = (byte) (c < online ? 2 : c < online + 0.03 ? 3 : 1);
    d.post = rnd.nextDouble() < 0.05;
    d.person = rnd.nextLong();
    d.submit = ymdhms(submitted);
    double fate = rnd.nextDouble();
    if (fate < 0.01) { // never accepted
      if (rnd.nextBoolean()) {
        d.refuse = ymdhms(work(submitted.plusHours(1 + rnd.nextInt(30))));
      }
      return;
    }
    LocalDateTime accepted = rnd.nextInt(3) == 0 ? work(submitted.plusDays(1))
        : work(submitted.plusMinutes(5 + rnd.nextInt(120)));
    d.accept = ymdhms(accepted);
    LocalDateTime due = work(accepted.plusDays(5 + rnd.nextInt(11)));
    d.due = ymdhms(due);
    long spanMin = java.time.Duration.between(accepted, due).toMinutes();
    LocalDateTime end;
    double timing = rnd.nextDouble();
    if (fate < 0.04) { // still open for months
      end = work(due.plusDays(60 + rnd.nextInt(180)));
    } else if (timing < 0.75) {
      end = work(accepted.plusMinutes((long) (spanMin * (0.1 + 0.85 * rnd.nextDouble()))));
      if (end.isAfter(due)) {
        end = due.minusMinutes(30);
      }
    } else if (timing < 0.95) {
      end = due.minusMinutes(1 + rnd.nextInt(300));
      if (end.toLocalDate().isBefore(due.toLocalDate())) {
        end = due.toLocalDate().atTime(7, 30);
      }
    } else {
      end = work(due.plusDays(1 + rnd.nextInt(20)));
    }
    if (!end.isAfter(accepted)) {
      end = accepted.plusMinutes(10);
    }
    // supplements, each requested before the end; the pause moves due and end
    if (rnd.nextDouble() < 0.08) {
      int k = 1 + (rnd.nextDouble() < 0.25 ? 1 : 0);
      d.supReq = new long[k];
      d.supRecv = new long[k];
      d.supDueBefore = new long[k];
      d.supDueAfter = new long[k];
      LocalDateTime from = accepted;
      LocalDateTime curDue = due;
      for (int i = 0; i < k; i++) {
        long gap = Math.max(1, java.time.Duration.between(from, end).toMinutes());
        LocalDateTime req = work(from.plusMinutes(1 + (long) (gap * 0.5 * rnd.nextDouble())));
        LocalDateTime recv = work(req.plusDays(2 + rnd.nextInt(9)));
        java.time.Duration pause = java.time.Duration.between(req, recv);
        LocalDateTime newDue = curDue.plus(pause);
        end = end.plus(pause);
        if (!end.isAfter(recv)) {
          end = work(recv.plusHours(2));
        }
        d.supReq[i] = ymdhms(req);
        d.supRecv[i] = ymdhms(recv);
        d.supDueBefore[i] = ymdhms(curDue);
        d.supDueAfter[i] = ymdhms(newDue);
        curDue = newDue;
        from = recv;
      }
    }
    d.end = ymdhms(end);
    if (fate >= 0.04 && fate < 0.05) { // withdrawn
      d.outcome = (byte) (rnd.nextBoolean() ? 2 : 3);
    } else if (fate >= 0.05 && fate < 0.07) { // returned
      d.outcome = 1;
      d.handover = d.end;
    } else {
      if (rnd.nextDouble() < 0.9) {
        d.handover = ymdhms(work(end.plusMinutes(rnd.nextInt(3 * 24 * 60))));
        if (rnd.nextDouble() < 0.03) {
          d.ballot = ++ballotSeq;
        }
      }
    }
  }

  /** The next working-hours moment at or after t (Mon–Fri 07:30–17:00). */
  static LocalDateTime work(LocalDateTime t) {
    int min = t.getHour() * 60 + t.getMinute();
    if (min < 450) {
      t = t.toLocalDate().atTime(7, 30, t.getSecond());
    } else if (min >= 1020) {
      t = t.toLocalDate().plusDays(1).atTime(7, 30, t.getSecond());
    }
    while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
      t = t.toLocalDate().plusDays(1).atTime(7, 30, t.getSecond());
    }
    return t;
  }

  // ---------------------------------------------------------------- records

  /** A dossier's decided lifecycle; dates as yyyyMMddHHmmss longs, 0 = none. */
  static final class D {
    String id;
    byte pub;
    short proc;
    byte channel;
    boolean post;
    boolean localForm;
    long person;
    long submit;
    long accept;
    long refuse;
    long due;
    long end;
    long handover;
    /** 0 normal, 1 TRA_LAI, 2 withdrawn status 7, 3 XIN_RUT. */
    byte outcome;
    long ballot;
    long[] supReq;
    long[] supRecv;
    long[] supDueBefore;
    long[] supDueAfter;

    long last() {
      if (accept == 0) {
        return Math.max(submit, refuse);
      }
      if (end == 0) {
        return Long.MAX_VALUE;
      }
      return Math.max(end, handover);
    }

    boolean hasEventIn(long lo, long hi) {
      if (in(submit, lo, hi) || in(accept, lo, hi) || in(refuse, lo, hi) || in(end, lo, hi)
          || in(handover, lo, hi)) {
        return true;
      }
      if (supReq != null) {
        for (int i = 0; i < supReq.length; i++) {
          if (in(supReq[i], lo, hi) || in(supRecv[i], lo, hi)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean in(long t, long lo, long hi) {
      return t > lo && t <= hi;
    }
  }

  private StringBuilder dossierLine(D d, long at) {
    sb.setLength(0);
    sb.append('{');
    str("MaHoSo", d.id).append(',');
    str("MaTTHC", d.localForm ? procCode[d.proc] + ".000.00.00.H54" : procCode[d.proc])
        .append(',');
    str("TenTTHC", procName[d.proc]).append(',');
    str("MaLinhVuc", procSector[d.proc]).append(',');
    str("TenLinhVuc", procSectorName[d.proc]).append(',');
    str("MaDonVi", dept(procDept[d.proc])).append(',');
    str("MaNoiTiepNhan", PUBLISHERS[d.pub]).append(',');
    sb.append("\"KenhThucHien\":").append(d.channel).append(',');
    date("NgayNopHoSo", d.submit, at);
    boolean accepted = d.accept != 0 && d.accept <= at;
    date("NgayTiepNhan", accepted ? d.accept : 0, at);
    long due = 0;
    int status;
    boolean ended = accepted && d.end <= at;
    boolean handed = ended && d.handover != 0 && d.handover <= at;
    boolean awaiting = false;
    if (accepted) {
      due = d.due;
      if (d.supReq != null) {
        for (int i = 0; i < d.supReq.length; i++) {
          if (d.supRecv[i] <= at) {
            due = d.supDueAfter[i];
          } else if (d.supReq[i] <= at) {
            awaiting = true;
          }
        }
      }
    }
    date("NgayHenTra", due, at);
    date("NgayKetThucXuLy", ended ? d.end : 0, at);
    date("NgayTra", handed ? d.handover : 0, at);
    boolean refused = d.refuse != 0 && d.refuse <= at;
    date("NgayTuChoi", refused ? d.refuse : 0, at);
    String resultType = "";
    if (!accepted) {
      status = refused ? 3 : 1;
    } else if (ended) {
      status = switch (d.outcome) {
        case 1 -> 10;
        case 2, 3 -> 7;
        default -> handed ? 10 : 9;
      };
      resultType = d.outcome == 1 ? "TRA_LAI" : d.outcome == 3 ? "XIN_RUT" : "";
    } else {
      status = awaiting ? 5 : 4;
    }
    sb.append("\"TrangThaiHoSo\":").append(status).append(',');
    str("LoaiKetQua", resultType).append(',');
    sb.append("\"HinhThuc\":").append(d.post ? 1 : 0).append(',');
    if (accepted && d.supReq != null && d.supReq[0] <= at) {
      sb.append("\"DanhSachHoSoBoSung\":[");
      for (int i = 0; i < d.supReq.length && d.supReq[i] <= at; i++) {
        if (i > 0) {
          sb.append(',');
        }
        boolean got = d.supRecv[i] <= at;
        sb.append('{');
        str("NgayBoSung", Long.toString(d.supReq[i])).append(',');
        str("NgayTiepNhanBoSung", got ? Long.toString(d.supRecv[i]) : "").append(',');
        str("NgayHenTraTruoc", Long.toString(d.supDueBefore[i])).append(',');
        str("NgayHenTraMoi", got ? Long.toString(d.supDueAfter[i]) : "").append('}');
      }
      sb.append("],");
    }
    person(d.person);
    sb.append('}');
    return sb;
  }

  private void person(long seed) {
    SplittableRandom p = new SplittableRandom(seed);
    String name = SURNAMES[p.nextInt(SURNAMES.length)] + " " + MIDDLE[p.nextInt(MIDDLE.length)]
        + " " + GIVEN[p.nextInt(GIVEN.length)];
    str("ChuHoSo", name).append(',');
    sb.append("\"SoGiayToChuHoSo\":\"0").append(34 + p.nextInt(3));
    pad(p.nextInt(1_000_000_000), 9);
    sb.append("\",\"SoDienThoai\":\"09");
    pad(p.nextInt(100_000_000), 8);
    sb.append("\",");
    str("DiaChi", "Số " + (1 + p.nextInt(200)) + ", " + PLACES[p.nextInt(PLACES.length)]
        + ", tỉnh Thái Bình");
  }

  private void pad(int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  private StringBuilder ballotLine(D d) {
    sb.setLength(0);
    SplittableRandom p = new SplittableRandom(d.person ^ 0x5DEECE66DL);
    sb.append('{');
    str("MaPhieu", "PDG-" + Long.toString(d.handover).substring(2, 8) + "-" + d.ballot)
        .append(',');
    str("NgayDanhGia", Long.toString(d.handover)).append(',');
    str("MaNoiTiepNhan", PUBLISHERS[d.pub]).append(',');
    str("MaHoSo", d.id).append(',');
    sb.append("\"ThaiDo\":").append(answer(p)).append(',');
    sb.append("\"HaiLong\":").append(answer(p)).append('}');
    return sb;
  }

  private static int answer(SplittableRandom p) {
    double u = p.nextDouble();
    return u < 0.85 ? 1 : u < 0.96 ? 2 : u < 0.99 ? 3 : 4;
  }

  // ---------------------------------------------------------------- planted bad records

  /**
   * Appends the planted records of one hoso extract: one per {@value #PLANT_EVERY} real hoso records
   * (reasons in turn), and one of each reason in the first.
   */
  private void plant(Out w, long records, boolean first, LocalDate extractDay) throws IOException {
    List<Integer> kinds = new ArrayList<>();
    if (first) {
      for (int k = 0; k < PLANTED.length; k++) {
        kinds.add(k);
      }
    }
    long extra = (hosoRecords + records) / PLANT_EVERY - hosoRecords / PLANT_EVERY;
    hosoRecords += records;
    for (long i = 0; i < extra; i++) {
      kinds.add(plantCycle++ % PLANTED.length);
    }
    String day = ymd(extractDay.minusDays(3));
    for (int k : kinds) {
      String id = CENTRE + "-X" + day.substring(2) + "-" + (++plantedSeq + 100000);
      String base = "{\"MaHoSo\":\"" + id + "\",\"MaTTHC\":\"" + procCode[0]
          + "\",\"MaNoiTiepNhan\":\"" + CENTRE + "\",\"KenhThucHien\":1,";
      String line = switch (k) {
        case 0 -> base + "\"NgayNopHoSo\":\"2021-13-45\",\"TrangThaiHoSo\":1}";
        case 1 -> base + "\"NgayNopHoSo\":\"" + day + "090000\",\"TrangThaiHoSo\":11}";
        case 2 -> base.replace(id, "") + "\"NgayNopHoSo\":\"" + day + "090000\",\"TrangThaiHoSo\":1}";
        case 3 -> base + "\"NgayNopHoSo\":\"" + day + "090000\",\"NgayTiepNhan\":\"" + day
            + "150000\",\"NgayKetThucXuLy\":\"" + day + "100000\",\"TrangThaiHoSo\":9}";
        case 4 -> "{\"MaHoSo\": ";
        default -> base + "\"NgayNopHoSo\":\"" + day + "090000\",\"TrangThaiHoSo\":1}\n"
            + base + "\"NgayNopHoSo\":\"" + day + "090000\",\"NgayTiepNhan\":\"" + day
            + "100000\",\"TrangThaiHoSo\":4}";
      };
      sb.setLength(0);
      sb.append(line);
      w.line(sb);
      if (k == 5) {
        w.records++; // two lines
      }
      planted[k] += k == 5 ? 2 : 1;
    }
  }

  // ---------------------------------------------------------------- output

  private StringBuilder str(String key, String value) {
    sb.append('"').append(key).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.append('"');
  }

  private void date(String key, long v, long at) {
    str(key, v == 0 ? "" : Long.toString(v)).append(',');
  }

  static long ymdhms(LocalDateTime t) {
    return t.getYear() * 10_000_000_000L + t.getMonthValue() * 100_000_000L
        + t.getDayOfMonth() * 1_000_000L + t.getHour() * 10_000L + t.getMinute() * 100L
        + t.getSecond();
  }

  static String ymd(LocalDate d) {
    return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private Out open(String name) throws IOException {
    String n = o.gzip() ? name + ".gz" : name;
    return new Out(n, o.out().resolve(n), o.gzip());
  }

  /** One output file: UTF-8 lines through a big buffer; counts lines and stored bytes. */
  final class Out implements AutoCloseable {
    final String name;
    final Path path;
    final OutputStream os;
    long records;

    Out(String name, Path path, boolean gzip) throws IOException {
      this.name = name;
      this.path = path;
      OutputStream f = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
      this.os = gzip ? new BufferedOutputStream(new GZIPOutputStream(f, 1 << 16), 1 << 20) : f;
    }

    void line(CharSequence s) throws IOException {
      sb.append('\n');
      os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      records++;
    }

    @Override
    public void close() throws IOException {
      os.close();
      files.add(new Written(name, records, Files.size(path)));
    }
  }

  private void writeManifest(Result r) throws IOException {
    StringBuilder m = new StringBuilder();
    m.append("{\n  \"options\": {\"dossiers\": ").append(o.dossiers())
        .append(", \"from\": \"").append(o.from()).append("\", \"to\": \"").append(o.to())
        .append("\", \"gzip\": ").append(o.gzip()).append(", \"dump\": ").append(o.dump())
        .append("},\n  \"seed\": ").append(o.seed()).append(",\n  \"dossiers\": ")
        .append(r.dossiers()).append(",\n  \"ballots\": ").append(r.ballots())
        .append(",\n  \"files\": [");
    for (int i = 0; i < r.files().size(); i++) {
      Written w = r.files().get(i);
      m.append(i == 0 ? "\n" : ",\n").append("    {\"name\": \"").append(w.name())
          .append("\", \"records\": ").append(w.records()).append(", \"bytes\": ")
          .append(w.bytes()).append('}');
    }
    m.append("\n  ],\n  \"planted\": {");
    for (int k = 0; k < PLANTED.length; k++) {
      m.append(k == 0 ? "" : ", ").append('"').append(PLANTED[k]).append("\": ")
          .append(r.planted()[k]);
    }
    m.append("}\n}\n");
    Files.writeString(o.out().resolve(".generate.json"), m.toString(), StandardCharsets.UTF_8);
  }
}
