package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of 城管中队 works a task in the real Tasklist with a zh-CN browser: logs in, sees the
 * Chinese UI and the unit's filter, claims the task, fills its form and completes it.
 * Needs Debian's chromium and chromium-driver; .ci/run installs them and sets
 * SHIRONG_BROWSER_TESTS=required, which turns a missing browser into a failure instead of a skip.
 */
@ShirongWebTest
class TasklistBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "!!! 浏览器测试未运行：找不到 " + CHROMIUM + " 或 " + CHROMEDRIVER
                    + "（apt-get install chromium chromium-driver fonts-noto-cjk）";
            System.err.println(message);
            if ("required".equals(System.getenv("SHIRONG_BROWSER_TESTS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("shirong-chromium"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    @Test
    void unitStaffClaimFillAndCompleteTheirTaskInChinese() throws IOException {
        String instanceId = runtimeService.startProcessInstanceByKey(WorkAssignmentProcess.KEY, Map.of(
                WorkAssignmentProcess.VAR_TITLE, "清理沪松公路乱张贴",
                WorkAssignmentProcess.VAR_UNIT_GROUP, "chengguan",
                WorkAssignmentProcess.VAR_REQUIREMENT, "三日内清理完毕",
                WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).getId();
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

        try {
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            visible(By.cssSelector("input[ng-model='username']")).sendKeys("chengguan1");
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type='submit']")).click();

            WebElement filter = visible(By.xpath("//*[contains(text(),'本单位待办（城管中队）')]"));
            screenshot("tasklist-filters");
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).contains("我的待办").contains("发起流程").contains("张队长").doesNotContain("null").doesNotContain("Start process").doesNotContain("Filters");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
            filter.click();

            visible(By.xpath("//a[contains(@href,'task=" + taskId + "')] | //*[contains(@class,'task')]//*[contains(text(),'办理交办事项')]")).click();
            visible(By.cssSelector("button.claim")).click();

            // The form is rendered again once the claimed task's variables arrive: type only after that.
            wait.until(d -> "清理沪松公路乱张贴".equals(
                    d.findElement(By.cssSelector("input[id$='-Field_title']")).getAttribute("value")));
            String text = "已清理 23 处小广告，并对沿街商户进行门责告知";
            wait.until(d -> {
                WebElement result = d.findElement(By.cssSelector("textarea[id$='-Field_handlingResult']"));
                if (!text.equals(result.getAttribute("value"))) {
                    result.clear();
                    result.sendKeys(text);
                }
                return text.equals(result.getAttribute("value"));
            });
            browser.findElement(By.cssSelector("input[id$='-Field_handled']")).click();
            screenshot("tasklist-form");
            WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
            complete.click();

            wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            screenshot("tasklist-completed");
        } catch (RuntimeException e) {
            screenshot("tasklist-failure");
            throw e;
        }

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getAssignee()).isEqualTo("chengguan1");
        assertThat(done.getEndTime()).isNotNull();
        assertThat(runtimeService.getVariable(instanceId, WorkAssignmentProcess.VAR_HANDLING_RESULT))
                .isEqualTo("已清理 23 处小广告，并对沿街商户进行门责告知");
        assertThat(runtimeService.getVariable(instanceId, WorkAssignmentProcess.VAR_HANDLED)).isEqualTo(true);
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
                .isEqualTo(WorkAssignmentProcess.TASK_REVIEW_RESULT);
    }
}
