package vn.bantin.generate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/**
 * Fake applicants: Vietnamese names (with diacritics) and companies, drawn from the seed. The
 * data is obviously fake: ID numbers and tax codes start with {@code 000} (no province has that
 * code), phone numbers with {@code 0000}, e-mail addresses are at {@code example.com}; the
 * addresses use real district names of Thái Bình with made-up house numbers and hamlets.
 */
final class PersonGenerator {

  private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ",
      "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Phan", "Đinh", "Tạ", "Lương", "Mai"};
  private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân",
      "Thành", "Công"};
  private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương",
      "Hồng"};
  private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Hiếu",
      "Hùng", "Long", "Nam", "Phong", "Quân", "Sơn", "Tuấn", "Thắng", "Việt", "Khánh"};
  private static final String[] GIVEN_F = {"Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan",
      "Linh", "Mai", "Nga", "Phương", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Ánh"};
  private static final String[] COMPANY_KIND = {"Công ty TNHH", "Công ty Cổ phần",
      "Công ty TNHH một thành viên", "Hợp tác xã"};
  private static final String[] COMPANY_TRADE = {"Thương mại", "Xây dựng", "Dịch vụ",
      "Vận tải", "Dược phẩm", "Nông nghiệp", "Đầu tư", "May mặc", "Cơ khí"};
  private static final String[] COMPANY_NAME = {"Hoàng Long", "Minh Phát", "An Bình",
      "Thái Hà", "Đông Á", "Phúc Thịnh", "Hưng Thịnh", "Tân Việt", "Kiến Xương", "Sông Trà"};
  private static final String[] DISTRICTS = {"thành phố Thái Bình", "huyện Vũ Thư",
      "huyện Kiến Xương", "huyện Tiền Hải", "huyện Thái Thụy", "huyện Quỳnh Phụ",
      "huyện Hưng Hà", "huyện Đông Hưng"};
  private static final String[] HAMLETS = {"thôn Đông", "thôn Nam", "thôn Trung", "thôn Bắc",
      "tổ dân phố 3", "tổ dân phố 7", "xóm Mới", "thôn An Lạc"};

  private final Random rnd;

  PersonGenerator(Random rnd) {
    this.rnd = rnd;
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }

  /** A fake applicant; companies are more likely for business procedures. */
  Applicant next(boolean businessLikely) {
    String address = "Số " + (1 + rnd.nextInt(200)) + ", " + pick(HAMLETS) + ", "
        + pick(DISTRICTS) + ", tỉnh Thái Bình";
    String phone = "0000" + digits(6);
    if (rnd.nextDouble() < (businessLikely ? 0.7 : 0.08)) {
      String name = pick(COMPANY_KIND) + " " + pick(COMPANY_TRADE) + " " + pick(COMPANY_NAME);
      String tax = "000" + digits(7);
      String email = "lienhe." + ascii(name.substring(name.lastIndexOf(' ') + 1)) + digits(3)
          + "@example.com";
      return new Applicant(name, tax, phone, email, address, tax);
    }
    boolean female = rnd.nextBoolean();
    String surname = pick(SURNAMES);
    String middle = pick(female ? MIDDLE_F : MIDDLE_M);
    String given = pick(female ? GIVEN_F : GIVEN_M);
    String name = surname + " " + middle + " " + given;
    String id = "000" + (female ? "1" : "0") + digits(8);
    String email = ascii(given) + "." + ascii(surname) + digits(4) + "@example.com";
    return new Applicant(name, id, phone, email, address, id);
  }

  /** Lower-case ASCII of a Vietnamese word, for e-mail addresses. */
  static String ascii(String s) {
    String n = Normalizer.normalize(s.replace("Đ", "D").replace("đ", "d"), Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
