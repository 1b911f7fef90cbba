package org.kimberlite.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kimberlite.registry.DemoAccount;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser of the UI tests: Debian's Chromium and chromedriver, headless, with a fresh
 * profile. Tests that need it are skipped with a notice when either is missing.
 */
public final class Browsers {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browsers() {}

  /** A headless Chromium with a window of the given size; skips the test when none is installed. */
  public static WebDriver headless(int width, int height) throws IOException {
    Environment.require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + Files.createTempDirectory("kimberlite-chromium-"));
    return new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
  }

  /** Signs the browser in on the sign-in page of {@code base}, as a fresh session. */
  public static void signIn(WebDriver browser, String base, DemoAccount a) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(a.username());
    browser.findElement(By.id("password")).sendKeys(a.password());
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=signed-in-as]")).isEmpty());
  }

  /** The demo account of that username. */
  public static DemoAccount account(List<DemoAccount> all, String username) {
    return all.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
  }
}
