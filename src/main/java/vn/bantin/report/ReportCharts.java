package vn.bantin.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import vn.bantin.bulletin.NumberNotation;

/**
 * The report's charts, drawn by JFreeChart onto JFreeSVG's {@link SVGGraphics2D}: inline SVG
 * that needs no script, font or network to show. Twelve months of the year against the same
 * months of the year before; an absent month is a gap in its line, not a zero.
 */
final class ReportCharts {
  static {
    // Charts are drawn off screen, also on machines without a display.
    System.setProperty("java.awt.headless", "true");
  }

  static final int WIDTH = 560;
  static final int HEIGHT = 280;
  /** The year's line; the browser test finds the drawn data by this colour. */
  static final Color YEAR = new Color(0x1f, 0x4e, 0x79);
  static final Color YEAR_BEFORE = new Color(0x9a, 0x9a, 0x9a);

  private ReportCharts() {}

  /**
   * One chart as an {@code <svg>} element.
   *
   * @param id unique in the page: the svg's id and the prefix of its clip-path ids, which
   *     would otherwise clash between the charts of one page
   */
  static String svg(String id, YearOverYearReport.Chart chart, int year, String[] monthNames,
      NumberNotation notation) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String thisYear = String.valueOf(year);
    String before = String.valueOf(year - 1);
    for (int k = 0; k < 12; k++) {
      data.addValue(chart.series().months().get(k), thisYear, monthNames[k]);
      data.addValue(chart.series().yearAgo().get(k), before, monthNames[k]);
    }
    JFreeChart c = ChartFactory.createLineChart(null, null, chart.rate() ? "%" : null, data,
        PlotOrientation.VERTICAL, true, false, false);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    c.setBackgroundPaint(Color.WHITE);
    c.getLegend().setItemFont(font);
    CategoryPlot plot = c.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.getDomainAxis().setTickLabelFont(font);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setTickLabelFont(font);
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setNumberFormatOverride(new NotationFormat(notation));
    if (chart.rate()) {
      range.setAutoRangeIncludesZero(false);
    }
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, YEAR);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesPaint(1, YEAR_BEFORE);
    renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {6f, 4f}, 0f));

    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix(id + "-");
    c.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  /**
   * Axis ticks in the report's notation ({@code 7.790} / {@code 7,790}), whole numbers since the
   * axis uses integer tick units; independent of the JVM's locale data like the rest of bantin.
   */
  private static final class NotationFormat extends NumberFormat {
    private final NumberNotation notation;

    NotationFormat(NumberNotation notation) {
      this.notation = notation;
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(notation.decimal(
          BigDecimal.valueOf(number).setScale(0, RoundingMode.HALF_UP)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(notation.count(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("ticks are only printed");
    }
  }
}
