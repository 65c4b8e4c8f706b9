package io.tierwatch.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.testsupport.AuthServer;

/** The live page in a real headless Chromium: log in, a tier drop is produced on Kafka, the alert shows up. */
class LivePageBrowserIT extends NotificationServiceIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Skipped: Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLoggedInRepSeesTheirNewLossAlertsArriveNewestFirstWithTheReason() {
        browser.get(baseUrl() + "/");
        // the login is the issuer's (authorization code + PKCE); the session then holds it
        assertThat(browser.getCurrentUrl()).startsWith(AuthServer.shared().issuer()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("rep-1");
        browser.findElement(By.id("password")).sendKeys("pw-rep-1");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(browser.findElement(By.id("connection")).getText()));
        assertThat(browser.findElement(By.id("who")).getText()).contains("Wang Wei");

        String first = newCustomerId();
        String second = newCustomerId();
        givenCustomer(first, "Browser <First> Co", "rep-1", false);
        givenCustomer(second, "Browser Second Co", "rep-1", false);
        Events.send(Events.tierChange(first, 2, Tier.B, Tier.D, -4_200, Set.of()));
        WebElement alert = await().atMost(Duration.ofSeconds(30)).until(() -> alertOf(first), a -> a != null);
        assertThat(alert.getText()).contains("ACT: Browser <First> Co moved B → D", "-42.00",
                "Window profit fell to -42.00");
        Events.send(Events.tierChange(second, 2, Tier.A, Tier.D, -1, Set.of(Trait.BIG)));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertOf(second) != null);

        List<String> order = browser.findElements(By.cssSelector("#alerts li")).stream()
                .map(li -> li.getAttribute("data-alert-id")).toList();
        assertThat(order.indexOf("tier:" + second + ":2")).isLessThan(order.indexOf("tier:" + first + ":2"));
        assertThat(alertOf(second).getText()).contains("REVIEW", "BIG");
    }

    private WebElement alertOf(String customerId) {
        return browser.findElements(By.cssSelector("#alerts li[data-alert-id='tier:" + customerId + ":2']")).stream()
                .findFirst().orElse(null);
    }
}
