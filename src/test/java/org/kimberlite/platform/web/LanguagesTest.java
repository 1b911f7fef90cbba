package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: {@code ?lang=} switches and is remembered, else the cookie, else
 * Accept-Language, else English; anything else falls back and never fails. And the bundles: French
 * has every English key in every bundle, and no message with arguments holds a lone apostrophe
 * (which MessageFormat would swallow with the text after it).
 */
class LanguagesTest {
  final LocaleResolver resolver = new Languages().localeResolver();

  static MockHttpServletRequest request() {
    return new MockHttpServletRequest("GET", "/participants");
  }

  @Test
  void theParameterSwitchesAndIsRemembered() throws Exception {
    MockHttpServletRequest first = request();
    first.setParameter("lang", "fr");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new Languages.Switch(resolver).preHandle(first, response, new Object());
    assertThat(resolver.resolveLocale(first)).isEqualTo(Locale.FRENCH);
    Cookie cookie = response.getCookie("kimberlite-lang");
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();

    MockHttpServletRequest next = request();
    next.setCookies(cookie);
    next.addHeader("Accept-Language", "en");
    assertThat(resolver.resolveLocale(next)).isEqualTo(Locale.FRENCH);
  }

  @Test
  void acceptLanguageChoosesWhenNothingElseDoes() {
    MockHttpServletRequest r = request();
    r.addHeader("Accept-Language", "de-DE, fr-CA;q=0.8, en;q=0.5");
    assertThat(resolver.resolveLocale(r)).isEqualTo(Locale.FRENCH);
    MockHttpServletRequest german = request();
    german.addHeader("Accept-Language", "de");
    assertThat(resolver.resolveLocale(german)).isEqualTo(Locale.ENGLISH);
    assertThat(resolver.resolveLocale(request())).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void anythingElseFallsBackWithoutFailing() throws Exception {
    for (String bad :
        List.of("de", "", "f", "français", "fr;drop table", "x".repeat(5000), "FR-fr", "en_GB")) {
      MockHttpServletRequest r = request();
      r.setParameter("lang", bad);
      r.addHeader("Accept-Language", "%%%;q=nonsense");
      MockHttpServletResponse response = new MockHttpServletResponse();
      new Languages.Switch(resolver).preHandle(r, response, new Object());
      Locale l = resolver.resolveLocale(r);
      assertThat(Languages.SUPPORTED).contains(l);
    }
    MockHttpServletRequest forged = request();
    forged.setCookies(new Cookie("kimberlite-lang", "de"));
    assertThat(resolver.resolveLocale(forged)).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.supported("FR-fr")).isEqualTo(Locale.FRENCH);
    assertThat(Languages.supported("en_GB")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.supported("fra")).isNull();
  }

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LanguagesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static final Pattern ARGUMENT = Pattern.compile("\\{\\d+}");

  /** Every bundle the pages read: {@code spring.messages.basename} of the application. */
  static List<String> bundles() throws IOException {
    String names = bundle("application.properties").getProperty("spring.messages.basename");
    assertThat(names).isNotBlank();
    return List.of(names.split("\\s*,\\s*"));
  }

  @Test
  void theBundlesAgreeAndTheirApostrophesSurvive() throws IOException {
    for (String name : bundles()) {
      Properties en = bundle(name + ".properties");
      Properties fr = bundle(name + "_fr.properties");
      Set<String> missing = new TreeSet<>(en.stringPropertyNames());
      missing.removeAll(fr.stringPropertyNames());
      assertThat(missing).as(name + ": keys without French").isEmpty();
      Set<String> extra = new TreeSet<>(fr.stringPropertyNames());
      extra.removeAll(en.stringPropertyNames());
      assertThat(extra).as(name + ": French keys without English").isEmpty();
      List<String> lone = new ArrayList<>();
      for (Properties p : List.of(en, fr)) {
        for (String key : p.stringPropertyNames()) {
          String v = p.getProperty(key);
          if (ARGUMENT.matcher(v).find() && v.replace("''", "").contains("'")) {
            lone.add(key + "=" + v);
          }
        }
      }
      assertThat(lone).as(name + ": messages with arguments and a lone apostrophe").isEmpty();
    }
  }
}
