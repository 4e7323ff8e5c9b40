package io.directline.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
 * One person's browser for screen tests: a headless Chromium with its own profile (so its own cookies
 * and session), driven through the machine's chromedriver. Never downloads a browser or a driver: when
 * Chromium or chromedriver is missing, {@link #open} fails with a message that says how to install them.
 *
 * <p>Paths: system property {@code directline.chromium} or environment variable {@code CHROMIUM_BIN}
 * (default {@code /usr/bin/chromium}), and {@code directline.chromedriver} or {@code CHROMEDRIVER_BIN}
 * (default {@code /usr/bin/chromedriver}).
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    static {
        // Selenium warns at every start that it has no CDP bindings for this exact Chromium; we use none.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    private final String base;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(String base, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** A fresh browser at desktop size, pointed at the test server on {@code port}. */
    public static Browser open(int port) {
        var chromium = executable("directline.chromium", "CHROMIUM_BIN", "/usr/bin/chromium");
        var chromedriver = executable("directline.chromedriver", "CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        // Belt and braces: with the driver named here, Selenium Manager has nothing to look for.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.getAbsolutePath());
        Path profile;
        try {
            profile = Files.createTempDirectory("directline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(chromium);
        // keep the console, so a test can see what the page's policy refused
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--disable-extensions",
                "--hide-scrollbars",
                "--lang=en-GB",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new AssertionError(
                    "Could not start headless Chromium (" + chromium + ") with " + chromedriver + ": " + e.getMessage(),
                    e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        var browser = new Browser("http://localhost:" + port, profile, service, driver);
        browser.resize(DESKTOP);
        return browser;
    }

    private static File executable(String property, String env, String fallback) {
        var configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(env);
        }
        var file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new AssertionError("Browser tests need Chromium and chromedriver, but " + file
                    + " is missing or not executable. Install them with"
                    + " `apt-get install -y chromium chromium-driver`, or point -D" + property + " (or " + env
                    + ") at them. The tests never download a browser.");
        }
        return file;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code /inbox}. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path (and query) the browser shows now. */
    public String path() {
        var url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in through the login form and waits until the form has gone. */
    public Browser signIn(String username, String password) {
        go("/login");
        type(By.name("username"), username);
        type(By.name("password"), password);
        clickToPage(By.id("sign-in"));
        return this;
    }

    public Browser type(By by, String text) {
        var field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks an element, finding it again if the page replaced it meanwhile (htmx refreshes do). */
    public Browser click(By by) {
        waitUntil(d -> {
            var element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
        return this;
    }

    /** Clicks a link or a form's button, and waits until the browser shows the page it leads to. */
    public Browser clickToPage(By by) {
        var page = driver.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(driver, PATIENCE).until(d -> gone(page));
        waitUntil(d -> "complete".equals(script("return document.readyState;")));
        return this;
    }

    /**
     * Whether the element belongs to a page the browser has left. Chromium reports a node of a page being replaced
     * either as stale or as "does not belong to the document"; both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * What the browser refused under the page's Content-Security-Policy since the last call, as Chromium wrote it
     * to the console (an inline script, a style, a frame, a connection to elsewhere).
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** The visible text of the whole page. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Sets the size of the page's viewport (not of the window around it). */
    public Browser resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        // Headless windows may keep a frame; grow the window by whatever the viewport lacks.
        long innerWidth = ((Number) script("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) script("return window.innerHeight;")).longValue();
        if (innerWidth != viewport.width || innerHeight != viewport.height) {
            driver.manage()
                    .window()
                    .setSize(new Dimension(
                            viewport.width + (int) (viewport.width - innerWidth),
                            viewport.height + (int) (viewport.height - innerHeight)));
        }
        return this;
    }

    /** How far the page is wider than the viewport, in CSS pixels; 0 when nothing scrolls sideways. */
    public long horizontalOverflow() {
        return ((Number) script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"))
                .longValue();
    }

    /** The elements that reach past the right edge of the viewport, described for a failure message. */
    @SuppressWarnings("unchecked")
    public List<String> elementsPastTheRightEdge() {
        return (List<String>) script("""
                const out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > window.innerWidth + 0.5) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 15);
                """);
    }

    /** Saves a PNG of the viewport under {@code target/screenshots/}. */
    public Path screenshot(String name) {
        var png = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            var dir = Files.createDirectories(Path.of("target", "screenshots"));
            return Files.move(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG of the whole page, however long, by sizing the viewport to it for the shot. */
    public Path fullPageScreenshot(String name) {
        var size = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        long innerHeight = ((Number) script("return window.innerHeight;")).longValue();
        try {
            if (height > innerHeight) {
                driver.manage()
                        .window()
                        .setSize(new Dimension(size.width, size.height + (int) Math.min(height - innerHeight, 6000)));
            }
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
