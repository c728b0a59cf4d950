package org.shirong.system;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Sleeper;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium asking for zh-CN, driving Shirong's Tasklist the way staff do. Needs Debian's
 * chromium and chromium-driver; without them the test is skipped loudly, unless
 * SHIRONG_BROWSER_TESTS=required (set by .ci/run), which makes it fail.
 */
public final class TasklistBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private TasklistBrowser(WebDriver driver, int port) {
        this.driver = driver;
        // Tasklist re-renders lists and forms as data arrives, so a condition may meet an element that was just
        // replaced: look again rather than fail.
        // 60 s: under a full `mvn verify` on 2 shared cores one start-form submit took over 30 s to close its dialog (passes alone in 66 s for the class)
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        this.baseUrl = "http://localhost:" + port;
    }

    public static TasklistBrowser open(int port) throws IOException {
        return open(port, "zh-CN", "zh-CN,zh");
    }

    /** As {@link #open(int)}, in a browser whose language is {@code language} (e.g. "en-US") and asks for {@code acceptLanguages}. */
    public static TasklistBrowser open(int port, String language, String acceptLanguages) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "!!! 浏览器测试未运行：找不到 " + CHROMIUM + " 或 " + CHROMEDRIVER
                    + "（apt-get install chromium chromium-driver fonts-noto-cjk）";
            System.err.println(message);
            if ("required".equals(System.getenv("SHIRONG_BROWSER_TESTS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new TasklistBrowser(Chromiums.take(language + "|" + acceptLanguages, () -> {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("shirong-chromium"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
            return options;
        }), port);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Whether {@code condition} comes true within {@code timeout} (false, not an exception, when it does not). */
    public boolean within(Duration timeout, Function<WebDriver, Boolean> condition) {
        try {
            return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Lets the page settle for {@code time}: a value typed into a form may be lost while the form re-renders. */
    public void settle(Duration time) {
        try {
            Sleeper.SYSTEM_SLEEPER.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return keepingEvidence(() -> wait.until(driver -> {
            try {
                return condition.apply(driver);
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chrome's word for an element its page re-rendered between finding and reading it: look again, as for
                // a stale element (the wait ignores those)
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        }));
    }

    public WebElement visible(By by) {
        return keepingEvidence(() -> wait.until(ExpectedConditions.visibilityOfElementLocated(by)));
    }

    /** A wait that runs out leaves a screenshot and the page's address behind: a failure in CI is then readable. */
    private <T> T keepingEvidence(java.util.function.Supplier<T> waiting) {
        try {
            return waiting.get();
        } catch (TimeoutException e) {
            String name = "timeout-" + System.currentTimeMillis();
            try {
                screenshot(name);
            } catch (IOException | RuntimeException ignored) {
                // The browser may be gone; the timeout itself is what matters.
            }
            throw new TimeoutException(e.getMessage() + " (page " + driver.getCurrentUrl() + ", screenshot " + name + ".png)", e);
        }
    }

    public void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        By userField = By.cssSelector("input[ng-model='username']");
        By passwordField = By.cssSelector("input[ng-model='password']");
        visible(userField);
        // Tasklist focuses the user name field once its login page has rendered: keys typed into the password field
        // meanwhile landed there once (CI: user name "huanwei1demo", password empty), so type until both are kept (`&`:
        // both fields are looked at in every round)
        until(d -> typed(d.findElement(userField), user) & typed(d.findElement(passwordField), password));
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        visible(By.xpath("//*[contains(text(),'我的待办')]"));
    }

    /**
     * Opens the filter named {@code name} as its user would: a tap on its row, on a phone first on 其他过滤器 when the
     * row is folded away.
     */
    public void openFilter(String name) {
        until(d -> {
            for (WebElement row : d.findElements(By.xpath("//*[contains(@class,'task-filter')]//*[contains(text(),'" + name + "')]"))) {
                if (row.isDisplayed()) {
                    // A tap, not a mouse: the tooltip of the filter hovered before must not take the click.
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", row);
                    return true;
                }
            }
            for (WebElement unfold : d.findElements(By.cssSelector(".shirong-filters-toggle[aria-expanded='false']"))) {
                if (unfold.isDisplayed()) {
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", unfold);
                }
            }
            return null;
        });
    }

    /** Whether {@code field} holds {@code text}; when it does not, it is emptied and {@code text} typed again. */
    private static boolean typed(WebElement field, String text) {
        if (text.equals(field.getAttribute("value"))) {
            return true;
        }
        field.clear();
        field.sendKeys(text);
        return false;
    }

    /**
     * Opens a filter by its name, then the first task of that name in it, and claims it. Like its user, the test pages on
     * (›) while the task is not on the page shown: a list sorted by due date holds a unit's overdue tasks first.
     */
    public void claimTask(String filter, String task) {
        openTask(filter, task);
        click(By.cssSelector("button.claim"));
    }

    /** Opens a filter by its name, then the first task of that name in it (paging on as in {@link #claimTask}). */
    public void openTask(String filter, String task) {
        openFilter(filter);
        By named = By.xpath("//*[contains(@class,'tasks-list')]//*[contains(text(),'" + task + "')]");
        until(d -> {
            for (WebElement link : d.findElements(named)) {
                if (link.isDisplayed()) {
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
                    link.click();
                    return true;
                }
            }
            for (WebElement next : d.findElements(By.cssSelector("ul.pagination li.pagination-next:not(.disabled) a"))) {
                if (next.isDisplayed()) {
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", next);
                }
            }
            return null;
        });
    }

    /**
     * The size in CSS px ({@code [width, height]}) of the first element shown that matches {@code css}, as a finger meets
     * it (getBoundingClientRect); null while none is shown.
     */
    @SuppressWarnings("unchecked")
    public List<Number> tapSize(String css) {
        return (List<Number>) ((JavascriptExecutor) driver).executeScript("""
                const e = Array.from(document.querySelectorAll(arguments[0])).find(e => e.offsetParent);
                if (!e) { return null; }
                const r = e.getBoundingClientRect();
                return [r.width, r.height];""", css);
    }

    public void clickText(String text) {
        click(By.xpath("//label[contains(normalize-space(.),'" + text + "')]"));
    }

    /**
     * Clicks the element once it is visible, looking it up again if Tasklist replaced it meanwhile, and again while
     * something lies over it (a form Tasklist keeps disabled until a claim has come back).
     */
    public void click(By by) {
        keepingEvidence(() -> wait.until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed()) {
                return false;
            }
            try {
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
            return true;
        }));
    }

    public void complete() {
        wait.until(d -> {
            WebElement complete = ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")).apply(d);
            if (complete == null) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            complete.click();
            return true;
        });
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Hands the browser back, emptied of this test's session and settings, for the next test of this JVM to open. */
    @Override
    public void close() {
        Chromiums.giveBack((ChromeDriver) driver, baseUrl);
    }

    /** Makes the page a 390×844 phone screen (a touch device, as Chromium's device emulation does it). */
    public void phoneViewport() {
        phoneViewport(390, 844);
    }

    /** Makes the page a phone screen of this size in CSS pixels, e.g. 375×812 (a touch device, as Chromium emulates it). */
    public void phoneViewport(int width, int height) {
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled",
                Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** Ends {@link #phoneViewport(int, int)}: a desk's screen of this inner size, with a mouse. */
    public void deskViewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        viewport(width, height);
    }

    /**
     * Logs in to Cockpit or Admin ({@code app}: cockpit, admin) through its own form, once the form has gone. For Tasklist
     * see {@link #login(String, String)}.
     */
    public void loginTo(String app, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/" + app + "/default/#/login");
        By userField = By.cssSelector("input[ng-model='username']");
        By passwordField = By.cssSelector("input[ng-model='password']");
        visible(userField);
        until(d -> typed(d.findElement(userField), user) & typed(d.findElement(passwordField), password));
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        until(d -> d.findElements(userField).isEmpty());
    }

    /**
     * Translation keys left in the page ({@code CAM_WIDGET_HEADER_TOGGLE_NAVIGATION}): in its text, shown or for screen
     * readers only (a phone's menu button names itself in an {@code .sr-only} text), and in the attributes that are read
     * out or shown (aria-label, title, placeholder, alt). Each as {@code where: text}.
     */
    @SuppressWarnings("unchecked")
    public List<String> untranslatedKeys() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const key = /[A-Z]{3,}_[A-Z_]{3,}/;
                const found = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const parent = walker.currentNode.parentElement;
                  if (parent && !parent.closest('script, style, template') && key.test(walker.currentNode.data)) {
                    found.push('文字 ' + parent.tagName.toLowerCase() + '.' + parent.className + ': ' + walker.currentNode.data.trim());
                  }
                }
                document.querySelectorAll('[aria-label], [title], [placeholder], [alt]').forEach(e => {
                  ['aria-label', 'title', 'placeholder', 'alt'].forEach(name => {
                    const value = e.getAttribute(name);
                    if (value && key.test(value)) found.push(name + ' ' + e.tagName.toLowerCase() + ': ' + value);
                  });
                });
                return found;""");
    }

    /** Sets the browser's own time zone (as a phone or PC set to another zone), e.g. {@code America/New_York}. */
    public void deviceTimeZone(String zone) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /** Whether the element's top lies on the screen as it is now scrolled (not above it, nor below its bottom edge). */
    public boolean inView(WebElement element) {
        Object inside = ((JavascriptExecutor) driver).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;",
                element);
        return Boolean.TRUE.equals(inside);
    }

    /** The window's inner size: desk 1366×900, phone 390×844. */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        Object inner = ((JavascriptExecutor) driver).executeScript("return [window.innerWidth, window.innerHeight];");
        if (inner instanceof java.util.List<?> size && size.get(0) instanceof Number w && size.get(1) instanceof Number h) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                    2 * width - w.intValue(), 2 * height - h.intValue()));
        }
    }

    /** The row of a task list (li.task) whose text contains {@code text}, once the list shows it. */
    public WebElement taskRow(String filter, String text) {
        openFilter(filter);
        return visible(By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')][.//*[contains(text(),'"
                + text + "')]]"));
    }

    // --- Issue 11 point 4: no English in what staff see -------------------------------------------------------------

    /**
     * Latin-letter text staff may see: case numbers (JT-2026-000123), codes and ids made of capitals, digits and hyphens
     * (campaign codes such as JT-2027-DB), file-size units, file names of uploaded evidence, and the words on
     * Chinese forms that name a file format or program (Excel, WPS, PDF, JPEG/PNG, GPS, EXIF, ID), and keyboard keys (键盘快捷键: ctrl+alt+c).
     */
    public static final List<Pattern> LATIN_ALLOWED = List.of(
            // case numbers, campaign codes (a campaign task's name ends with one: 签订目标责任书（城管中队） · JT-DEMO), ids
            Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)+"),
            Pattern.compile("[KMG]?B"),
            Pattern.compile("[\\w.-]+\\.(png|jpe?g|gif|heic|pdf|xlsx?|docx?|csv|txt|html)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Excel|WPS|Word|PDF|CSV|JPEG|JPG|PNG|HEIC|GPS|EXIF|ID"),
            Pattern.compile("Tab|Ctrl|Alt|Shift|Enter|ctrl|alt|shift|enter|[a-z]"));

    private static final Pattern LATIN = Pattern.compile("[A-Za-z][\\w.-]*");

    // Visible text nodes, and the placeholders of visible inputs; hidden elements, scripts and closed dropdowns' options
    // are not seen by anyone.
    private static final String VISIBLE_TEXT = """
            const seen = [];
            const visible = e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
                && e.getClientRects().length > 0;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const text = walker.currentNode.data.trim();
              const parent = walker.currentNode.parentElement;
              if (!text || !parent || parent.closest('script, style, noscript, template')) continue;
              const option = parent.closest('option');
              if (option ? !(option.selected && visible(option.closest('select'))) : !visible(parent)) continue;
              seen.push(text);
            }
            document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => {
              if (visible(e) && !e.value && e.placeholder.trim()) seen.push('[输入提示] ' + e.placeholder.trim());
            });
            document.querySelectorAll('input[type=button], input[type=submit]').forEach(e => {
              if (visible(e)) seen.push(e.value);
            });
            return seen;""";

    /** The visible texts of the page holding Latin-letter words outside {@link #LATIN_ALLOWED}. */
    @SuppressWarnings("unchecked")
    public List<String> latinText() {
        List<String> texts = (List<String>) ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXT);
        return texts.stream().filter(TasklistBrowser::hasDisallowedLatin).distinct().toList();
    }

    static boolean hasDisallowedLatin(String text) {
        Matcher words = LATIN.matcher(text);
        while (words.find()) {
            String word = words.group().replaceAll("[.-]+$", "");
            if (LATIN_ALLOWED.stream().noneMatch(allowed -> allowed.matcher(word).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Screenshots the page as {@code target/screenshots/<name>.png} and fails naming every visible text that holds
     * Latin-letter words outside {@link #LATIN_ALLOWED}. Any browser test can call it on any Tasklist page it opened.
     */
    public void assertNoEnglish(String name) throws IOException {
        screenshot(name);
        List<String> english = latinText();
        if (!english.isEmpty()) {
            fail("页面“" + name + "”上仍有英文：" + english);
        }
    }

    // --- Issue 12: files downloaded by clicking -----------------------------------------------------------------------

    /**
     * As {@link #open(int)}, saving what the user downloads into {@code downloads} (Chromium's
     * {@code download.default_directory}) without asking.
     */
    public static TasklistBrowser openDownloadingTo(int port, Path downloads) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return open(port);
        }
        Files.createDirectories(downloads);
        return new TasklistBrowser(Chromiums.take("zh-CN|zh-CN,zh|" + downloads.toAbsolutePath(), () -> {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("shirong-chromium"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                    "download.default_directory", downloads.toAbsolutePath().toString(), "download.prompt_for_download", false,
                    "download.directory_upgrade", true, "safebrowsing.enabled", false));
            return options;
        }), port);
    }

    /** The file with this ending that appears in {@code downloads} once Chromium has finished writing it. */
    public Path downloaded(Path downloads, String ending) {
        return until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(ending)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A 4032×3024 JPEG of noise, as large as a 12 MP phone photo (about 7 MB, over the 5 MB a file may have). */
    public static Path phonePhoto(Path file) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4032, 3024, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(61);
        int[] row = new int[4032];
        for (int y = 0; y < 3024; y++) {
            for (int x = 0; x < row.length; x++) {
                row[x] = random.nextInt(0x1000000);
            }
            image.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        javax.imageio.ImageIO.write(image, "jpg", file.toFile());
        if (Files.size(file) <= 5_000_000) {
            fail("not over the 5 MB limit: " + Files.size(file));
        }
        return file;
    }
}
