package org.kimberlite.statistics.web;

import java.time.LocalDate;
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

  ChecksPage(DataQuality quality) {
    this.quality = quality;
  }

  @Bean
  static NavItem statisticsChecksNav() {
    return NavItem.forRoles("Data quality", "/secretariat/statistics-checks", 40, "KP_SECRETARIAT");
  }

  @GetMapping("/secretariat/statistics-checks")
  String page(Caller caller, @RequestParam(required = false) @Nullable Integer year, Model model) {
    int y = year == null ? LocalDate.now().getYear() : year;
    model.addAttribute("year", y);
    model.addAttribute("findings", quality.findings(caller, y));
    return "statistics-checks";
  }
}
