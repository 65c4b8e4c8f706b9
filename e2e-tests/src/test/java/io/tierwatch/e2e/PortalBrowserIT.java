package io.tierwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal in Debian's Chromium against the real stack (order-service, scoring-service,
 * notification-service and the portal as processes, a real broker, Redis and auth-server) with
 * real data: December 2010 of UCI Online Retail imported through order-service in a GBP
 * deployment, its customers given to rep-1 and rep-2 by a master-data import
 * ({@code -Dtierwatch.dataset=full}: all 305 files). With {@code -Dtierwatch.portal.screenshots=DIR}
 * each page is also saved there at 1280×800 (a relative DIR from the repository's root).
 */
@ExtendWith(RealInfrastructure.class)
class PortalBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path RETAIL = Path.of("../../shared/datasets/retail-data/by-day");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ServiceProcess orders;
    static ServiceProcess scoring;
    static ServiceProcess notifications;
    static ServiceProcess portal;
    static final List<String> rep1 = new ArrayList<>();
    static final List<String> rep2 = new ArrayList<>();
    static String alerted;

    @TempDir
    Path profile;
    private WebDriver browser;

    @BeforeAll
    static void startTheStackWithTheRetailData() throws Exception {
        assumeTrue(Files.isDirectory(RETAIL), "the retail dataset is not beside the repository");
        List<String> infra = List.of("--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafka().bootstrapServers(),
                "--tierwatch.redis.url=" + RealInfrastructure.redis().url(), "--tierwatch.currency=GBP");
        orders = Services.start("order-service", "portal-order-service", infra);
        // the portfolio is served from background snapshots: one a second here
        scoring = Services.start("scoring-service", "portal-scoring-service",
                concat(infra, List.of("--tierwatch.scoring.portfolio.refresh=PT1S")));
        notifications = Services.start("notification-service", "portal-notification-service", concat(infra, List.of(
                "--tierwatch.reps[0].id=rep-1", "--tierwatch.reps[0].name=Wang Wei")));
        for (ServiceProcess service : List.of(orders, scoring, notifications)) {
            service.awaitHealthy(Services.START);
        }
        portal = Services.start("portal", List.of("--tierwatch.portal.scoring-url=" + scoring.url(""),
                "--tierwatch.portal.notification-url=" + notifications.url("")));

        List<Path> december;
        try (Stream<Path> files = Files.list(RETAIL)) {
            boolean full = "full".equals(System.getProperty("tierwatch.dataset"));
            december = files.filter(f -> full || f.getFileName().toString().startsWith("2010-12")).sorted().toList();
        }
        assertThat(finished(upload("/api/v1/imports", december.stream().map(f -> part(f.getFileName().toString(),
                read(f))).toList()))).isEqualTo("DONE");
        TreeSet<String> customers = new TreeSet<>();
        for (Path file : december) {
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] cells = line.split(",");
                String id = cells[cells.length - 2].replace(".0", "");
                if (!id.isBlank()) {
                    customers.add(id);
                }
            }
        }
        StringBuilder owners = new StringBuilder("customerId,name,ownerRepId\n");
        int i = 0;
        for (String id : customers) {
            (i++ % 2 == 0 ? rep1 : rep2).add(id);
            owners.append(id).append(",Customer ").append(id).append(',').append(i % 2 == 1 ? "rep-1" : "rep-2").append('\n');
        }
        assertThat(finished(upload("/api/v1/imports/customers", List.of(part("owners.csv", owners.toString())))))
                .isEqualTo("DONE");
        await("scoring knows rep-1's book").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json(scoring, "rep-1", "/api/v1/customers?size=1").path("total").asInt() == rep1.size());
        portal.awaitHealthy(Services.START);

        // one of rep-1's customers slides into loss: four days of unbilled labour, today (the stream's
        // days are its partitions', and another test of this JVM may have taken them to today already),
        // once notification-service knows whose it is (a wake-up of no snooze answers 204 only in rep-1's books)
        alerted = rep1.get(0);
        await("notification-service knows " + alerted + " is rep-1's").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> HTTP.send(Services.requestAs(notifications, "rep-1", "/api/v1/customers/" + alerted + "/snooze")
                        .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 204);
        HttpResponse<String> ticket = HTTP.send(Services.request(orders, "/api/v1/service-tickets")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"ticketId":"portal-t-1","customerId":"%s","occurredAt":"%s","currency":"GBP",
                         "labourMinutes":5760,"labourRatePerHour":"90.00"}""".formatted(alerted, java.time.Instant.now().minusSeconds(3600)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(202);
        await(alerted + " in D").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(scoring, "rep-1", "/api/v1/customers/" + alerted).path("tier").asString().equals("D"));
        await("rep-1's loss alert").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(notifications, "rep-1", "/api/v1/alerts?limit=50").toString().contains(alerted));
    }

    @AfterAll
    static void stopTheStack() {
        for (ServiceProcess p : new ServiceProcess[] {portal, notifications, scoring, orders}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: Debian's chromium is not installed at /usr/bin/chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRepSeesOnlyTheirCustomersOpensOneAndSnoozesItsAlert() {
        logIn("rep-1", "pw-rep-1");

        List<String> listed = browser.findElements(By.cssSelector("table.customers tbody tr")).stream()
                .map(r -> r.getAttribute("data-customer")).toList();
        assertThat(listed).isNotEmpty().hasSize(Math.min(50, rep1.size())).allMatch(rep1::contains);
        // each row's trend: a line of its twelve months' profit
        assertThat(browser.findElements(By.cssSelector("table.customers tbody tr td.trend svg polyline"))).isNotEmpty()
                .allMatch(line -> line.getAttribute("points").trim().split(" ").length == 12);
        screenshot("customers");

        // the inbox holds the loss alert (before the snooze below, which may hold back its delivery)
        List<String> inbox = await("the alert in rep-1's inbox").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    browser.get(portal.url("/alerts").toString());
                    return browser.findElements(By.cssSelector("table.alerts tbody tr")).stream()
                            .map(r -> r.getAttribute("data-customer")).toList();
                }, rows -> rows.contains(alerted));
        assertThat(inbox).contains(alerted).allMatch(rep1::contains);
        screenshot("alerts");

        // acknowledged: the row says by whom from then on
        browser.findElement(By.cssSelector("table.alerts tr[data-customer='" + alerted + "'] .ack-button")).click();
        awaitMessage("Acknowledged.");
        assertThat(browser.findElement(By.cssSelector("table.alerts tr[data-customer='" + alerted + "'] td.ack")).getText())
                .isEqualTo("acknowledged by rep-1");
        // the digest setting, there and back (other tests expect rep-1's alerts as they happen)
        browser.findElement(By.cssSelector("form.delivery button")).click();
        awaitMessage("as a digest");
        assertThat(browser.findElement(By.cssSelector("form.delivery")).getText()).contains("once a day");
        browser.findElement(By.cssSelector("form.delivery button")).click();
        awaitMessage("now come as they happen");
        assertThat(browser.findElement(By.cssSelector("form.delivery")).getText()).contains("as they happen");

        browser.get(portal.url("/customers/" + alerted).toString());
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("Customer " + alerted).endsWith("D");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#waterfall-window canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".timeline li"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("portal-t-1");
        assertThat(browser.findElements(By.cssSelector("ul.alerts li"))).isNotEmpty();
        // by month: the data's months, and this month's loss ticket as a month without revenue
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#monthly canvas")).isEmpty());
        List<WebElement> months = browser.findElements(By.cssSelector("table#months tbody tr"));
        assertThat(months.size()).isGreaterThan(1);
        List<WebElement> thisMonth = months.get(months.size() - 1).findElements(By.tagName("td"));
        assertThat(thisMonth.get(0).getAttribute("textContent"))
                .isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        assertThat(thisMonth.get(1).getAttribute("textContent")).isEqualTo("0.00");
        assertThat(thisMonth.get(2).getAttribute("textContent")).startsWith("-");
        screenshot("customer");

        browser.findElement(By.cssSelector("form.snooze button")).click();
        awaitMessage("No alerts for " + alerted + " through ");

    }

    /** Waits for the page a form's post led to: its flash message says {@code part}. */
    private void awaitMessage(String part) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(".message"))
                .stream().anyMatch(m -> m.getText().contains(part)));
    }

    @Test
    void aRepWhoTypesAnotherRepsCustomerGetsTheNotFoundPage() {
        logIn("rep-1", "pw-rep-1");

        browser.get(portal.url("/customers/" + rep2.get(0)).toString());

        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("Customer " + rep2.get(0));
        screenshot("not-found");
    }

    @Test
    void aManagerOpensTheMapAndADotLeadsToItsCustomer() {
        logIn("boss", "pw-boss");
        assertThat(browser.getCurrentUrl()).endsWith("/portfolio");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#map canvas")).isEmpty());
        assertThat(browser.findElement(By.id("whale-headline")).getText()).startsWith("The top 20 % of customers earn ");
        assertThat(browser.findElement(By.id("as-of")).getText()).contains("figures as of ");
        screenshot("portfolio");

        // the dot farthest from any other, where ECharts drew it, so that the click cannot hit a neighbour
        @SuppressWarnings("unchecked")
        Map<String, Object> dot = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const dots = [];
                window.portalMap.getOption().series.forEach((s, i) => s.data.forEach(d => {
                  if (!d.id) return; // a cell of the grid, not a customer
                  const [x, y] = window.portalMap.convertToPixel({seriesIndex: i}, d.value);
                  dots.push({id: d.id, x: x, y: y});
                }));
                let best = dots[0], room = -1;
                for (const a of dots) {
                  let nearest = Infinity;
                  for (const b of dots) {
                    if (a !== b) nearest = Math.min(nearest, (a.x - b.x) ** 2 + (a.y - b.y) ** 2);
                  }
                  if (nearest > room) { room = nearest; best = a; }
                }
                return best;""");
        WebElement map = browser.findElement(By.id("map"));
        new Actions(browser).moveToElement(map, (int) Math.round(((Number) dot.get("x")).doubleValue()) - map.getSize().width / 2,
                (int) Math.round(((Number) dot.get("y")).doubleValue()) - map.getSize().height / 2).click().perform();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/customers/" + dot.get("id")));
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Customer " + dot.get("id"));
    }

    private void logIn(String user, String password) {
        browser.get(portal.url("/").toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(portal.url("/").toString())
                && !browser.findElements(By.cssSelector("header.bar")).isEmpty());
    }

    private void screenshot(String page) {
        String dir = System.getProperty("tierwatch.portal.screenshots");
        if (dir == null) {
            return;
        }
        // a relative directory is the repository's (the tests run in e2e-tests/)
        Path into = Path.of(dir).isAbsolute() ? Path.of(dir) : Path.of("..").resolve(dir).normalize();
        try {
            Files.createDirectories(into);
            // the whole page at the window's width of 1280, below the fold too (Chrome DevTools)
            ChromeDriver chrome = (ChromeDriver) browser;
            Map<String, Object> layout = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) layout.get("cssContentSize");
            double height = Math.max(800, ((Number) content.get("height")).doubleValue());
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport",
                    true, "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
            Files.write(into.resolve(page + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Part(String name, String content) {
    }

    private static Part part(String name, String content) {
        return new Part(name, content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String upload(String path, List<Part> parts) throws Exception {
        String boundary = "portal-it-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(part.name()).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(part.content()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> started = HTTP.send(Services.request(orders, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("importId").asString();
    }

    private static String finished(String importId) {
        return await("import " + importId).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(orders, null, "/api/v1/imports/" + importId).path("state").asString(),
                        s -> s.equals("DONE") || s.equals("FAILED"));
    }

    private static JsonNode json(ServiceProcess service, String user, String path) throws Exception {
        HttpRequest.Builder request = user == null ? Services.request(service, path) : Services.requestAs(service, user, path);
        return JSON.readTree(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
