package org.kimberlite.statistics.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Participant;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.statistics.Statistics;
import org.kimberlite.statistics.TradeMatrix;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public statistics pages: the annual summary with its charts, a participant's figures over the
 * years, and the trade matrix. The numbers are those of {@link StatisticsApi}, which the pages link
 * to for download.
 */
@Controller
class StatisticsPages {
  /** The first year of the KP Certification Scheme. */
  static final int FIRST_YEAR = 2003;

  private final Statistics statistics;
  private final Participants participants;
  private final Clock clock;
  private final YearParameters yearParameters;
  private final MessageSource messages;

  StatisticsPages(
      Statistics statistics, Participants participants, Clock clock, MessageSource messages) {
    this.statistics = statistics;
    this.participants = participants;
    this.clock = clock;
    this.yearParameters = new YearParameters(clock);
    this.messages = messages;
  }

  /** The page text {@code key} in the reader's language; arguments are already written out. */
  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  /** Figures in the reader's language. */
  private static Numbers num() {
    return Numbers.page();
  }

  @Bean
  static NavItem statisticsNav() {
    return NavItem.everyone("nav.statistics", "/statistics", 30);
  }

  @ModelAttribute("num")
  Numbers numbers() {
    return num();
  }

  /** A year in the selector; {@code production} tells whether it has production figures. */
  record YearOption(int year, boolean production) {}

  /** Certificates issued for export and shipments imported, by participant. */
  record CountRow(String participant, String name, long issued, long imported) {}

  private Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (ParticipantSummary p : participants.list(LocalDate.now(clock))) {
      names.put(p.participant().code().code(), p.participant().name());
    }
    return names;
  }

  private static @Nullable String href(String code, Map<String, String> names) {
    return names.containsKey(code) ? "/statistics/participants/" + code : null;
  }

  private List<YearOption> yearOptions(List<Integer> years, int shown) {
    TreeSet<Integer> all = new TreeSet<>(Comparator.reverseOrder());
    all.addAll(years);
    all.add(shown);
    List<YearOption> out = new ArrayList<>();
    for (int y : all) {
      out.add(new YearOption(y, !statistics.production(y).isEmpty()));
    }
    return out;
  }

  @GetMapping("/statistics")
  String summary(@RequestParam(required = false) @Nullable String year, Model model) {
    List<Integer> years = statistics.years();
    int shown =
        yearParameters.year(
            "year", year, years.isEmpty() ? yearParameters.thisYear() : years.get(0));
    Statistics.Summary s = statistics.summary(shown);
    Map<String, String> names = names();
    List<YearOption> options = yearOptions(years, shown);

    List<Charts.Datum> carats = new ArrayList<>();
    List<Charts.Datum> prices = new ArrayList<>();
    for (Statistics.Line l : s.production().byParticipant()) {
      carats.add(
          new Charts.Datum(
              l.name(),
              l.carats().value(),
              num().compact(l.carats()) + " ct",
              href(l.participant(), names)));
      UsdPerCarat perCarat = l.usdPerCarat();
      if (perCarat != null) {
        prices.add(
            new Charts.Datum(
                l.name(), perCarat.value(), num().amount(perCarat), href(l.participant(), names)));
      }
    }
    prices.sort(Comparator.comparing(Charts.Datum::value).reversed());
    model.addAttribute(
        "productionChart",
        Charts.bars(
            "production-carats",
            text("stats.chart.production.title", Integer.toString(shown)),
            text(
                "stats.chart.production.desc",
                Integer.toString(shown),
                num().compact(s.production().carats())),
            "tone-carats",
            carats,
            null,
            ""));
    model.addAttribute(
        "priceChart",
        Charts.bars(
            "production-price",
            text("stats.chart.price.title", Integer.toString(shown)),
            text(
                "stats.chart.price.desc",
                Integer.toString(shown),
                num().amount(s.production().usdPerCarat())),
            "tone-price",
            prices,
            Numbers.decimal(s.production().usdPerCarat()),
            text("stats.chart.price.marker", num().amount(s.production().usdPerCarat()))));
    model.addAttribute(
        "exportsChart", tradeChart("exports", text("stats.exports"), shown, s.exports(), names));
    model.addAttribute(
        "importsChart", tradeChart("imports", text("stats.imports"), shown, s.imports(), names));

    List<CountRow> counts = new ArrayList<>();
    s.certificates()
        .byParticipant()
        .forEach(
            (code, n) ->
                counts.add(
                    new CountRow(
                        code.code(),
                        names.getOrDefault(code.code(), code.code()),
                        n.issued(),
                        n.imported())));
    counts.sort(
        Comparator.comparingLong((CountRow r) -> r.issued() + r.imported())
            .reversed()
            .thenComparing(CountRow::participant));

    model.addAttribute("year", shown);
    model.addAttribute("years", options);
    model.addAttribute(
        "productionYears",
        options.stream().filter(YearOption::production).map(YearOption::year).toList());
    model.addAttribute("s", s);
    model.addAttribute("counts", counts);
    model.addAttribute("names", names);
    return "statistics/summary";
  }

  private Charts.BarChart tradeChart(
      String id, String what, int year, Statistics.Section section, Map<String, String> names) {
    List<Charts.Datum> data = new ArrayList<>();
    for (Statistics.Line l : section.byParticipant()) {
      data.add(
          new Charts.Datum(
              l.name(),
              l.carats().value(),
              num().compact(l.carats()) + " ct",
              href(l.participant(), names)));
    }
    return Charts.bars(
        id + "-carats",
        text("stats.chart.trade.title", what, Integer.toString(year)),
        text(
            "stats.chart.trade.desc",
            what,
            Integer.toString(year),
            num().compact(section.carats())),
        "tone-" + id,
        data,
        null,
        "");
  }

  @GetMapping("/statistics/participants/{code}")
  String participant(@PathVariable String code, Model model) {
    Participant p =
        Participants.codeOf(code)
            .flatMap(participants::detail)
            .orElseThrow(
                () ->
                    Problem.notFound(
                        "No participant with code " + code.toUpperCase(Locale.ROOT) + "."))
            .participant();
    int now = yearParameters.thisYear();
    List<Statistics.YearFigures> series =
        statistics.series(p.code(), Math.max(FIRST_YEAR, now - Statistics.MAX_YEARS + 1), now);
    int from = series.isEmpty() ? now : series.get(0).year();
    int to = series.isEmpty() ? now : series.get(series.size() - 1).year();

    TreeMap<Integer, BigDecimal> carats = new TreeMap<>();
    Map<Integer, BigDecimal> value = new TreeMap<>();
    Map<Integer, BigDecimal> price = new TreeMap<>();
    Map<Integer, BigDecimal> exports = new TreeMap<>();
    Map<Integer, BigDecimal> imports = new TreeMap<>();
    Map<Integer, BigDecimal> exportValue = new TreeMap<>();
    Map<Integer, BigDecimal> importValue = new TreeMap<>();
    Statistics.YearFigures latest = null;
    for (Statistics.YearFigures y : series) {
      Statistics.Figure produced = y.production();
      if (produced != null) {
        carats.put(y.year(), produced.carats().value());
        value.put(y.year(), produced.valueUsd().value());
        UsdPerCarat perCarat = produced.usdPerCarat();
        if (perCarat != null) {
          price.put(y.year(), perCarat.value());
        }
        latest = y;
      }
      Statistics.Figure exported = y.exports();
      if (exported != null) {
        exports.put(y.year(), exported.carats().value());
        exportValue.put(y.year(), exported.valueUsd().value());
      }
      Statistics.Figure imported = y.imports();
      if (imported != null) {
        imports.put(y.year(), imported.carats().value());
        importValue.put(y.year(), imported.valueUsd().value());
      }
    }
    Function<BigDecimal, String> ct = d -> num().compact(d) + " ct";
    Function<BigDecimal, String> usd = num()::usd;
    Function<BigDecimal, String> perCarat = num()::amount;
    String name = p.name();
    // Production and trade each over their own years: published figures reach back further than
    // the certificates.
    int prodFrom = carats.isEmpty() ? from : carats.firstKey();
    int prodTo = carats.isEmpty() ? to : carats.lastKey();
    TreeSet<Integer> tradeYears = new TreeSet<>(exports.keySet());
    tradeYears.addAll(imports.keySet());
    int tradeFrom = tradeYears.isEmpty() ? from : tradeYears.first();
    int tradeTo = tradeYears.isEmpty() ? to : tradeYears.last();
    String range = range(prodFrom, prodTo);
    String years = " " + text("stats.years");
    model.addAttribute(
        "volumeChart",
        Charts.columns(
            "production-volume",
            text("stats.chart.volume.title", name),
            text("stats.chart.volume.desc", name, range) + years,
            prodFrom,
            prodTo,
            List.of(
                new Charts.Series(text("stats.series.production"), "tone-carats", carats, ct))));
    model.addAttribute(
        "valueChart",
        Charts.columns(
            "production-value",
            text("stats.chart.value.title", name),
            text("stats.chart.value.desc", name, range) + years,
            prodFrom,
            prodTo,
            List.of(
                new Charts.Series(
                    text("stats.series.productionValue"), "tone-value", value, usd))));
    model.addAttribute(
        "priceChart",
        Charts.line(
            "production-price",
            text("stats.chart.ppc.title", name),
            text("stats.chart.ppc.desc", name, range),
            prodFrom,
            prodTo,
            new Charts.Series(text("stats.series.perCarat"), "tone-price", price, perCarat)));
    boolean trade = !exports.isEmpty() || !imports.isEmpty();
    model.addAttribute(
        "tradeChart",
        Charts.columns(
            "trade-carats",
            text("stats.chart.tradeCarats.title", name),
            text("stats.chart.tradeCarats.desc", name, range(tradeFrom, tradeTo)) + years,
            tradeFrom,
            tradeTo,
            List.of(
                new Charts.Series(text("stats.exports"), "tone-exports", exports, ct),
                new Charts.Series(text("stats.imports"), "tone-imports", imports, ct))));
    model.addAttribute(
        "tradeValueChart",
        Charts.columns(
            "trade-value",
            text("stats.chart.tradeValue.title", name),
            text("stats.chart.tradeValue.desc", name, range(tradeFrom, tradeTo)) + years,
            tradeFrom,
            tradeTo,
            List.of(
                new Charts.Series(text("stats.exports"), "tone-exports", exportValue, usd),
                new Charts.Series(text("stats.imports"), "tone-imports", importValue, usd))));
    model.addAttribute("p", p);
    model.addAttribute("series", series.reversed());
    model.addAttribute("latest", latest);
    model.addAttribute("production", !carats.isEmpty());
    model.addAttribute("trade", trade);
    return "statistics/participant";
  }

  private static String range(int from, int to) {
    return from == to ? Integer.toString(from) : from + "–" + to;
  }

  /**
   * A cell of the trade matrix: carats and value, and its shade (0 for none, 1 to 5); {@code
   * suppressed} for a row's cells folded into its "other" total.
   */
  record Cell(
      @Nullable BigDecimal carats,
      @Nullable BigDecimal valueUsd,
      int shade,
      String title,
      boolean suppressed) {
    Cell(@Nullable BigDecimal carats, @Nullable BigDecimal valueUsd, int shade, String title) {
      this(carats, valueUsd, shade, title, false);
    }
  }

  /** An exporting participant's row, with its "other" cell and its total. */
  record Row(
      String code, String name, @Nullable String href, List<Cell> cells, Cell other, Cell total) {}

  /** An importing participant's column head. */
  record Head(String code, String name, @Nullable String href) {}

  /** A step of the shading legend. */
  record Shade(int shade, String label) {}

  static final int SHADES = 5;

  /** The shade of a value: 1 to 5 on a square-root scale of the largest cell, 0 for none. */
  static int shade(@Nullable BigDecimal v, double max) {
    if (v == null || v.signum() <= 0 || max <= 0) {
      return 0;
    }
    int s = (int) Math.ceil(Math.sqrt(v.doubleValue() / max) * SHADES);
    return Math.max(1, Math.min(SHADES, s));
  }

  private static BigDecimal measure(TradeMatrix.Cell c, boolean byValue) {
    return byValue ? c.valueUsd().value() : c.carats().value();
  }

  /**
   * The trade matrix. The public sees only the cells backed by enough certificates, the others of a
   * row in its "Other" column; the KP secretariat, signed in, sees every cell.
   */
  @GetMapping("/statistics/matrix")
  String matrix(
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(defaultValue = "carats") String by,
      @Nullable Caller caller,
      Model model) {
    List<Integer> years = statistics.years();
    int shown =
        yearParameters.year(
            "year", year, years.isEmpty() ? yearParameters.thisYear() : years.get(0));
    boolean byValue = by.equals("value");
    TradeMatrix matrix = statistics.matrix(caller, shown);
    Map<String, String> names = names();

    TreeSet<ParticipantCode> importers = new TreeSet<>();
    matrix.rows().forEach(row -> row.cells().forEach(c -> importers.add(c.importer())));
    boolean anyOther = matrix.rows().stream().anyMatch(row -> row.other() != null);
    double max =
        matrix.rows().stream()
            .flatMap(row -> row.cells().stream())
            .mapToDouble(c -> measure(c, byValue).doubleValue())
            .max()
            .orElse(0);

    Map<ParticipantCode, BigDecimal[]> columnTotals = new LinkedHashMap<>();
    importers.forEach(
        i -> columnTotals.put(i, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
    BigDecimal[] otherTotal = {BigDecimal.ZERO, BigDecimal.ZERO};
    BigDecimal[] grand = {BigDecimal.ZERO, BigDecimal.ZERO};
    List<Row> rows = new ArrayList<>();
    for (TradeMatrix.Row row : matrix.rows()) {
      String from = row.exporter().code();
      String fromName = names.getOrDefault(from, from);
      Map<ParticipantCode, TradeMatrix.Cell> byImporter = new HashMap<>();
      row.cells().forEach(c -> byImporter.put(c.importer(), c));
      List<Cell> cells = new ArrayList<>();
      for (ParticipantCode to : importers) {
        TradeMatrix.Cell c = byImporter.get(to);
        String toName = names.getOrDefault(to.code(), to.code());
        if (c == null) {
          cells.add(
              new Cell(
                  null,
                  null,
                  0,
                  text(anyOther ? "stats.cell.noCell" : "stats.cell.nothing", fromName, toName)));
          continue;
        }
        cells.add(
            new Cell(
                c.carats().value(),
                c.valueUsd().value(),
                shade(measure(c, byValue), max),
                text(
                    "stats.cell.route",
                    fromName,
                    toName,
                    num().amount(c.carats()),
                    num().amount(c.valueUsd()))));
        BigDecimal[] column = columnTotals.get(to);
        column[0] = column[0].add(c.carats().value());
        column[1] = column[1].add(c.valueUsd().value());
      }
      TradeMatrix.Other other = row.other();
      Cell otherCell;
      if (other == null) {
        otherCell = new Cell(null, null, 0, text("stats.cell.allShown", fromName));
      } else {
        otherCell =
            new Cell(
                other.carats().value(),
                other.valueUsd().value(),
                0,
                text(
                    "stats.cell.other",
                    fromName,
                    Integer.toString(other.cells()),
                    Integer.toString(matrix.minCertificates()),
                    num().amount(other.carats()),
                    num().amount(other.valueUsd())),
                true);
        otherTotal[0] = otherTotal[0].add(other.carats().value());
        otherTotal[1] = otherTotal[1].add(other.valueUsd().value());
      }
      grand[0] = grand[0].add(row.carats().value());
      grand[1] = grand[1].add(row.valueUsd().value());
      rows.add(
          new Row(
              from,
              fromName,
              href(from, names),
              cells,
              otherCell,
              new Cell(
                  row.carats().value(),
                  row.valueUsd().value(),
                  0,
                  text("stats.cell.rowTotal", fromName))));
    }
    List<Head> heads = new ArrayList<>();
    List<Cell> totals = new ArrayList<>();
    for (ParticipantCode to : importers) {
      String toName = names.getOrDefault(to.code(), to.code());
      heads.add(new Head(to.code(), toName, href(to.code(), names)));
      BigDecimal[] t = columnTotals.get(to);
      totals.add(
          new Cell(
              t[0],
              t[1],
              0,
              text(anyOther ? "stats.cell.columnShown" : "stats.cell.columnTotal", toName)));
    }
    List<Shade> legend = new ArrayList<>();
    for (int k = 1; k <= SHADES; k++) {
      double upTo = max * Math.pow((double) k / SHADES, 2);
      legend.add(
          new Shade(
              k,
              text(
                  "stats.legend.upTo",
                  byValue ? num().usd(BigDecimal.valueOf(upTo)) : num().compact(upTo) + " ct")));
    }
    model.addAttribute("year", shown);
    model.addAttribute("years", yearOptions(years, shown));
    model.addAttribute("by", byValue ? "value" : "carats");
    model.addAttribute("heads", heads);
    model.addAttribute("rows", rows);
    model.addAttribute("totals", totals);
    model.addAttribute("anyOther", anyOther);
    model.addAttribute("complete", matrix.complete());
    model.addAttribute("minCertificates", matrix.minCertificates());
    model.addAttribute(
        "otherTotal",
        new Cell(otherTotal[0], otherTotal[1], 0, text("stats.cell.otherTotal"), true));
    model.addAttribute("grand", new Cell(grand[0], grand[1], 0, text("stats.cell.grand")));
    model.addAttribute("legend", legend);
    return "statistics/matrix";
  }
}
