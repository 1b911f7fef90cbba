package org.kimberlite.federation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.ExchangeProperties;
import org.kimberlite.federation.FederatedStatistics;
import org.kimberlite.federation.GlobalFigures;
import org.kimberlite.federation.OperatorView;
import org.kimberlite.federation.StatisticsExchangeProperties;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.statistics.Finding;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The global figures of a year as the secretariat reads them on its node: each participant's
 * exports, imports and production from the latest verified document of the node serving it (and
 * which node and version that is), the year's totals, the mirror analysis across nodes and the
 * state of fetching from each node. Who may read it is as for {@code GET
 * /api/v1/federation/statistics/{year}}: the KP secretariat, on the node that assembles them.
 */
@Controller
class GlobalFiguresConsole {
  static final String PATH = "/console/federation/statistics";

  /** The most years the year selector offers. */
  static final int YEARS = 30;

  private final FederatedStatistics federated;
  private final ExchangeProperties exchange;
  private final StatisticsExchangeProperties statistics;
  private final Clock clock;

  GlobalFiguresConsole(
      FederatedStatistics federated,
      ExchangeProperties exchange,
      StatisticsExchangeProperties statistics,
      Clock clock) {
    this.federated = federated;
    this.exchange = exchange;
    this.statistics = statistics;
    this.clock = clock;
  }

  /** In the navigation of the secretariat's node of a federation only (the one that publishes). */
  @Bean
  @ConditionalOnExpression(
      "'${kimberlite.federation.exchange.node-id:}' != ''"
          + " and '${kimberlite.federation.exchange.publish-directory:false}' == 'true'")
  static NavItem federationFiguresNav() {
    return NavItem.forRoles(
        "federation.figures.nav", PATH, 36, OrganisationRole.KP_SECRETARIAT.name());
  }

  /** The year's totals over every participant's line. */
  record Totals(
      GlobalFigures.Totals exports, GlobalFigures.Totals imports, GlobalFigures.Totals production) {

    static Totals of(List<GlobalFigures.Participant> lines) {
      return new Totals(
          sum(lines, GlobalFigures.Participant::exports),
          sum(lines, GlobalFigures.Participant::imports),
          sum(lines, GlobalFigures.Participant::production));
    }

    private static GlobalFigures.Totals sum(
        List<GlobalFigures.Participant> lines,
        Function<GlobalFigures.Participant, GlobalFigures.Totals> side) {
      List<GlobalFigures.Totals> all = lines.stream().map(side).toList();
      return new GlobalFigures.Totals(
          Carats.sum(all.stream().map(GlobalFigures.Totals::carats).toList()),
          UsdAmount.sum(all.stream().map(GlobalFigures.Totals::valueUsd).toList()),
          all.stream().mapToLong(GlobalFigures.Totals::certificates).sum());
    }
  }

  /**
   * One difference of the mirror analysis: A's exports to B in a quarter from A's document, B's
   * imports from A from B's, and what does not match.
   *
   * @param exporterNode the node whose document gives the exports (null when none is listed)
   * @param importerNode the node whose document gives the imports
   */
  record MirrorRow(
      String rule,
      String exporter,
      @Nullable String exporterNode,
      String importer,
      @Nullable String importerNode,
      String period,
      String severity,
      String message,
      @Nullable BigDecimal exportedCarats,
      @Nullable BigDecimal importedCarats,
      @Nullable BigDecimal differenceCarats,
      @Nullable BigDecimal exportedUsd,
      @Nullable BigDecimal importedUsd,
      @Nullable BigDecimal differenceUsd) {

    static MirrorRow of(Finding f, Map<String, String> nodes) {
      Map<String, String> e = f.evidence();
      String exporter = e.getOrDefault("exporter", f.participant().code());
      String importer = e.getOrDefault("importer", "");
      return new MirrorRow(
          f.rule(),
          exporter,
          nodes.get(exporter),
          importer,
          nodes.get(importer),
          f.period(),
          f.severity(),
          f.message(),
          decimal(e.get("exportedCarats")),
          decimal(e.get("importedCarats")),
          decimal(e.get("differenceCarats")),
          decimal(e.get("exportedUsd")),
          decimal(e.get("importedUsd")),
          decimal(e.get("differenceUsd")));
    }

    private static @Nullable BigDecimal decimal(@Nullable String text) {
      if (text == null) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  @GetMapping(PATH)
  String figures(
      Caller caller, @RequestParam(required = false) @Nullable String year, Model model) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      throw Problem.forbidden(StatisticsExchangeApi.SECRETARIAT_ONLY);
    }
    if (!federated.assembles()) {
      throw Problem.notFound(StatisticsExchangeApi.NOT_ASSEMBLED);
    }
    int y =
        year == null || year.isBlank()
            ? LocalDate.now(clock).getYear()
            : StatisticsExchangeApi.year(year);
    GlobalFigures figures =
        switch (federated.figures(caller, y)) {
          case OperatorView.Shown<GlobalFigures> shown -> shown.value();
          case OperatorView.NotAllowed<GlobalFigures> n ->
              throw Problem.forbidden(StatisticsExchangeApi.SECRETARIAT_ONLY);
        };
    Map<String, String> nodes = new HashMap<>();
    figures.participants().forEach(p -> nodes.put(p.participant(), p.node()));
    model.addAttribute("year", y);
    List<Integer> years = new ArrayList<>(federated.years(statistics.years(), YEARS));
    if (!years.contains(y)) {
      years.add(y);
      years.sort(Comparator.reverseOrder());
    }
    model.addAttribute("years", years);
    model.addAttribute("node", exchange.nodeId());
    model.addAttribute("figures", figures);
    model.addAttribute(
        "published", figures.participants().stream().anyMatch(p -> p.version() != null));
    model.addAttribute("totals", Totals.of(figures.participants()));
    model.addAttribute(
        "mirror", figures.mirror().stream().map(f -> MirrorRow.of(f, nodes)).toList());
    return "console/federation/statistics";
  }
}
