package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.QrLinks;
import org.kimberlite.certification.documents.CertificatePdfReader;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An exporting authority in headless Chromium: issues a certificate in the console (the form flags
 * a broken rule as it is typed), prints the PDF, and the verify page opened from the QR code's URL
 * says the certificate is genuine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class CertificateBrowserIT {
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DemoWorld demo;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:certificate-browser-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browsers.headless(1280, 1400);
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

  @Test
  void issueInTheConsolePrintThePdfAndVerifyFromTheQrCode() throws Exception {
    List<DemoAccount> accounts = demo.exists() ? List.of() : demo.create();
    DemoAccount botswana =
        accounts.stream().filter(a -> a.username().equals("kp-bw")).findFirst().orElseThrow();
    DemoAccount antwerp =
        accounts.stream()
            .filter(a -> a.username().equals("schelde-rough"))
            .findFirst()
            .orElseThrow();
    DemoAccount gaborone =
        accounts.stream()
            .filter(a -> a.username().equals("gaborone-sorting"))
            .findFirst()
            .orElseThrow();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(botswana.username());
    browser.findElement(By.id("password")).sendKeys(botswana.password());
    browser.findElement(By.id("sign-in")).click();
    wait.until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());

    browser.findElement(By.linkText("Certificates")).click();
    wait.until(d -> d.findElement(By.id("new-certificate"))).click();
    wait.until(d -> d.findElement(By.id("issue-form")));
    new Select(browser.findElement(By.name("exporter")))
        .selectByValue(gaborone.organisationId().toString());
    new Select(browser.findElement(By.name("importer")))
        .selectByValue(antwerp.organisationId().toString());
    new Select(browser.findElement(By.name("importingParticipant"))).selectByValue("EU");
    browser.findElement(By.name("originCountries")).sendKeys("BW");
    List<WebElement> carats = browser.findElements(By.name("carats"));
    List<WebElement> values = browser.findElements(By.name("valueUsd"));
    // A third decimal breaks KP-01: the form says so while typing.
    carats.get(0).sendKeys("1250.405");
    wait.until(
        d ->
            d.findElement(By.cssSelector("small.error[data-field='lines[0].carats']"))
                .getText()
                .contains("KP-01"));
    carats.get(0).sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    values.get(0).sendKeys("187560.00");
    browser.findElement(By.name("sealId")).sendKeys("SEAL-BROWSER-1");
    wait.until(
        d -> d.findElement(By.id("rule-summary")).getText().startsWith("All KP rules are met"));
    browser.findElement(By.id("issue")).click();

    WebElement status = wait.until(d -> d.findElement(By.id("status")));
    assertThat(status.getText()).isEqualTo("ISSUED");
    String number = browser.findElement(By.cssSelector("h1 code")).getText();
    assertThat(number).startsWith("BW");
    screenshot("console-certificate");

    // Print: the PDF the button links to, fetched with the browser's session.
    String pdfHref = browser.findElement(By.id("print")).getAttribute("href");
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(pdfHref))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", number + ".pdf"), pdf.body());

    // The QR code's URL opens the verify page, which says genuine (no account needed).
    QrLinks.ParsedLink link = QrLinks.parse(CertificatePdfReader.extractPayload(pdf.body()));
    assertThat(link.number()).isEqualTo(number);
    browser.manage().deleteAllCookies();
    browser.get(url("/verify/" + number + "?p=" + link.jws()));
    WebElement verdict = wait.until(d -> d.findElement(By.id("verdict")));
    assertThat(verdict.getText()).startsWith("GENUINE");
    assertThat(verdict.getText()).contains("QR code matches");
    assertThat(browser.getPageSource()).doesNotContain("187560");
    screenshot("verify-" + number);
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
