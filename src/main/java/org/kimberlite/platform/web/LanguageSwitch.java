package org.kimberlite.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Puts the language switch on every page: this page in each other language. Error pages, drawn
 * outside the controllers' model, add it themselves ({@link #of}).
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageSwitch {
  private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-z]+://[^/]+");

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
    return of(request);
  }

  /**
   * The switch for the page {@code request} draws; on an error page (a controller's refusal or the
   * container's error path) it points at the page asked for, so that its language can change too.
   */
  static List<Language> of(HttpServletRequest request) {
    Locale now = LocaleContextHolder.getLocale();
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return Languages.SUPPORTED.stream()
        .map(
            l ->
                new Language(
                    l.getLanguage(),
                    l.getLanguage().equals("fr") ? "Français" : "English",
                    SCHEME_AND_HOST
                        .matcher(
                            (failed == null
                                    ? ServletUriComponentsBuilder.fromRequest(request)
                                    : ServletUriComponentsBuilder.fromPath(failed.toString()))
                                .replaceQueryParam(Languages.PARAMETER, l.getLanguage())
                                .build()
                                .toUriString())
                        .replaceFirst(""),
                    l.getLanguage().equals(now.getLanguage())))
        .toList();
  }
}
