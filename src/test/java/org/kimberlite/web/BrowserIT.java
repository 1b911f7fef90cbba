package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Browsers;
import org.openqa.selenium.By;
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

/** A person in headless Chromium: reads the public list, signs in, records a decision. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
class BrowserIT {
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DemoWorld demo;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:browser-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browsers.headless(1280, 1000);
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

  @Test
  void aSecretarySignsInSeesTheParticipantsAndRecordsADecision() throws IOException {
    List<DemoAccount> accounts = demo.exists() ? List.of() : demo.create();
    DemoAccount secretariat =
        accounts.stream()
            .filter(a -> a.role() == OrganisationRole.KP_SECRETARIAT)
            .findFirst()
            .orElseThrow();

    // The public list needs no account.
    browser.get(url("/participants"));
    WebElement venezuela = browser.findElement(By.cssSelector("tr[data-code='VE']"));
    assertThat(venezuela.getText()).contains("Venezuela").contains("SELF SUSPENDED");

    // Sign in.
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(secretariat.username());
    browser.findElement(By.id("password")).sendKeys(secretariat.password());
    browser.findElement(By.id("sign-in")).click();
    waitUpTo(10)
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("[data-testid=signed-in-as]")).getText())
        .contains(secretariat.username());

    // The navigation leads to the participants page.
    browser.findElement(By.linkText("Participants")).click();
    waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/participants"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#participants tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(58);
    screenshot("participants");

    // The Central African Republic in 2017: suspended, exports only from compliant zones.
    browser.findElement(By.cssSelector("tr[data-code='CF'] a")).click();
    WebElement date = waitUpTo(10).until(d -> d.findElement(By.name("on")));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].value = '2017-01-01'", date);
    date.submit();
    WebElement answer = waitUpTo(10).until(d -> d.findElement(By.id("standing-answer")));
    assertThat(answer.getText()).contains("not in good standing").contains("Berbérati");

    // The secretariat records a decision suspending Togo from today, from the participant's page.
    browser.get(url("/participants/TG"));
    browser.findElement(By.cssSelector(".secretariat a.button")).click();
    waitUpTo(10).until(d -> d.findElement(By.id("decision-form")));
    browser.findElement(By.name("number")).sendKeys("AD 99/" + System.nanoTime() % 100000);
    browser.findElement(By.name("title")).sendKeys("Browser test: suspension of Togo");
    browser.findElement(By.name("text")).sendKeys("Browser test: review mission findings");
    assertThat(browser.findElements(By.name("orderParticipant")).get(0).getAttribute("value"))
        .isEqualTo("TG");
    new Select(browser.findElements(By.name("order")).get(0)).selectByValue("SUSPENSION");
    browser.findElement(By.id("record")).click();
    WebElement state = waitUpTo(10).until(d -> d.findElement(By.id("decision-state")));
    assertThat(state.getText()).isEqualTo("in force");
    browser.get(url("/participants/TG"));
    waitUpTo(10)
        .until(d -> d.findElement(By.id("history")).getText().contains("Browser test: suspension"));
    assertThat(browser.findElement(By.id("history")).getText()).contains("AD 99/");
    assertThat(browser.findElement(By.cssSelector("p.lead .status")).getText())
        .isEqualTo("SUSPENDED");
    screenshot("participant-TG");
  }

  static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.copy(
        shot.toPath(),
        target.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
