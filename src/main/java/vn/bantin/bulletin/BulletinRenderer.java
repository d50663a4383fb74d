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
 * ({@code labels/vi.ftl}, {@code labels/en.ftl}). All wording lives in the templates; this class
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
   */
  public String render(List<Bulletin> bulletins, RenderFormat format, Language language) {
    if (bulletins.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot render bulletins as " + format.id() + "/" + language.code() + ": no bulletin given");
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

  /** What the templates need of one bulletin: names, period parts, numbers as printed text. */
  private static Map<String, Object> model(Bulletin bulletin, Language language) {
    NumberNotation notation = language.notation();
    Map<String, Object> m = new LinkedHashMap<>();
    PublisherSettings publisher = bulletin.publisher();
    m.put("publisherName", language == Language.EN ? publisher.englishName() : publisher.name());
    m.put("publisherCode", publisher.code());
    bulletin.unitCode().ifPresent(unit -> m.put("unitCode", unit));
    m.put("period", Map.of(
        "label", bulletin.period().label(),
        "kind", bulletin.period().kind().name(),
        "year", bulletin.period().year(),
        "number", bulletin.period().number()));
    m.put("percentStyle", publisher.percentStyle().id());
    // Ballots are not attributed to departments (metrics.md): a unit's bulletin has no survey.
    m.put("hasSurvey", bulletin.unitCode().isEmpty());
    Map<String, String> counts = new LinkedHashMap<>();
    for (Figure figure : Figure.values()) {
      counts.put(figure.key(), notation.count(bulletin.figure(figure)));
    }
    m.put("n", counts);
    Map<String, String> percents = new LinkedHashMap<>();
    bulletin.printedPercents().forEach((share, value) -> percents.put(share.key(), notation.decimal(value)));
    m.put("pct", percents);
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
