package org.kimberlite.certification.web;

import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.Verification;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Verification for anyone, without an account: {@code GET /api/v1/verify/certificates/{number}} and
 * the page {@code /verify/{number}} that a certificate's QR code opens. Prices and parties are
 * shown only to the certificate's parties and authorities.
 */
@Controller
class VerifyResources {
  private final Verification verification;

  VerifyResources(Verification verification) {
    this.verification = verification;
  }

  @Bean
  static PublicPaths certificationPublicPaths() {
    return PublicPaths.of(
        "/verify", "/verify/*", "/api/v1/verify/certificates/*", "/api/v1/certificates/*/proof");
  }

  @GetMapping("/api/v1/verify/certificates/{number}")
  @ResponseBody
  Verification.Result api(
      @PathVariable String number,
      @RequestParam(name = "p", required = false) @Nullable String payload,
      @Nullable Caller caller) {
    return verification.verify(number, payload, caller);
  }

  /** The home page's form: a number typed in goes to its verification page. */
  @GetMapping("/verify")
  String byNumber(@RequestParam String number) {
    String clean = number.strip().toUpperCase(java.util.Locale.ROOT);
    if (!clean.matches("[A-Z0-9-]{1,40}")) {
      throw org.kimberlite.shared.problem.Problem.invalid("number", "letters and digits only");
    }
    return "redirect:/verify/" + clean;
  }

  @GetMapping("/verify/{number}")
  String page(
      @PathVariable String number,
      @RequestParam(name = "p", required = false) @Nullable String payload,
      @Nullable Caller caller,
      Model model) {
    model.addAttribute("r", verification.verify(number, payload, caller));
    return "verify";
  }
}
