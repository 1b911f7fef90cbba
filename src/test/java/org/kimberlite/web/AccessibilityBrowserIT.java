package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.demo.CertificationDemo;
import org.kimberlite.custody.demo.CustodyDemo;
import org.kimberlite.governance.demo.GovernanceDemo;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.statistics.demo.StatisticsDemo;
import org.kimberlite.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the list in {@code accessibility/pages.txt}, in English and in French, checked in
 * headless Chromium with axe-core: every rule axe runs by default (WCAG 2.0 and 2.1 levels A and
 * AA, and its best practices), violations of any impact fail the test. Each page must also be in
 * the language asked for ({@code <html lang>}) and show no message key that is missing from a
 * bundle. The demo world, a year of certificates, the statistics and the custody chain give the
 * pages their content. Every page has the language switch and no positive {@code tabindex}. The
 * findings are written to {@code target/accessibility.txt}. And one form, used with the keyboard
 * alone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class AccessibilityBrowserIT {
  static final List<String> LANGUAGES = List.of("en", "fr");
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** How Thymeleaf shows a message key that no bundle has: {@code ??key_fr??}. */
  static final java.util.regex.Pattern MISSING =
      java.util.regex.Pattern.compile("\\?\\?[A-Za-z0-9_.-]+\\?\\?");

  static WebDriver browser;
  static String axe;

  /** The demo accounts by username, once the demo world is made (by the first test). */
  static @Nullable Map<String, DemoAccount> accounts;

  static CustodyDemo.@Nullable Summary custodySummary;

  @LocalServerPort int port;
  @Autowired DemoWorld world;
  @Autowired CertificationDemo certificates;
  @Autowired StatisticsDemo statistics;
  @Autowired CustodyDemo custody;
  @Autowired GovernanceDemo governance;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:accessibility-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browsers.headless(1280, 1000);
    try (InputStream in =
        AccessibilityBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      axe =
          new String(
              Objects.requireNonNull(in, "axe.min.js").readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** One line of the page list. */
  record Page(String account, String path) {}

  static List<Page> pages() throws IOException {
    List<Page> pages = new ArrayList<>();
    try (InputStream in =
        AccessibilityBrowserIT.class
            .getClassLoader()
            .getResourceAsStream("accessibility/pages.txt")) {
      String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.lines().toList()) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int space = l.indexOf(' ');
        pages.add(new Page(l.substring(0, space), l.substring(space).strip()));
      }
    }
    return pages;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void signIn(String username, Map<String, DemoAccount> accounts) {
    signIn(browser, username, accounts);
  }

  void signIn(WebDriver b, String username, Map<String, DemoAccount> accounts) {
    b.manage().deleteAllCookies();
    if (username.equals("-")) {
      return;
    }
    DemoAccount a = Objects.requireNonNull(accounts.get(username), username);
    b.get(url("/login"));
    b.findElement(By.id("username")).sendKeys(a.username());
    b.findElement(By.id("password")).sendKeys(a.password());
    b.findElement(By.id("sign-in")).click();
    new WebDriverWait(b, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());
  }

  String first(String path, String css, String attribute) {
    browser.get(url(path));
    List<org.openqa.selenium.WebElement> found = browser.findElements(By.cssSelector(css));
    assertThat(found).as(path + " has " + css + ":\n" + browser.getPageSource()).isNotEmpty();
    return Objects.requireNonNull(found.getFirst().getDomAttribute(attribute), css);
  }

  /** As {@link #first}, for rows raised in the background: waits up to 60 s for one. */
  String awaitFirst(String path, String css, String attribute) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      browser.get(url(path));
      List<org.openqa.selenium.WebElement> found = browser.findElements(By.cssSelector(css));
      if (!found.isEmpty()) {
        return Objects.requireNonNull(found.getFirst().getDomAttribute(attribute), css);
      }
      Thread.sleep(1000);
    }
    return first(path, css, attribute);
  }

  static String withLanguage(String path, String language) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
  }

  /** axe-core's violations on the page now in browser {@code b}. */
  static JsonNode violations(WebDriver b) {
    JavascriptExecutor js = (JavascriptExecutor) b;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical',"
                + " help: String(e), nodes: []}])));");
    return JSON.readTree(String.valueOf(result));
  }

  /** The demo world, a year of certificates, the statistics and the custody chain, made once. */
  Map<String, DemoAccount> demo() throws InterruptedException {
    if (accounts == null) {
      List<DemoAccount> created = world.create();
      certificates.create(created);
      statistics.create();
      custodySummary = custody.create(created);
      governance.create(created);
      Map<String, DemoAccount> byName = new HashMap<>();
      created.forEach(a -> byName.put(a.username(), a));
      accounts = byName;
    }
    return accounts;
  }

  @Test
  void everyPagePassesAxeInEnglishAndFrench() throws Exception {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Map<String, DemoAccount> accounts = demo();
    CustodyDemo.Summary summary = Objects.requireNonNull(custodySummary);

    Map<String, String> values = new HashMap<>();
    values.put("{trace}", summary.publicTraces().values().iterator().next());
    signIn("kp-bw", accounts);
    values.put("{certificate}", first("/console/certificates", "tr[data-number]", "data-number"));
    signIn("carat-crown", accounts);
    values.put("{epc}", first("/console/custody/inventory", "tr[data-epc]", "data-epc"));
    signIn("deccan-lgd", accounts);
    values.put("{job}", first("/console/custody/events", "tr[data-job]", "data-job"));
    signIn("kp-secretariat", accounts);
    values.put("{finding}", awaitFirst("/console/findings", "tr[data-finding]", "data-finding"));
    values.put("{visit}", first("/console/review-visits", "#visits tr[data-visit]", "data-visit"));
    values.put(
        "{year}", Integer.toString(java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear()));
    values.put(
        "{lastYear}",
        Integer.toString(java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() - 1));
    values.put("{carat-crown}", accounts.get("carat-crown").organisationId().toString());

    // Two browsers, each through one half of the list, side by side: axe-core's run in the
    // browser is most of a page view's time, and the machine has a processor for each.
    List<Page> all = pages();
    int half = (all.size() + 1) / 2;
    WebDriver second = Browsers.headless(1280, 1000);
    Shard first;
    Shard other;
    try {
      second.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      java.util.concurrent.CompletableFuture<Shard> secondHalf =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> check(second, all.subList(half, all.size()), values, accounts));
      first = check(browser, all.subList(0, half), values, accounts);
      other = secondHalf.join();
    } finally {
      second.quit();
    }
    int checked = first.checked() + other.checked();
    String report = first.report() + other.report();
    List<String> failures = new ArrayList<>(first.failures());
    failures.addAll(other.failures());
    Path target = Path.of("target", "accessibility.txt");
    Files.createDirectories(target.getParent());
    Files.writeString(
        target,
        checked + " page views checked\n" + report + "\n" + String.join("\n", failures) + "\n",
        StandardCharsets.UTF_8);
    assertThat(checked).isEqualTo(pages().size() * LANGUAGES.size());
    assertThat(failures).as("accessibility and language failures").isEmpty();
  }

  /** What one browser found on its part of the page list. */
  record Shard(int checked, String report, List<String> failures) {}

  /** Opens each page of {@code pages} in both languages in {@code b} and checks it. */
  Shard check(
      WebDriver b,
      List<Page> pages,
      Map<String, String> values,
      Map<String, DemoAccount> accounts) {
    List<String> failures = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    String signedIn = null;
    int checked = 0;
    for (Page page : pages) {
      if (!page.account().equals(signedIn)) {
        signIn(b, page.account(), accounts);
        signedIn = page.account();
      }
      String path = page.path();
      for (Map.Entry<String, String> v : values.entrySet()) {
        path = path.replace(v.getKey(), v.getValue());
      }
      for (String language : LANGUAGES) {
        long started = System.nanoTime();
        b.get(url(withLanguage(path, language)));
        String where = page.account() + " " + path + " [" + language + "]";
        String lang = b.findElement(By.tagName("html")).getDomAttribute("lang");
        if (!language.equals(lang)) {
          failures.add(where + ": <html lang=\"" + lang + "\">");
        }
        if (b.findElements(By.cssSelector(".languages [data-lang=en]")).isEmpty()
            || b.findElements(By.cssSelector(".languages [data-lang=fr]")).isEmpty()) {
          failures.add(where + ": no language switch (fragments/layout :: header)");
        }
        if (!b.findElements(By.cssSelector("[tabindex]:not([tabindex='0']):not([tabindex^='-'])"))
            .isEmpty()) {
          failures.add(where + ": a positive tabindex changes the keyboard order");
        }
        String source = Objects.requireNonNull(b.getPageSource());
        java.util.regex.Matcher missing = MISSING.matcher(source);
        if (missing.find()) {
          failures.add(where + ": a message is missing: " + missing.group());
        }
        JsonNode found = violations(b);
        checked++;
        report
            .append(where)
            .append(": ")
            .append(found.size())
            .append(" violation(s), ")
            .append((System.nanoTime() - started) / 1_000_000)
            .append(" ms\n");
        for (JsonNode v : found) {
          StringBuilder nodes = new StringBuilder();
          for (JsonNode n : v.path("nodes")) {
            nodes.append("\n      ").append(n.path("target").toString());
            nodes.append(" ").append(n.path("failureSummary").asString("").replace('\n', ' '));
          }
          String line =
              where
                  + ": "
                  + v.path("id").asString()
                  + " ("
                  + v.path("impact").asString()
                  + ") "
                  + v.path("help").asString()
                  + nodes;
          failures.add(line);
          report.append("  ").append(line).append('\n');
        }
      }
    }
    return new Shard(checked, report.toString(), failures);
  }

  /** The element that has the keyboard focus, described for messages. */
  static String focused() {
    return String.valueOf(
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.activeElement;"
                    + "return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    + " + (e.name ? '[name=' + e.name + ']' : '')"
                    + " + (e.dataset.lang ? '[data-lang=' + e.dataset.lang + ']' : '');"));
  }

  /** Whether the focused element shows it: an outline or a shadow (the focus ring). */
  static boolean focusVisible() {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser)
            .executeScript(
                "const s = getComputedStyle(document.activeElement);"
                    + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                    + " || s.boxShadow !== 'none';"));
  }

  static void press(CharSequence key) {
    browser.switchTo().activeElement().sendKeys(key);
  }

  /** Presses Tab until {@code css} has the focus (at most 60 times). */
  static void tabTo(String css) {
    for (int i = 0;
        i < 60
            && !browser.switchTo().activeElement().equals(browser.findElement(By.cssSelector(css)));
        i++) {
      press(Keys.TAB);
    }
    assertThat(browser.switchTo().activeElement())
        .as("Tab reaches " + css)
        .isEqualTo(browser.findElement(By.cssSelector(css)));
  }

  /**
   * With the keyboard alone: sign in, switch the page to French, and go through the certificate
   * form, whose every control takes the focus in the order it is read, each visibly.
   */
  @Test
  void aFormIsUsableWithTheKeyboardAlone() throws InterruptedException {
    DemoAccount bw = Objects.requireNonNull(demo().get("kp-bw"));
    browser.manage().deleteAllCookies();
    browser.get(url("/login?lang=en"));
    // Tab to the username field (it has the focus on arrival), then on; Enter sends.
    tabTo("#username");
    press(bw.username());
    press(Keys.TAB);
    assertThat(focused()).isEqualTo("input#password[name=password]");
    assertThat(focusVisible()).as("the focus shows on " + focused()).isTrue();
    press(bw.password());
    press(Keys.TAB);
    assertThat(focused()).isEqualTo("button#sign-in");
    assertThat(focusVisible()).as("the focus shows on " + focused()).isTrue();
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());

    // The language switch, from the top of the page.
    browser.get(url("/console/certificates/new"));
    tabTo(".languages a[data-lang=fr]");
    assertThat(focusVisible()).as("the focus shows on the language switch").isTrue();
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));

    // Every control of the form, in order, each showing the focus.
    @SuppressWarnings("unchecked")
    List<org.openqa.selenium.WebElement> controls =
        (List<org.openqa.selenium.WebElement>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Array.from(document.querySelectorAll('#issue-form input:not([type=hidden]),"
                        + " #issue-form select, #issue-form textarea, #issue-form button'))"
                        + ".filter(e => !e.disabled && e.offsetParent !== null);");
    assertThat(controls).hasSizeGreaterThan(10);
    tabTo("#issue-form select[name=exporter]");
    List<String> visited = new ArrayList<>();
    for (int i = 0; i < controls.size(); i++) {
      if (i > 0) {
        press(Keys.TAB);
        // A date field takes one Tab per part (day, month, year) before the next control.
        for (int part = 0;
            part < 3 && browser.switchTo().activeElement().equals(controls.get(i - 1));
            part++) {
          press(Keys.TAB);
        }
      }
      assertThat(browser.switchTo().activeElement())
          .as("control " + i + " of the form after " + visited)
          .isEqualTo(controls.get(i));
      assertThat(focusVisible()).as("the focus shows on " + focused()).isTrue();
      visited.add(focused());
    }
    assertThat(visited.getLast()).isEqualTo("button#issue");
  }
}
