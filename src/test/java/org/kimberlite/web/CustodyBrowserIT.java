package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.demo.CustodyDemo;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Demo companies in headless Chromium, on the custody demo's data: the retailer's inventory holds
 * the ring not yet sold (natural, of Botswanan and Canadian origin, warranted) and leads to its
 * trace drawn from the mines; a signed-out shopper opens the sold ring's consumer page (natural,
 * origins, KP certificates that verify, the QR code, no company's data); the jeweller's invoices
 * carry their warranty statements; the laboratory-grown producer sees its refused invoice among its
 * capture jobs; the cutter uploads a document with a bad event and the job page shows the error
 * against that event.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class CustodyBrowserIT {
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DemoWorld world;
  @Autowired CustodyDemo custody;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:custody-browser-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browsers.headless(1400, 1400);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  void signIn(DemoAccount a) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(a.username());
    browser.findElement(By.id("password")).sendKeys(a.password());
    browser.findElement(By.id("sign-in")).click();
    waitUpTo(10)
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());
  }

  static DemoAccount account(List<DemoAccount> all, String username) {
    return all.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
  }

  @Test
  void companiesSeeTheirInventoryInvoicesAndCaptureErrors() throws Exception {
    List<DemoAccount> accounts = world.create();
    CustodyDemo.Summary summary = custody.create(accounts);
    assertThat(summary.failures()).isEmpty();

    // The retailer: the nav leads to the inventory; the unsold ring is there, the sold one not.
    signIn(account(accounts, "carat-crown"));
    browser.findElement(By.linkText("Custody")).click();
    WebElement inventory = waitUpTo(10).until(d -> d.findElement(By.id("inventory")));
    WebElement ring = inventory.findElement(By.cssSelector("tr[data-epc*='RING-2']"));
    assertThat(ring.getText()).contains("jewellery", "natural", "BW, CA", "0.90", "yes");
    assertThat(inventory.getText()).doesNotContain("RING-1");
    screenshot("custody-inventory");

    // From the inventory to the ring's trace: the path drawn from the mines, steps with proofs.
    ring.findElement(By.tagName("a")).click();
    WebElement graph = waitUpTo(10).until(d -> d.findElement(By.id("graph")));
    assertThat(graph.findElements(By.tagName("svg"))).isNotEmpty();
    assertThat(browser.findElement(By.id("trace-nature")).getText()).isEqualTo("natural");
    assertThat(browser.findElement(By.id("trace-origins")).getText()).contains("BW", "CA");
    assertThat(browser.findElement(By.id("hops")).getText()).contains("commissioning");
    screenshot("custody-trace");

    // A shopper, signed out, opens the page the sold ring's tag leads to.
    browser.manage().deleteAllCookies();
    String ring1 = summary.publicTraces().get("urn:epc:id:sgtin:9521006.040001.RING-1");
    browser.get(url("/trace/" + ring1));
    WebElement verdict = waitUpTo(10).until(d -> d.findElement(By.id("verdict")));
    assertThat(verdict.getText()).contains("NATURAL");
    assertThat(browser.findElement(By.id("origins")).getText()).containsAnyOf("BW", "CA");
    List<WebElement> certificates =
        browser.findElements(By.cssSelector("#certificates .certificate"));
    assertThat(certificates).isNotEmpty();
    certificates.forEach(c -> assertThat(c.getText()).contains("verifies"));
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("commissioning", "retail selling");
    assertThat(page).doesNotContain("Carat & Crown", "CC-2025-7781", "Kalahari");
    Object qrWidth =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return document.getElementById('qr').naturalWidth;");
    assertThat(((Number) qrWidth).intValue()).as("the QR image loads").isPositive();
    screenshot("custody-consumer-trace");

    // The jeweller: its invoice to the retailer with the warranty statement.
    signIn(account(accounts, "hudson-jewelry"));
    browser.get(url("/console/custody/invoices"));
    WebElement invoices = waitUpTo(10).until(d -> d.findElement(By.id("invoices")));
    assertThat(invoices.getText())
        .contains("HFJ-2025-0450", "Carat & Crown Jewelers", "conflict free", "WDC SoW");
    screenshot("custody-invoices");

    // The laboratory-grown producer: its refused invoice among its capture jobs, under NOM-01.
    signIn(account(accounts, "deccan-lgd"));
    browser.get(url("/console/custody/events"));
    WebElement jobs = waitUpTo(10).until(d -> d.findElement(By.id("jobs")));
    assertThat(jobs.getText()).contains("refused", "NOM-01");

    // The cutter uploads a document whose second event has a time that is no time.
    signIn(account(accounts, "tapti-diamonds"));
    browser.get(url("/console/custody/findings"));
    waitUpTo(10).until(d -> d.findElement(By.id("no-findings")));
    browser.findElement(By.id("tab-events")).click();
    Path upload = Files.createTempFile("custody-upload-", ".jsonld");
    Files.writeString(upload, badDocument(), StandardCharsets.UTF_8);
    waitUpTo(10)
        .until(d -> d.findElement(By.id("document-file")))
        .sendKeys(upload.toAbsolutePath().toString());
    waitUpTo(10).until(d -> !d.findElement(By.id("document")).getAttribute("value").isEmpty());
    browser.findElement(By.id("record")).click();
    WebElement status =
        waitUpTo(20)
            .until(
                d -> {
                  WebElement s = d.findElement(By.id("job-status"));
                  return s.getText().equals("running") ? null : s;
                });
    assertThat(status.getText()).isEqualTo("refused");
    WebElement bad = browser.findElement(By.cssSelector(".event-errors[data-event='1']"));
    assertThat(bad.findElement(By.cssSelector(".error-row")).getText())
        .contains("CUS-01", "/epcisBody/eventList/1/eventTime");
    assertThat(bad.findElement(By.cssSelector("pre.event-json")).getText())
        .contains("yesterday at noon");
    assertThat(browser.findElements(By.cssSelector(".event-errors[data-event='0']"))).isEmpty();
    assertThat(browser.findElement(By.id("events-stored")).getText()).isEqualTo("0");
    screenshot("custody-capture-errors");
    Files.deleteIfExists(upload);
  }

  static String badDocument() {
    return """
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                      {"kimberlite": "https://kimberlite.org/epcis/profile/"}],
         "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T10:00:00Z",
         "epcisBody": {"eventList": [
           {"type": "ObjectEvent", "eventTime": "2025-06-01T10:00:00+05:30",
            "eventTimeZoneOffset": "+05:30", "action": "OBSERVE",
            "epcList": ["urn:epc:id:sgtin:9521004.030001.T-0003"], "bizStep": "inspecting"},
           {"type": "ObjectEvent", "eventTime": "yesterday at noon",
            "eventTimeZoneOffset": "+05:30", "action": "OBSERVE",
            "epcList": ["urn:epc:id:sgtin:9521004.030001.T-0003"], "bizStep": "inspecting"}
         ]}}
        """;
  }

  static void screenshot(String name) throws IOException {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.copy(
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        target.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
