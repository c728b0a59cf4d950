package org.shirong.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromiums of one test JVM, started once and handed from test to test: starting one and loading Tasklist's
 * scripts into its empty cache took seconds per test. A browser handed back is emptied of what a test could leave
 * behind (cookies and storage of every site, extra windows, device, time zone and network emulation, window size,
 * script timeout) and opens on a blank page; one that cannot be emptied is quit. Those left are quit when the JVM ends.
 */
final class Chromiums {

    interface Options {
        ChromeOptions get() throws IOException;
    }

    private static final Map<String, Deque<ChromeDriver>> IDLE = new HashMap<>();
    private static final Map<ChromeDriver, String> KEYS = new HashMap<>();
    private static final Map<ChromeDriver, Dimension> WINDOW_SIZES = new HashMap<>();
    private static final List<ChromeDriver> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromiums::quitAll, "quit-chromiums"));
    }

    private Chromiums() {
    }

    /** An idle browser started with the options named {@code key}, or a new one started with {@code options}. */
    static synchronized ChromeDriver take(String key, Options options) throws IOException {
        ChromeDriver idle = IDLE.getOrDefault(key, new ArrayDeque<>()).poll();
        if (idle != null) {
            return idle;
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(TasklistBrowser.CHROMEDRIVER.toFile()).build();
        ChromeDriver started = new ChromeDriver(service, options.get());
        STARTED.add(started);
        KEYS.put(started, key);
        WINDOW_SIZES.put(started, started.manage().window().getSize());
        return started;
    }

    static void giveBack(ChromeDriver driver, String baseUrl) {
        try {
            empty(driver, baseUrl);
        } catch (WebDriverException e) {
            System.err.println("浏览器未能清空，不再复用：" + e.getMessage().lines().findFirst().orElse(""));
            quit(driver);
            return;
        }
        synchronized (Chromiums.class) {
            IDLE.computeIfAbsent(KEYS.get(driver), k -> new ArrayDeque<>()).push(driver);
        }
    }

    private static void empty(ChromeDriver driver, String baseUrl) {
        List<String> windows = new ArrayList<>(driver.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            driver.switchTo().window(window).close();
        }
        driver.switchTo().window(windows.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Dimension size;
        synchronized (Chromiums.class) {
            size = WINDOW_SIZES.get(driver);
        }
        driver.manage().window().setSize(size);
    }

    private static void quit(ChromeDriver driver) {
        synchronized (Chromiums.class) {
            STARTED.remove(driver);
            KEYS.remove(driver);
            WINDOW_SIZES.remove(driver);
        }
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // already gone
        }
    }

    private static synchronized void quitAll() {
        for (ChromeDriver driver : List.copyOf(STARTED)) {
            try {
                driver.quit();
            } catch (WebDriverException ignored) {
                // the JVM is ending; the driver's own process goes with it
            }
        }
    }
}
