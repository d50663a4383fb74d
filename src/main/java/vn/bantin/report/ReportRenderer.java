package vn.bantin.report;

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

/**
 * The year-over-year report as one self-contained HTML page: CSS in the page, charts as inline
 * SVG, no script, no external font or image, so it opens offline and prints as it shows.
 */
public final class ReportRenderer {
  private static final String TEMPLATE = "report.html.ftl";
  private final Configuration freemarker;

  public ReportRenderer() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassLoaderForTemplateLoading(ReportRenderer.class.getClassLoader(), "templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    // Never the JVM's locale: numbers come to the template already printed in the report's
    // language, and under vi-VN FreeMarker would print a year as 2.021.
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("computer");
    cfg.setLocalizedLookup(false);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setFallbackOnNullLoopVariable(false);
    this.freemarker = cfg;
  }

  public String render(YearOverYearReport report) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lang", report.language().code());
    model.put("publisher", report.publisher());
    model.put("publisherName", report.publisherName());
    model.put("year", String.valueOf(report.year()));
    model.put("yearBefore", String.valueOf(report.year() - 1));
    model.put("span", report.span());
    model.put("w", report.words());
    model.put("sentences", report.sentences());
    List<Map<String, Object>> charts = new ArrayList<>();
    int i = 0;
    for (YearOverYearReport.Chart c : report.charts()) {
      String id = "chart-" + (++i);
      charts.add(Map.of("id", id, "measure", c.measure(), "title", c.title(),
          "svg", ReportCharts.svg(id, c, report.year(), report.words().monthNames(),
              report.language().notation())));
    }
    model.put("charts", charts);
    model.put("departments", report.departments());
    try {
      Template template = freemarker.getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Cannot render the year-over-year report: "
          + e.getMessage(), e);
    }
  }
}
