package org.kimberlite.statistics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Charts drawn on the server as inline SVG. The geometry is computed here into plain records of
 * numbers and text; {@code templates/fragments/charts.html} renders them with Thymeleaf, which
 * escapes every text, so no markup is ever assembled from strings. Each chart has a title and a
 * description for screen readers, and the pages show the same numbers in a table.
 */
public final class Charts {
  private Charts() {}

  /** An axis tick: its position along the axis (SVG units) and its label. */
  public record Tick(double at, String label) {}

  /** A labelled value for a bar chart; {@code href} makes the label a link. */
  public record Datum(String label, BigDecimal value, String valueLabel, @Nullable String href) {}

  /** One horizontal bar: its top, its length, and where its texts go. */
  public record Bar(
      String label,
      String tooltip,
      @Nullable String href,
      double y,
      double length,
      double textY,
      double valueX,
      String valueLabel) {}

  /** A reference line across the bars, such as the world average, with its label. */
  public record Marker(double x, String label, double labelX, String anchor) {}

  /** Horizontal bars, one per labelled value, largest scale value at the right edge. */
  public record BarChart(
      String id,
      String title,
      String description,
      String tone,
      int width,
      int height,
      int left,
      int barHeight,
      double top,
      double axisY,
      List<Bar> bars,
      List<Tick> ticks,
      @Nullable Marker marker) {
    public String viewBox() {
      return "0 0 " + width + " " + height;
    }

    public String labelledBy() {
      return id + "-title " + id + "-desc";
    }

    public boolean empty() {
      return bars.isEmpty();
    }
  }

  static final int BAR_WIDTH = 560;
  static final int BAR_LEFT = 180;
  static final int BAR_RIGHT = 64;
  static final int BAR_HEIGHT = 18;
  static final int BAR_GAP = 8;
  static final int BAR_TOP = 22;
  static final int LABEL_CHARS = 26;

  /**
   * Horizontal bars in the order given.
   *
   * @param reference a value to mark with a line across the bars (the world average), or null
   */
  public static BarChart bars(
      String id,
      String title,
      String description,
      String tone,
      List<Datum> data,
      @Nullable BigDecimal reference,
      String referenceLabel) {
    double max = data.stream().mapToDouble(d -> d.value().doubleValue()).max().orElse(0);
    if (reference != null) {
      max = Math.max(max, reference.doubleValue());
    }
    Scale scale = Scale.of(max);
    int plot = BAR_WIDTH - BAR_LEFT - BAR_RIGHT;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      Datum d = data.get(i);
      double y = BAR_TOP + i * (BAR_HEIGHT + BAR_GAP) + BAR_GAP / 2.0;
      double length = scale.fraction(d.value().doubleValue()) * plot;
      if (d.value().signum() > 0) {
        length = Math.max(length, 1);
      }
      bars.add(
          new Bar(
              shorten(d.label()),
              d.label() + ": " + d.valueLabel(),
              d.href(),
              round(y),
              round(length),
              round(y + BAR_HEIGHT / 2.0 + 4),
              round(BAR_LEFT + length + 6),
              d.valueLabel()));
    }
    double axisY = BAR_TOP + data.size() * (BAR_HEIGHT + BAR_GAP);
    List<Tick> ticks = new ArrayList<>();
    for (double t : scale.ticks()) {
      ticks.add(new Tick(round(BAR_LEFT + scale.fraction(t) * plot), Numbers.page().compact(t)));
    }
    Marker marker = null;
    if (reference != null && !data.isEmpty()) {
      double x = round(BAR_LEFT + scale.fraction(reference.doubleValue()) * plot);
      boolean right = x > BAR_LEFT + plot * 0.6;
      marker = new Marker(x, referenceLabel, right ? x - 4 : x + 4, right ? "end" : "start");
    }
    return new BarChart(
        id,
        title,
        description,
        tone,
        BAR_WIDTH,
        (int) axisY + 26,
        BAR_LEFT,
        BAR_HEIGHT,
        BAR_TOP,
        axisY,
        List.copyOf(bars),
        List.copyOf(ticks),
        marker);
  }

  /** A series of figures by year, drawn as columns or as a line. */
  public record Series(
      String name,
      String tone,
      Map<Integer, BigDecimal> values,
      Function<BigDecimal, String> label) {
    public boolean empty() {
      return values.isEmpty();
    }
  }

  /** One column: its box, tooltip, and the label above it (or null when there is no room). */
  public record Column(
      double x,
      double y,
      double width,
      double height,
      String tone,
      String tooltip,
      @Nullable String label,
      double labelX,
      double labelY) {}

  /** A piece of a line: solid between consecutive years, dashed across years without figures. */
  public record Segment(String points, boolean gap) {}

  /** A point of a line, with its tooltip and its label (or null). */
  public record Dot(double x, double y, String tooltip, @Nullable String label, double labelY) {}

  /** A legend entry. */
  public record Legend(String name, String tone) {}

  /**
   * A chart with years along the bottom and a value scale from zero on the left; {@code keyed} when
   * it was asked for more than one series, so the legend names the ones it has.
   */
  public record YearChart(
      String id,
      String title,
      String description,
      int width,
      int height,
      int left,
      int right,
      double top,
      double axisY,
      List<Tick> yTicks,
      List<Tick> xTicks,
      List<Column> columns,
      String lineTone,
      List<Segment> segments,
      List<Dot> dots,
      List<Legend> legend,
      boolean keyed) {
    public String viewBox() {
      return "0 0 " + width + " " + height;
    }

    public String labelledBy() {
      return id + "-title " + id + "-desc";
    }

    public boolean empty() {
      return columns.isEmpty() && dots.isEmpty();
    }

    public double plotRight() {
      return width - right;
    }
  }

  static final int YEAR_WIDTH = 560;
  static final int YEAR_HEIGHT = 240;
  static final int YEAR_LEFT = 56;
  static final int YEAR_RIGHT = 12;
  static final int YEAR_TOP = 24;
  static final int YEAR_BOTTOM = 28;
  static final double LABEL_ROOM = 46;

  /** Columns by year, side by side when there is more than one series. */
  public static YearChart columns(
      String id, String title, String description, int fromYear, int toYear, List<Series> series) {
    return yearChart(
        id,
        title,
        description,
        fromYear,
        toYear,
        series.stream().filter(s -> !s.empty()).toList(),
        null,
        series.size() > 1);
  }

  /** A line by year, dashed across years without a figure. */
  public static YearChart line(
      String id, String title, String description, int fromYear, int toYear, Series line) {
    return yearChart(id, title, description, fromYear, toYear, List.of(), line, false);
  }

  private static YearChart yearChart(
      String id,
      String title,
      String description,
      int fromYear,
      int toYear,
      List<Series> columnSeries,
      @Nullable Series lineSeries,
      boolean keyed) {
    int years = Math.max(1, toYear - fromYear + 1);
    double plotWidth = YEAR_WIDTH - YEAR_LEFT - YEAR_RIGHT;
    double axisY = YEAR_HEIGHT - YEAR_BOTTOM;
    double plotHeight = axisY - YEAR_TOP;
    double band = plotWidth / years;
    List<Series> all = new ArrayList<>(columnSeries);
    if (lineSeries != null) {
      all.add(lineSeries);
    }
    double max =
        all.stream()
            .flatMap(s -> s.values().values().stream())
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(0);
    Scale scale = Scale.of(max);

    List<Tick> yTicks = new ArrayList<>();
    for (double t : scale.ticks()) {
      yTicks.add(
          new Tick(round(axisY - scale.fraction(t) * plotHeight), Numbers.page().compact(t)));
    }
    List<Tick> xTicks = new ArrayList<>();
    int every = (int) Math.ceil(40 / band);
    for (int year = fromYear; year <= toYear; year++) {
      if ((toYear - year) % every == 0) {
        xTicks.add(new Tick(round(center(year, fromYear, band)), Integer.toString(year)));
      }
    }

    List<Column> columns = new ArrayList<>();
    int n = columnSeries.size();
    if (n > 0) {
      double group = Math.min(band * 0.72, 56.0 * n);
      double width = group / n;
      boolean labelled = band / n >= LABEL_ROOM && (n == 1 || width >= 40);
      for (int s = 0; s < n; s++) {
        Series series = columnSeries.get(s);
        for (var e : series.values().entrySet()) {
          int year = e.getKey();
          if (year < fromYear || year > toYear) {
            continue;
          }
          double h = scale.fraction(e.getValue().doubleValue()) * plotHeight;
          if (e.getValue().signum() > 0) {
            h = Math.max(h, 1);
          }
          double x = YEAR_LEFT + (year - fromYear) * band + (band - group) / 2 + s * width;
          String text = series.label().apply(e.getValue());
          columns.add(
              new Column(
                  round(x + (n > 1 ? 1 : 0)),
                  round(axisY - h),
                  round(width - (n > 1 ? 2 : 0)),
                  round(h),
                  series.tone(),
                  series.name() + " " + year + ": " + text,
                  labelled ? text : null,
                  round(x + width / 2),
                  round(axisY - h - 5)));
        }
      }
    }

    List<Segment> segments = new ArrayList<>();
    List<Dot> dots = new ArrayList<>();
    if (lineSeries != null) {
      boolean labelled = band >= LABEL_ROOM;
      List<double[]> run = new ArrayList<>();
      int previous = Integer.MIN_VALUE;
      double[] last = null;
      for (int year = fromYear; year <= toYear; year++) {
        BigDecimal v = lineSeries.values().get(year);
        if (v == null) {
          continue;
        }
        double[] p = {
          round(center(year, fromYear, band)),
          round(axisY - scale.fraction(v.doubleValue()) * plotHeight)
        };
        if (last != null && year != previous + 1) {
          if (run.size() > 1) {
            segments.add(new Segment(points(run), false));
          }
          segments.add(new Segment(points(List.of(last, p)), true));
          run = new ArrayList<>();
        }
        run.add(p);
        String text = lineSeries.label().apply(v);
        dots.add(
            new Dot(
                p[0],
                p[1],
                lineSeries.name() + " " + year + ": " + text,
                labelled ? text : null,
                round(p[1] - 9)));
        last = p;
        previous = year;
      }
      if (run.size() > 1) {
        segments.add(new Segment(points(run), false));
      }
    }

    List<Legend> legend = new ArrayList<>();
    for (Series s : all) {
      legend.add(new Legend(s.name(), s.tone()));
    }
    return new YearChart(
        id,
        title,
        description,
        YEAR_WIDTH,
        YEAR_HEIGHT,
        YEAR_LEFT,
        YEAR_RIGHT,
        YEAR_TOP,
        axisY,
        List.copyOf(yTicks),
        List.copyOf(xTicks),
        List.copyOf(columns),
        lineSeries == null ? "" : lineSeries.tone(),
        List.copyOf(segments),
        List.copyOf(dots),
        List.copyOf(legend),
        keyed);
  }

  private static double center(int year, int fromYear, double band) {
    return YEAR_LEFT + (year - fromYear + 0.5) * band;
  }

  private static String points(List<double[]> points) {
    StringBuilder s = new StringBuilder();
    for (double[] p : points) {
      if (!s.isEmpty()) {
        s.append(' ');
      }
      s.append(number(p[0])).append(',').append(number(p[1]));
    }
    return s.toString();
  }

  /** A coordinate as SVG writes it: plain digits, at most one decimal. */
  static String number(double v) {
    double r = round(v);
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** A long name cut to fit beside the bars; the tooltip has it whole. */
  static String shorten(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }

  /** A value scale from zero to a round number above the largest value, with round ticks. */
  record Scale(double max, double step) {
    /** At most this many intervals between ticks. */
    static final int MAX_TICKS = 6;

    static Scale of(double largest) {
      if (!(largest > 0)) {
        return new Scale(1, 1);
      }
      // Of the round steps that need at most MAX_TICKS intervals, the one whose scale ends
      // nearest above the largest value (the finer one on a tie).
      double magnitude = Math.pow(10, Math.floor(Math.log10(largest / MAX_TICKS)));
      Scale best = null;
      for (double multiple : new double[] {1, 2, 2.5, 5, 10, 20, 25, 50}) {
        double step = multiple * magnitude;
        double intervals = Math.ceil(largest / step - 1e-9);
        if (intervals <= MAX_TICKS && (best == null || intervals * step < best.max())) {
          best = new Scale(intervals * step, step);
        }
      }
      return java.util.Objects.requireNonNull(best);
    }

    double fraction(double v) {
      return Math.max(0, Math.min(1, v / max));
    }

    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      int n = (int) Math.round(max / step);
      for (int i = 0; i <= n; i++) {
        out.add(i * step);
      }
      return out;
    }
  }
}
