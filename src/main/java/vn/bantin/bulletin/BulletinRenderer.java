package vn.bantin.bulletin;

import vn.bantin.metrics.Share;
import vn.bantin.metrics.Figure;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders bulletins as Markdown or HTML, in Vietnamese or English, from the FreeMarker templates
 * under {@code src/main/resources/templates/}: {@code bulletin.md.ftl}, {@code bulletin.html.ftl},
 * the sections both share ({@code sections.ftl}) and one label file per language
 * ({@code labels/vi.ftl}, {@code labels/en.ftl}); and as a publisher's own article (plain text,
 * in its own sentences) from the template its settings name ({@code article/thai-binh.ftl}). All wording lives in the templates; this class
 * only hands them the numbers already written in the language's notation, so that the percents
 * are exactly the printed percents of the JSON.
 *
 * <p>Output never depends on the JVM's default locale or time zone: FreeMarker runs with
 * {@link Locale#ROOT}, computer number format and no localized template lookup, and every number
 * is formatted by {@link NumberNotation}. The HTML template escapes all text (HTML output format).
 *
 * <p>Thread-safe once built.
 */
public final class BulletinRenderer {
  private static final String TEMPLATES = "templates";

  private final Configuration freemarker;

  public BulletinRenderer() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassLoaderForTemplateLoading(BulletinRenderer.class.getClassLoader(), TEMPLATES);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    // Never the JVM's: under vi-VN FreeMarker would print a year as 2.025.
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("computer");
    cfg.setTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
    cfg.setLocalizedLookup(false);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    this.freemarker = cfg;
  }

  /** One bulletin as a complete document. */
  public String render(Bulletin bulletin, RenderFormat format, Language language) {
    return render(List.of(bulletin), format, language);
  }

  /**
   * Several bulletins (periods, units) as one document, one section each, in the given order.
   * As {@link RenderFormat#ARTICLE}, one article per bulletin, a blank line between them (see
   * {@link #checkArticle}).
   */
  public String render(List<Bulletin> bulletins, RenderFormat format, Language language) {
    if (bulletins.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot render bulletins as " + format.id() + "/" + language.code() + ": no bulletin given");
    }
    if (format == RenderFormat.ARTICLE) {
      return renderArticles(bulletins, language);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lang", language.code());
    model.put("shareKeys", shareKeys());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Bulletin bulletin : bulletins) {
      items.add(model(bulletin, language));
    }
    model.put("bulletins", items);
    try {
      Template template = freemarker.getTemplate(format.template());
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException(
          "Cannot render bulletins as " + format.id() + "/" + language.code() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fails with a {@code Cannot …} message unless articles can be written in {@code language}:
   * an article is the publisher's own Vietnamese text, so it has no English version (the
   * bulletin's Markdown and HTML do).
   */
  public static void checkArticleLanguage(Language language) {
    if (language != Language.VI) {
      throw new IllegalArgumentException("Cannot render the article in '" + language.code()
          + "': an article is the publisher's own Vietnamese text and exists only in vi;"
          + " use --format md or html for an English bulletin");
    }
  }

  /**
   * Fails with a {@code Cannot …} message unless {@code bulletin} can be written as its
   * publisher's article: a month (the article is monthly), the publisher's own bulletin (not a
   * unit's), and a publisher whose settings name an article template. Returns that template.
   */
  public static String checkArticle(Bulletin bulletin) {
    PublisherSettings publisher = bulletin.publisher();
    String what = "Cannot render the article of " + publisher.code() + " for " + bulletin.period();
    if (bulletin.period().kind() != BulletinPeriod.Kind.MONTH) {
      throw new IllegalArgumentException(what + ": an article covers one month (e.g. 2021-04),"
          + " not a " + bulletin.period().kind().name().toLowerCase(Locale.ROOT)
          + "; use --format md or html for a quarter or a year");
    }
    if (bulletin.unitCode().isPresent()) {
      throw new IllegalArgumentException(what + ": an article is the publisher's own, not a"
          + " unit's (drop --by)");
    }
    return articleTemplate(publisher);
  }

  /**
   * The article template {@code publisher}'s settings name; fails with a {@code Cannot …}
   * message when they name none.
   */
  public static String articleTemplate(PublisherSettings publisher) {
    return publisher.articleTemplate().orElseThrow(() -> new IllegalArgumentException(
        "Cannot render the article of " + publisher.code() + ": no article template is"
            + " configured for this publisher (its entry in the publisher settings has no"
            + " \"article_template\"); use --format md or html"));
  }

  /** True when {@code name} is a template under {@code templates/} on the classpath. */
  public static boolean hasTemplate(String name) {
    return !name.isBlank() && !name.startsWith("/") && !name.contains("..")
        && !name.contains("\\")
        && BulletinRenderer.class.getClassLoader().getResource(TEMPLATES + "/" + name) != null;
  }

  private String renderArticles(List<Bulletin> bulletins, Language language) {
    checkArticleLanguage(language);
    List<String> templates = new ArrayList<>();
    for (Bulletin bulletin : bulletins) {
      templates.add(checkArticle(bulletin));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bulletins.size(); i++) {
      Bulletin bulletin = bulletins.get(i);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("lang", language.code());
      model.put("b", model(bulletin, language));
      try {
        StringWriter article = new StringWriter();
        freemarker.getTemplate(templates.get(i)).process(model, article);
        out.append(i > 0 ? "\n" : "").append(article);
      } catch (IOException | TemplateException e) {
        throw new IllegalStateException("Cannot render the article of "
            + bulletin.publisher().code() + " for " + bulletin.period() + " with template "
            + templates.get(i) + ": " + e.getMessage(), e);
      }
    }
    return out.toString();
  }

  /** The figures of the side-by-side unit table, in column order. */
  public static final List<Figure> UNIT_COLUMNS = List.of(Figure.TOTAL, Figure.RECEIVED_NEW,
      Figure.RESOLVED, Figure.RESOLVED_EARLY, Figure.RESOLVED_ON_TIME, Figure.RESOLVED_LATE,
      Figure.PENDING, Figure.PENDING_OVERDUE, Figure.RETURNED);

  /**
   * Units' bulletins ({@code by}: department, sector or procedure) as one table per period, in
   * the order given: one row per unit (its name and code, the {@link #UNIT_COLUMNS} with their
   * printed shares), then the total of the rows, printed as the publisher prints its own
   * bulletin. The unit tables hold every unit of a period (those with no department as one),
   * so the total is the publisher's own figures: the identity "units sum to the publisher" is
   * checked on every gold build.
   */
  public String renderUnits(List<Bulletin> bulletins, RenderFormat format, Language language,
      String by) {
    if (bulletins.isEmpty()) {
      throw new IllegalArgumentException("Cannot render bulletins as " + format.id() + "/"
          + language.code() + ": no bulletin given");
    }
    Map<String, List<Bulletin>> byPeriod = new LinkedHashMap<>();
    for (Bulletin b : bulletins) {
      if (b.unitCode().isEmpty()) {
        throw new IllegalArgumentException("Cannot render a table of units: the bulletin of "
            + b.period() + " is the publisher's own");
      }
      byPeriod.computeIfAbsent(b.publisher().code() + "|" + b.period().label(),
          k -> new ArrayList<>()).add(b);
    }
    List<Map<String, Object>> periods = new ArrayList<>();
    for (List<Bulletin> units : byPeriod.values()) {
      Bulletin first = units.get(0);
      Map<Figure, Long> sums = new java.util.EnumMap<>(Figure.class);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Bulletin u : units) {
        for (Figure f : Figure.values()) {
          sums.merge(f, u.figure(f), Long::sum);
        }
        Map<String, Object> row = model(u, language);
        String code = u.unitCode().orElseThrow();
        if (code.equals("null")) {
          row.put("noUnit", true);
        } else {
          row.put("unitLabelCode", code);
          u.unitName().ifPresent(name -> row.put("unitName", name));
        }
        rows.add(row);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      Map<String, Object> own = model(first, language);
      p.put("publisherName", own.get("publisherName"));
      p.put("publisherCode", own.get("publisherCode"));
      p.put("period", own.get("period"));
      if (own.containsKey("provisionalAsOf")) {
        p.put("provisionalAsOf", own.get("provisionalAsOf"));
      }
      p.put("rows", rows);
      p.put("total", model(new Bulletin(first.publisher(), first.period(),
          java.util.Optional.empty(), sums), language));
      periods.add(p);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lang", language.code());
    model.put("by", by);
    model.put("columns", UNIT_COLUMNS.stream().map(Figure::key).toList());
    model.put("shareKeys", shareKeys());
    model.put("periods", periods);
    try {
      StringWriter out = new StringWriter();
      freemarker.getTemplate("units." + format.id() + ".ftl").process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Cannot render the units as " + format.id() + "/"
          + language.code() + ": " + e.getMessage(), e);
    }
  }

  /** What the templates need of one bulletin: names, period parts, numbers as printed text. */
  private static Map<String, Object> model(Bulletin bulletin, Language language) {
    NumberNotation notation = language.notation();
    Map<String, Object> m = new LinkedHashMap<>();
    PublisherSettings publisher = bulletin.publisher();
    m.put("publisherName", language == Language.EN ? publisher.englishName() : publisher.name());
    m.put("publisherCode", publisher.code());
    bulletin.unitCode().ifPresent(unit -> m.put("unitCode", unit));
    BulletinPeriod period = bulletin.period();
    Map<String, Object> periodModel = new LinkedHashMap<>();
    periodModel.put("label", period.label());
    periodModel.put("kind", period.kind().name());
    periodModel.put("year", period.year());
    periodModel.put("number", period.number());
    if (period.kind() == BulletinPeriod.Kind.MONTH) {
      // The month before, which an article names ("hồ sơ của tháng 3 chuyển sang").
      periodModel.put("previousNumber", period.number() == 1 ? 12 : period.number() - 1);
      periodModel.put("previousYear", period.number() == 1 ? period.year() - 1 : period.year());
    }
    m.put("period", periodModel);
    m.put("percentStyle", publisher.percentStyle().id());
    // Ballots are not attributed to departments (metrics.md): a unit's bulletin has no survey.
    m.put("hasSurvey", bulletin.unitCode().isEmpty());
    Map<String, String> counts = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      counts.put(figure.key(), notation.count(bulletin.figure(figure)));
    }
    m.put("n", counts);
    // The figures as numbers too, for wording that depends on a value (zero, under ten).
    Map<String, Long> values = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      values.put(figure.key(), bulletin.figure(figure));
    }
    m.put("v", values);
    Map<String, String> percents = new LinkedHashMap<>();
    bulletin.printedPercents().forEach((share, value) -> percents.put(share.key(), notation.decimal(value)));
    m.put("pct", percents);
    // A provisional period says when its data was extracted, in the language's own notation.
    bulletin.provisionalAsOf().ifPresent(at -> m.put("provisionalAsOf",
        at.format(language.timeAndDate())));
    return m;
  }

  private static List<String> shareKeys() {
    List<String> keys = new ArrayList<>();
    for (Share share : Share.values()) {
      keys.add(share.key());
    }
    return keys;
  }
}
