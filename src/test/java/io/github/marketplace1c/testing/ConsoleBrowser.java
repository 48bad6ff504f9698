package io.github.marketplace1c.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the web console's tests. Both paths are given
 * explicitly (-Dmp1c.browser.chromium, -Dmp1c.browser.chromedriver; defaults /usr/bin/...) so Selenium Manager never
 * tries to download a browser. Without them the test is skipped, unless -Dmp1c.browser.required=true (CI), where
 * it fails. Screenshots go to target/screenshots/.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    /** Where the console's downloads (CSV exports) land. */
    public final Path downloads;

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Starts Chromium, or skips the test (fails it with -Dmp1c.browser.required=true) when it is not installed. */
    public static ConsoleBrowser start() throws IOException {
        Path chromium = Path.of(System.getProperty("mp1c.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("mp1c.browser.chromedriver", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        String install = "the console's browser tests need Chromium and its driver at " + chromium + " and " + chromedriver
                + ": install them with `apt-get install -y chromium chromium-driver` (Debian), or point "
                + "-Dmp1c.browser.chromium and -Dmp1c.browser.chromedriver at them";
        if (!present && Boolean.getBoolean("mp1c.browser.required")) {
            throw new AssertionError("-Dmp1c.browser.required=true, but " + install);
        }
        assumeTrue(present, install);

        Path profile = Files.createTempDirectory("mp1c-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the closed network: no background fetches, no component updates, nothing but loopback
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=ru-RU",
                "--user-data-dir=" + profile.toAbsolutePath());
        Path downloads = Files.createDirectories(profile.resolve("downloads"));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver, profile, downloads);
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Logs in through the console's form. */
    public void login(String token) {
        WebElement input = visible("#token");
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    public WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        wait.until(d -> condition.apply(driver));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits until the page has rendered (no loading indicator left) after navigating to #/page. */
    public void page(String baseUrl, String hash, String readyCss) {
        driver.get(baseUrl + "#/" + hash);
        visible(readyCss);
        wait.until(d -> d.findElements(By.cssSelector("#page .loading")).isEmpty());
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // the whole page, not just the window: resize to the document's height first
        Number height = (Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, Math.min(Math.max(height.intValue() + 120, 700), 4000)));
        File file = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(file.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        return target;
    }

    /** What the page logged at SEVERE since the last call: script errors, failed loads. */
    public List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Waits for a finished download of that name and returns its text. */
    public String downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.isRegularFile(file));
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
