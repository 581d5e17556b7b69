package dev.sparring.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A person's progress over the last weeks, drawn with JFreeChart: points earned each week (bars)
 * above, the mean grade of their graded practice per topic each week (lines, one colour per topic)
 * below, sharing one week axis. A week without practice in a topic leaves a gap in its line.
 */
public final class ProgressChart {

  public static final int WIDTH = 800;
  public static final int HEIGHT = 520;

  /** Topics drawn at most (the most practised), so the lines stay readable. */
  public static final int MAX_TOPICS = 6;

  private static final int TOP = 96;

  private ProgressChart() {}

  /**
   * What the chart shows. {@code weeks} are the first days of the weeks, oldest first; {@code
   * points} the points earned in each; {@code grades} maps a topic to its mean grade (0-100) in
   * each week, null for a week without practice in it.
   */
  public record Progress(
      String title,
      String subtitle,
      List<LocalDate> weeks,
      List<Long> points,
      Map<String, List<Integer>> grades) {
    public Progress {
      Objects.requireNonNull(title, "title");
      subtitle = subtitle == null ? "" : subtitle;
      weeks = List.copyOf(weeks);
      points = List.copyOf(points);
      if (weeks.isEmpty() || points.size() != weeks.size()) {
        throw new IllegalArgumentException("one points figure per week, at least one week");
      }
      Map<String, List<Integer>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, List<Integer>> e : grades.entrySet()) {
        if (e.getValue().size() != weeks.size()) {
          throw new IllegalArgumentException("one grade (or null) per week: " + e.getKey());
        }
        if (copy.size() < MAX_TOPICS) {
          copy.put(
              e.getKey(), java.util.Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
      }
      grades = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether there is anything to draw. */
    public boolean empty() {
      return points.stream().allMatch(p -> p == 0)
          && grades.values().stream().allMatch(l -> l.stream().allMatch(Objects::isNull));
    }
  }

  /** The chart as PNG. */
  public static byte[] png(Progress p) {
    BufferedImage image = Theme.canvas(WIDTH, HEIGHT);
    Graphics2D g = Theme.graphics(image);
    try {
      Header.draw(g, WIDTH, p.title(), p.subtitle());
      JFreeChart chart = chart(p);
      chart.draw(g, new Rectangle2D.Double(8, TOP, WIDTH - 24, HEIGHT - TOP - 8));
      if (p.empty()) {
        String none = "No graded practice in these weeks yet";
        g.setFont(Theme.font(Font.PLAIN, 17f));
        int w = g.getFontMetrics().stringWidth(none) + 40;
        g.setColor(Theme.BACKGROUND);
        g.fillRect(WIDTH / 2 - w / 2, 222, w, 40);
        g.setColor(Theme.MUTED);
        Theme.drawCentred(g, none, WIDTH / 2, 248);
      }
    } finally {
      g.dispose();
    }
    return Theme.png(image);
  }

  private static JFreeChart chart(Progress p) {
    Font tick = Theme.font(Font.PLAIN, 13f);
    Font label = Theme.font(Font.PLAIN, 13f);

    // Weeks are numbered 0..n-1 and labelled with their first day: each label sits under its
    // week's bar, and the axis picks every week, every other week... so labels never overlap.
    NumberAxis weeks = new NumberAxis(null);
    weeks.setRange(-0.5, p.weeks().size() - 0.5);
    weeks.setStandardTickUnits(weekUnits(p.weeks()));
    weeks.setTickLabelFont(tick);
    weeks.setTickLabelPaint(Theme.MUTED);
    weeks.setAxisLineVisible(false);
    weeks.setTickMarksVisible(false);
    weeks.setTickLabelInsets(new RectangleInsets(6, 4, 2, 4));

    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(weeks);
    plot.setGap(30);
    plot.setOutlineVisible(false);
    plot.setBackgroundPaint(Theme.BACKGROUND);
    plot.add(pointsPlot(p, tick, label), 2);
    plot.add(gradesPlot(p, tick, label), 3);

    JFreeChart chart = new JFreeChart(null, tick, plot, !p.grades().isEmpty());
    chart.setBackgroundPaint(Theme.BACKGROUND);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 8, 4, 8));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(Theme.font(Font.PLAIN, 14f));
      legend.setItemPaint(Theme.INK);
      legend.setFrame(BlockBorder.NONE);
      legend.setBackgroundPaint(Theme.BACKGROUND);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
      legend.setMargin(new RectangleInsets(8, 0, 0, 0));
    }
    return chart;
  }

  private static XYPlot pointsPlot(Progress p, Font tick, Font label) {
    XYSeries series = new XYSeries("Points", false, true);
    for (int i = 0; i < p.weeks().size(); i++) {
      series.add(i, p.points().get(i));
    }
    XYBarDataset bars = new XYBarDataset(new XYSeriesCollection(series), 0.6);
    XYBarRenderer r = new XYBarRenderer();
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setSeriesPaint(0, Theme.ACCENT);
    r.setSeriesVisibleInLegend(0, false);
    r.setDefaultItemLabelsVisible(false);
    NumberAxis axis = new NumberAxis("Points per week");
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    long max = p.points().stream().mapToLong(Long::longValue).max().orElse(0);
    axis.setRange(0, Math.max(10, max * 1.15));
    style(axis, tick, label);
    XYPlot plot = new XYPlot(bars, null, axis, r);
    style(plot);
    return plot;
  }

  private static XYPlot gradesPlot(Progress p, Font tick, Font label) {
    XYSeriesCollection lines = new XYSeriesCollection();
    for (Map.Entry<String, List<Integer>> e : p.grades().entrySet()) {
      XYSeries s =
          new XYSeries(Theme.fit(Theme.plainName(e.getKey()), metrics(), 160), false, true);
      for (int i = 0; i < p.weeks().size(); i++) {
        Integer grade = e.getValue().get(i);
        s.add(i, grade == null ? null : Double.valueOf(grade));
      }
      lines.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setDrawSeriesLineAsPath(false);
    for (int i = 0; i < lines.getSeriesCount(); i++) {
      Color c = Theme.SERIES[i % Theme.SERIES.length];
      r.setSeriesPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    NumberAxis axis = new NumberAxis("Mean grade by topic");
    axis.setRange(-5, 105); // room for a dot at 0 or 100
    axis.setTickUnit(new NumberTickUnit(25));
    style(axis, tick, label);
    XYPlot plot = new XYPlot(lines, null, axis, r);
    style(plot);
    return plot;
  }

  private static java.awt.FontMetrics metrics() {
    BufferedImage scratch = Theme.canvas(1, 1);
    Graphics2D g = scratch.createGraphics();
    try {
      return g.getFontMetrics(Theme.font(Font.PLAIN, 14f));
    } finally {
      g.dispose();
    }
  }

  private static void style(NumberAxis axis, Font tick, Font label) {
    axis.setTickLabelFont(tick);
    axis.setTickLabelPaint(Theme.MUTED);
    axis.setLabelFont(label);
    axis.setLabelPaint(Theme.MUTED);
    axis.setAxisLineVisible(false);
    axis.setTickMarksVisible(false);
    axis.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.ROOT));
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Theme.BACKGROUND);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(Theme.FAINT);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(4, 4, 4, 12));
  }

  /**
   * Week ticks the axis chooses from, smallest that fits first: every week, every second, fourth or
   * thirteenth; each labelled with its week's first day ("Mar 2").
   */
  private static TickUnits weekUnits(List<LocalDate> weeks) {
    java.text.NumberFormat label = new WeekLabels(weeks);
    TickUnits units = new TickUnits();
    for (int step : new int[] {1, 2, 4, 13, 26, 52}) {
      units.add(new NumberTickUnit(step, label));
    }
    return units;
  }

  /** Labels week numbers with their first day, in English, whatever the machine's locale. */
  private static final class WeekLabels extends java.text.NumberFormat {
    private static final java.time.format.DateTimeFormatter DAY =
        java.time.format.DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private final List<LocalDate> weeks;

    WeekLabels(List<LocalDate> weeks) {
      this.weeks = weeks;
    }

    @Override
    public StringBuffer format(double n, StringBuffer to, java.text.FieldPosition pos) {
      return format(Math.round(n), to, pos);
    }

    @Override
    public StringBuffer format(long n, StringBuffer to, java.text.FieldPosition pos) {
      return n >= 0 && n < weeks.size() ? to.append(DAY.format(weeks.get((int) n))) : to;
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      return null;
    }
  }

  /** The chart in words. */
  public static String alt(Progress p) {
    long total = p.points().stream().mapToLong(Long::longValue).sum();
    StringBuilder b = new StringBuilder(p.title());
    b.append(": ").append(Theme.points(total)).append(" over ").append(p.weeks().size());
    b.append(p.weeks().size() == 1 ? " week" : " weeks");
    for (Map.Entry<String, List<Integer>> e : p.grades().entrySet()) {
      List<Integer> known = e.getValue().stream().filter(Objects::nonNull).toList();
      if (!known.isEmpty()) {
        b.append("; ")
            .append(Theme.plainName(e.getKey()))
            .append(" mean grade ")
            .append(known.get(0))
            .append(known.size() > 1 ? " to " + known.get(known.size() - 1) : "");
      }
    }
    return b.toString();
  }
}
