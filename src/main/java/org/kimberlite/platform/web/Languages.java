package org.kimberlite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages of the pages: English (the default) and French. {@code ?lang=fr} or {@code
 * ?lang=en} on any page switches and is remembered in a cookie; without one the browser's
 * Accept-Language chooses; anything else falls back to English. Machine interfaces (JSON, CSV, the
 * log, EPCIS) never depend on the language.
 */
@Configuration
public class Languages implements WebMvcConfigurer {
  /** The languages pages are written in, the default first. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

  /** The query parameter that switches the language. */
  public static final String PARAMETER = "lang";

  static final String COOKIE = "kimberlite-lang";

  /** The supported language {@code tag} names (a language code), or null when it is none. */
  public static @Nullable Locale supported(@Nullable String tag) {
    if (tag == null || tag.isEmpty() || tag.length() > 35) {
      return null;
    }
    String language = tag.length() >= 2 ? tag.substring(0, 2) : tag;
    for (Locale l : SUPPORTED) {
      if (l.getLanguage().equalsIgnoreCase(language)
          && (tag.length() == 2 || tag.charAt(2) == '-' || tag.charAt(2) == '_')) {
        return l;
      }
    }
    return null;
  }

  /** The language for a request without a choice of its own: Accept-Language, else English. */
  static Locale negotiated(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header != null && header.length() <= 1000) {
      try {
        Locale match =
            Locale.lookup(
                Locale.LanguageRange.parse(header),
                SUPPORTED.stream().map(Locale::getLanguage).map(Locale::forLanguageTag).toList());
        if (match != null) {
          return supported(match.getLanguage()) instanceof Locale l ? l : SUPPORTED.getFirst();
        }
      } catch (IllegalArgumentException malformed) {
        // An unreadable header chooses nothing.
      }
    }
    return SUPPORTED.getFirst();
  }

  @Bean
  LocaleResolver localeResolver() {
    Resolver resolver = new Resolver(COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(Languages::negotiated);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new Switch(localeResolver()))
        .excludePathPatterns("/api/**", "/epcis/**", "/log/**", "/v3/**", "/actuator/**");
  }

  /**
   * The language of a request: {@code ?lang=} when it names a supported one (also on error pages,
   * which no interceptor sees), else the cookie's when supported, else Accept-Language.
   */
  static final class Resolver extends CookieLocaleResolver {
    Resolver(String name) {
      super(name);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Locale asked = supported(request.getParameter(PARAMETER));
      if (asked != null) {
        return asked;
      }
      Locale stored = supported(super.resolveLocale(request).getLanguage());
      return stored != null ? stored : negotiated(request);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
      return new SimpleLocaleContext(resolveLocale(request));
    }
  }

  /** Reads {@code ?lang=}: a supported language is remembered; any other value is ignored. */
  record Switch(LocaleResolver resolver) implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      Locale chosen = supported(request.getParameter(PARAMETER));
      if (chosen != null) {
        resolver.setLocale(request, response, chosen);
      }
      return true;
    }
  }
}
