package org.kimberlite.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.demo.DemoWorld;
import org.kimberlite.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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
 * A peer review visit run in headless Chromium from plan to closed actions: the secretariat plans a
 * visit to Botswana led by South Africa and records the findings; Botswana's authority signs in and
 * responds with an action plan; the secretariat accepts it, closes both actions and sees the visit
 * closed; Botswana's public page shows its last visit.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class ReviewVisitBrowserIT {
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DemoWorld world;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:review-visit-browser-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
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

  /** A wait that reads the next page: an element of the page left behind is looked up again. */
  WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  void signIn(DemoAccount a) {
    Browsers.signIn(browser, url(""), a);
  }

  static DemoAccount account(List<DemoAccount> all, String username) {
    return Browsers.account(all, username);
  }

  /** Types a date into a date input as the browser's own widget takes it. */
  static void date(WebElement input, LocalDate day) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", input, day.toString());
  }

  /** Waits for the page (the next one, after a submit) to show the element in that state. */
  void awaitState(String id, String expected) {
    waitUpTo(10)
        .until(d -> expected.equals(d.findElement(By.id(id)).getDomAttribute("data-status")));
  }

  @Test
  void theSecretariatRunsAVisitFromPlanToClosedActions() {
    List<DemoAccount> accounts = world.create();
    DemoAccount secretariat = account(accounts, "kp-secretariat");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // The secretariat plans the visit from the list, through the navigation.
    signIn(secretariat);
    browser.get(url("/"));
    browser.findElement(By.linkText("Review visits")).click();
    WebElement plan = waitUpTo(10).until(d -> d.findElement(By.id("plan")));
    new Select(plan.findElement(By.id("participant"))).selectByValue("BW");
    date(plan.findElement(By.id("startsOn")), today.plusDays(14));
    date(plan.findElement(By.id("endsOn")), today.plusDays(18));
    plan.findElement(By.id("termsOfReference"))
        .sendKeys("Internal controls at the Gaborone sorting house; import confirmations.");
    new Select(plan.findElement(By.id("lead")))
        .selectByVisibleText("South Africa Diamond Regulator (demo)");
    plan.findElement(By.id("plan-submit")).click();
    awaitState("status", "PLANNED");
    String visit = browser.getCurrentUrl();
    assertThat(browser.findElement(By.id("team")).getText())
        .contains("South Africa Diamond Regulator (demo)");

    // It records two findings.
    new Select(browser.findElement(By.id("finding-1-requirement"))).selectByValue("IC-SYSTEM");
    browser
        .findElement(By.id("finding-1-observation"))
        .sendKeys("Sorting-house records are kept on paper.");
    browser.findElement(By.id("finding-1-recommendation")).sendKeys("Keep them electronically.");
    new Select(browser.findElement(By.id("finding-2-requirement"))).selectByValue("TRADE-CONFIRM");
    browser.findElement(By.id("finding-2-observation")).sendKeys("Confirmations arrive late.");
    browser.findElement(By.id("finding-2-recommendation")).sendKeys("Chase them after 30 days.");
    browser.findElement(By.id("findings-submit")).click();
    awaitState("status", "CONDUCTED");
    assertThat(browser.findElement(By.id("findings")).getText())
        .contains("IC-SYSTEM", "TRADE-CONFIRM", "Keep them electronically.");

    // Botswana's authority responds with its plan; an action without a due date is refused first.
    signIn(account(accounts, "kp-bw"));
    browser.get(visit);
    browser.findElement(By.id("response-text")).sendKeys("We accept both findings.");
    new Select(browser.findElement(By.id("action-1-finding"))).selectByValue("1");
    browser
        .findElement(By.id("action-1-description"))
        .sendKeys("Move the records to the register.");
    new Select(browser.findElement(By.id("action-2-finding"))).selectByValue("2");
    browser.findElement(By.id("action-2-description")).sendKeys("Chase confirmations monthly.");
    date(browser.findElement(By.id("action-2-dueOn")), today.plusDays(90));
    browser.findElement(By.id("response-submit")).click();
    assertThat(waitUpTo(10).until(d -> d.findElement(By.id("errors"))).getText())
        .contains("actions[0].dueOn");
    awaitState("status", "CONDUCTED");
    date(browser.findElement(By.id("action-1-dueOn")), today.plusDays(60));
    browser.findElement(By.id("response-submit")).click();
    awaitState("status", "RESPONDED");
    assertThat(browser.findElement(By.id("response")).getText())
        .contains("We accept both findings.");

    // The secretariat accepts the plan, records progress and closes both actions.
    signIn(secretariat);
    browser.get(visit);
    browser.findElement(By.id("accept-submit")).click();
    waitUpTo(10).until(d -> d.findElement(By.id("plan-accepted")));
    browser.findElement(By.id("action-1-note")).sendKeys("Register seen in use.");
    browser.findElement(By.id("close-1")).click();
    awaitState("action-1", "CLOSED");
    awaitState("status", "RESPONDED");
    browser.findElement(By.id("action-2-note")).sendKeys("First monthly report received.");
    browser.findElement(By.id("progress-2")).click();
    waitUpTo(10)
        .until(d -> d.findElement(By.id("action-2")).getText().contains("First monthly report"));
    browser.findElement(By.id("action-2-note")).sendKeys("Three reports received.");
    browser.findElement(By.id("close-2")).click();
    awaitState("status", "CLOSED");
    assertThat(browser.findElement(By.id("actions")).getText()).contains("Three reports received.");

    // Botswana's public page shows the visit, to anyone.
    browser.manage().deleteAllCookies();
    browser.get(url("/participants/BW"));
    WebElement panel = waitUpTo(10).until(d -> d.findElement(By.id("review-visit")));
    assertThat(panel.getText())
        .contains("Last peer review visit", today.plusDays(14).toString(), "closed")
        .doesNotContain("Chase confirmations");
  }
}
