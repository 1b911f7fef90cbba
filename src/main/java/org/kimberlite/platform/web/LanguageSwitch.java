package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Puts the language switch on every page: this page in each other language. */
@ControllerAdvice(annotations = Controller.class)
class LanguageSwitch {

  /**
   * One entry of the switch.
   *
   * @param code the language code ({@code hreflang} and {@code lang})
   * @param name the language's name in itself
   * @param href this page in that language
   * @param current whether it is the language of the page
   */
  record Language(String code, String name, String href, boolean current) {}

  @ModelAttribute("languages")
  List<Language> languages(HttpServletRequest request) {
    Locale now = LocaleContextHolder.getLocale();
    return Languages.SUPPORTED.stream()
        .map(
            l ->
                new Language(
                    l.getLanguage(),
                    l.getLanguage().equals("fr") ? "Français" : "English",
                    ServletUriComponentsBuilder.fromRequest(request)
                        .replaceQueryParam(Languages.PARAMETER, l.getLanguage())
                        .build()
                        .toUriString()
                        .replaceFirst("^[a-z]+://[^/]+", ""),
                    l.getLanguage().equals(now.getLanguage())))
        .toList();
  }
}
