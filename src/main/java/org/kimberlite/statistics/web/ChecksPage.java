package org.kimberlite.statistics.web;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.statistics.DataQuality;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The KP secretariat's view of the statistics checks: mirror, anomaly and missing findings. */
@Controller
class ChecksPage {
  private final DataQuality quality;
  private final YearParameters years;

  ChecksPage(DataQuality quality, Clock clock) {
    this.quality = quality;
    this.years = new YearParameters(clock);
  }

  @Bean
  static NavItem statisticsChecksNav() {
    return NavItem.forRoles(
        "nav.statisticsChecks", "/secretariat/statistics-checks", 40, "KP_SECRETARIAT");
  }

  @GetMapping("/secretariat/statistics-checks")
  String page(Caller caller, @RequestParam(required = false) @Nullable String year, Model model) {
    int y = years.year("year", year, years.thisYear());
    model.addAttribute("year", y);
    model.addAttribute("findings", StatisticsApi.checked(quality.findings(caller, y)));
    return "statistics-checks";
  }
}
