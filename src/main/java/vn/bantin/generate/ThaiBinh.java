package vn.bantin.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The modelled province: the provincial People's Committee, the centre, fifteen departments (and
 * the one that the 2025 merger created), a district desk, and the procedure table. Names are the
 * real ones; codes follow the real {@code 000.00.xx.H54} form but are not claimed to be the real
 * ones; procedure codes follow the national {@code 1.00xxxx} form.
 */
final class ThaiBinh {

  static final String PROVINCE_CODE = "000.00.00.H54";
  static final String CENTRE_CODE = "000.00.54.H54";
  static final String CENTRE_NAME = "Trung tâm Phục vụ hành chính công tỉnh Thái Bình";
  /** A district one-stop desk: a few ballots are filled in there (not the centre's). */
  static final String DISTRICT_CODE = "000.00.31.H54";
  /** The 2025 reorganisation: several departments merge into others on this day. */
  static final LocalDate MERGER = LocalDate.of(2025, 3, 1);
  private static final LocalDate AGENCIES_START = LocalDate.of(2015, 1, 1);

  private ThaiBinh() {}

  static String dept(int n) {
    return String.format("000.00.%02d.H54", n);
  }

  private static final String[] DEPARTMENTS = {
      null,
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Sở Kế hoạch và Đầu tư",
      "Sở Tài chính",
      "Sở Công Thương",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Sở Giao thông vận tải",
      "Sở Xây dựng",
      "Sở Tài nguyên và Môi trường",
      "Sở Thông tin và Truyền thông",
      "Sở Lao động - Thương binh và Xã hội",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Khoa học và Công nghệ",
      "Sở Giáo dục và Đào tạo",
      "Sở Y tế",
      "Sở Nông nghiệp và Môi trường"};

  /** Department n merges into MERGED_INTO[n] on {@link #MERGER} (0 = unchanged). */
  private static final Map<Integer, Integer> MERGED_INTO = Map.of(
      3, 4, 7, 8, 6, 16, 9, 16, 10, 13, 11, 1);

  /** The department that resolves a procedure of {@code code} on {@code d}. */
  static String departmentOn(String code, LocalDate d) {
    int n = Integer.parseInt(code.substring(7, 9));
    if (!d.isBefore(MERGER) && MERGED_INTO.containsKey(n)) {
      return dept(MERGED_INTO.get(n));
    }
    return code;
  }

  /** The agencies as a {@code donvi} extract taken at {@code t} lists them. */
  static List<Agency> agencies(String centreCode, String centreName, LocalDateTime t) {
    LocalDate day = t.toLocalDate();
    List<Agency> out = new ArrayList<>();
    out.add(new Agency(PROVINCE_CODE, "Ủy ban nhân dân tỉnh Thái Bình", 1, null,
        AGENCIES_START, null));
    out.add(new Agency(centreCode, centreName, 1, PROVINCE_CODE, AGENCIES_START, null));
    for (int n = 1; n <= 15; n++) {
      LocalDate to = MERGED_INTO.containsKey(n) && !MERGER.isAfter(day)
          ? MERGER.minusDays(1) : null;
      out.add(new Agency(dept(n), DEPARTMENTS[n], 1, PROVINCE_CODE, AGENCIES_START, to));
    }
    if (!MERGER.isAfter(day)) {
      out.add(new Agency(dept(16), DEPARTMENTS[16], 1, PROVINCE_CODE, MERGER, null));
    }
    out.add(new Agency(DISTRICT_CODE, "Ủy ban nhân dân huyện Vũ Thư", 2, PROVINCE_CODE,
        AGENCIES_START, null));
    return out;
  }

  private static Procedure p(int dept, String sector, String sectorName, String code,
      String name, int days, int level, int five, int weight) {
    return new Procedure(code, name, sector, sectorName, dept(dept), days, level, five == 1,
        weight);
  }

  /** The procedure table: department, sector, code, name, deadline, level, 5 tại chỗ, weight. */
  static List<Procedure> procedures() {
    return List.of(
        p(1, "G09-NV01", "Tổ chức phi chính phủ", "1.003822",
            "Công nhận ban vận động thành lập hội", 30, 2, 1, 1),
        p(1, "G09-NV02", "Thi đua, khen thưởng", "1.000775",
            "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 20, 2, 0, 4),
        p(1, "G09-NV03", "Tôn giáo", "1.001028",
            "Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc", 20, 2, 1, 1),
        p(2, "G12-TP01", "Lý lịch tư pháp", "2.001023",
            "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú"
                + " tại Việt Nam", 10, 2, 1, 90),
        p(2, "G12-TP01", "Lý lịch tư pháp", "2.001024",
            "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", 10, 2, 1, 6),
        p(2, "G12-TP02", "Công chứng", "1.001071",
            "Đăng ký hành nghề và cấp Thẻ công chứng viên", 10, 3, 1, 3),
        p(2, "G12-TP02", "Công chứng", "1.001125", "Thành lập Văn phòng công chứng", 20, 2, 1, 1),
        p(2, "G12-TP03", "Hộ tịch", "1.001766", "Cấp bản sao trích lục hộ tịch", 1, 3, 1, 10),
        p(2, "G12-TP04", "Luật sư", "1.002079",
            "Đăng ký hoạt động của tổ chức hành nghề luật sư", 10, 2, 1, 1),
        p(3, "G05-KH01", "Thành lập và hoạt động doanh nghiệp", "2.001610",
            "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", 3, 4, 1, 45),
        p(3, "G05-KH01", "Thành lập và hoạt động doanh nghiệp", "2.001199",
            "Đăng ký thành lập công ty cổ phần", 3, 4, 1, 20),
        p(3, "G05-KH01", "Thành lập và hoạt động doanh nghiệp", "2.002039",
            "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", 3, 3, 1, 70),
        p(3, "G05-KH01", "Thành lập và hoạt động doanh nghiệp", "2.001957",
            "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo",
            3, 4, 1, 25),
        p(3, "G05-KH01", "Thành lập và hoạt động doanh nghiệp", "1.005225",
            "Giải thể doanh nghiệp", 5, 3, 1, 12),
        p(3, "G05-KH02", "Đầu tư tại Việt Nam", "1.009645",
            "Quyết định chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh", 35, 2, 0, 2),
        p(4, "G06-TC01", "Quản lý công sản", "1.005428",
            "Quyết định giao tài sản công cho cơ quan, tổ chức, đơn vị", 15, 2, 0, 1),
        p(4, "G06-TC02", "Tin học và thống kê tài chính", "1.005434",
            "Đăng ký mã số đơn vị có quan hệ với ngân sách", 2, 4, 1, 12),
        p(5, "G07-CT01", "Lưu thông hàng hóa trong nước", "2.000620",
            "Cấp Giấy phép bán lẻ sản phẩm rượu", 10, 3, 1, 6),
        p(5, "G07-CT01", "Lưu thông hàng hóa trong nước", "2.000190",
            "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", 10, 3, 1, 4),
        p(5, "G07-CT02", "Kinh doanh khí", "2.000237",
            "Cấp Giấy chứng nhận đủ điều kiện thương nhân kinh doanh mua bán LPG", 15, 2, 1, 2),
        p(5, "G07-CT03", "Xúc tiến thương mại", "2.000001",
            "Đăng ký thực hiện khuyến mại", 5, 4, 1, 18),
        p(5, "G07-CT04", "Điện", "2.000706",
            "Cấp giấy phép hoạt động phân phối điện", 15, 3, 1, 1),
        p(6, "G08-NN01", "Thú y", "1.003781",
            "Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật", 15, 2, 1, 2),
        p(6, "G08-NN02", "Bảo vệ thực vật", "1.008004",
            "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", 20, 3, 1, 5),
        p(6, "G08-NN03", "Thủy sản", "1.004359", "Cấp văn bản chấp thuận đóng mới tàu cá", 6,
            3, 1, 4),
        p(6, "G08-NN04", "Quản lý chất lượng nông lâm sản và thủy sản", "1.003575",
            "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản", 15, 2,
            1, 3),
        p(7, "G10-GT01", "Đường bộ", "1.002809",
            "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", 5, 3, 1, 95),
        p(7, "G10-GT01", "Đường bộ", "1.002835", "Cấp lại giấy phép lái xe", 10, 3, 1, 20),
        p(7, "G10-GT01", "Đường bộ", "1.002861",
            "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", 5, 3, 1, 15),
        p(7, "G10-GT01", "Đường bộ", "1.002856",
            "Cấp phù hiệu xe ô tô kinh doanh vận tải", 2, 4, 1, 35),
        p(7, "G10-GT01", "Đường bộ", "1.001001",
            "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn", 2, 3, 1, 10),
        p(7, "G10-GT02", "Đường thủy nội địa", "1.003658",
            "Đăng ký phương tiện thủy nội địa lần đầu", 3, 3, 1, 5),
        p(8, "G11-XD01", "Hoạt động xây dựng", "1.009972",
            "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", 20, 3,
            0, 4),
        p(8, "G11-XD01", "Hoạt động xây dựng", "1.009974",
            "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng", 25, 2, 0, 3),
        p(8, "G11-XD01", "Hoạt động xây dựng", "1.009984",
            "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", 20, 3, 1, 12),
        p(8, "G11-XD02", "Nhà ở", "1.007751",
            "Thẩm định giá bán, thuê mua, thuê nhà ở xã hội", 30, 2, 1, 1),
        p(9, "G13-TN01", "Đất đai", "1.004227",
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do"
                + " thay đổi thông tin", 10, 2, 1, 25),
        p(9, "G13-TN01", "Đất đai", "1.003003",
            "Cấp đổi Giấy chứng nhận quyền sử dụng đất", 7, 2, 1, 15),
        p(9, "G13-TN01", "Đất đai", "2.000889",
            "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 1, 3, 1, 30),
        p(9, "G13-TN02", "Môi trường", "1.010727", "Cấp giấy phép môi trường", 30, 2, 0, 1),
        p(9, "G13-TN03", "Tài nguyên nước", "1.004253",
            "Cấp giấy phép thăm dò, khai thác nước dưới đất", 20, 2, 1, 1),
        p(10, "G14-TT01", "Báo chí", "1.003857", "Cấp giấy phép xuất bản bản tin", 15, 3, 1, 2),
        p(10, "G14-TT02", "Xuất bản, In và Phát hành", "1.004654",
            "Cấp giấy phép hoạt động in", 7, 3, 1, 2),
        p(10, "G14-TT02", "Xuất bản, In và Phát hành", "1.003887",
            "Đăng ký hoạt động cơ sở in", 5, 4, 1, 3),
        p(11, "G15-LD01", "Việc làm", "1.000105",
            "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", 5, 4,
            1, 15),
        p(11, "G15-LD01", "Việc làm", "1.000459",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", 3, 4, 1,
            5),
        p(11, "G15-LD02", "Người có công", "1.002745",
            "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", 12, 2, 1, 4),
        p(11, "G15-LD03", "Giáo dục nghề nghiệp", "1.000478",
            "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", 10, 3, 1, 2),
        p(12, "G16-VH01", "Du lịch", "1.004623", "Cấp thẻ hướng dẫn viên du lịch", 10, 4, 1, 3),
        p(12, "G16-VH02", "Nghệ thuật biểu diễn", "1.001029",
            "Cấp giấy phép tổ chức biểu diễn nghệ thuật", 5, 3, 1, 3),
        p(12, "G16-VH03", "Gia đình", "1.000954",
            "Cấp Giấy chứng nhận đăng ký hoạt động cơ sở hỗ trợ nạn nhân bạo lực gia đình", 10,
            2, 1, 1),
        p(13, "G17-KC01", "Tiêu chuẩn, Đo lường, Chất lượng", "1.000523",
            "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá", 5, 3, 1, 5),
        p(13, "G17-KC02", "Hoạt động khoa học và công nghệ", "1.005189",
            "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", 15, 2, 1, 2),
        p(13, "G17-KC03", "An toàn bức xạ và hạt nhân", "1.005272",
            "Cấp giấy phép tiến hành công việc bức xạ sử dụng thiết bị X-quang chẩn đoán y tế",
            10, 3, 1, 6),
        p(14, "G18-GD01", "Văn bằng, chứng chỉ", "1.005092",
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 1, 4, 1, 20),
        p(14, "G18-GD01", "Văn bằng, chứng chỉ", "1.005097",
            "Chỉnh sửa nội dung văn bằng, chứng chỉ", 5, 3, 1, 3),
        p(14, "G18-GD02", "Giáo dục và Đào tạo", "1.001622",
            "Cấp phép hoạt động giáo dục kỹ năng sống", 15, 2, 1, 2),
        p(15, "G19-YT01", "Khám bệnh, chữa bệnh", "1.003725",
            "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam", 20, 3, 1, 15),
        p(15, "G19-YT02", "Dược phẩm", "1.004616", "Cấp Chứng chỉ hành nghề dược", 20, 3, 1, 15),
        p(15, "G19-YT02", "Dược phẩm", "1.002339",
            "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", 20, 3, 1, 8),
        p(15, "G19-YT03", "An toàn thực phẩm và dinh dưỡng", "1.003039",
            "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 15, 3, 1, 5),
        p(15, "G19-YT04", "Trang thiết bị y tế", "1.003046",
            "Công bố đủ điều kiện mua bán trang thiết bị y tế loại B, C, D", 3, 4, 1, 8));
  }
}
