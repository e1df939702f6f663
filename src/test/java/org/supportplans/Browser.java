package org.supportplans;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium, for tests that use the web apps as a person would.
 * Nothing is downloaded: the browser and its driver are the system's ({@code apt-get install chromium
 * chromium-driver}), and every browser starts with a fresh profile.
 */
public final class Browser implements AutoCloseable {

    /** How long to wait for the page to catch up; generous, as CI machines may have two cores. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        Path profile = createTempDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // with the driver named, Selenium Manager is never asked to find (or download) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        try {
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE.multipliedBy(2));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to {@link #PATIENCE} for the condition, and returns what it found. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** As {@link #await(ExpectedCondition)}, saying what was awaited if it never happens. */
    public <T> T await(String description, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(description).until(condition);
    }

    public void visit(String url) {
        driver.get(url);
    }

    /**
     * Clicks the element once it is there and clickable, scrolled to the middle of its pane as a person
     * would (WebDriver scrolls it only to the bottom edge, where a page footer may cover it). An AngularJS
     * page may render an element again between finding and clicking it (a list refreshing itself, say):
     * then it is found afresh.
     */
    public void click(By element) {
        await("a clickable " + element, page -> {
            try {
                WebElement found = page.findElement(element);
                if (!found.isDisplayed() || !found.isEnabled()) {
                    return false;
                }
                ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
                found.click();
                return true;
            } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
                return false;
            }
        });
    }

    /**
     * Signs in on the login form of a Camunda web app (Tasklist, Cockpit, Admin) at {@code appUrl},
     * e.g. {@code http://localhost:8080/camunda/app/tasklist/}, and waits until the app shows itself.
     */
    public void signInToCamunda(String appUrl, String userId, String password) {
        visit(appUrl);
        WebElement form = await(
                "Camunda's login form at " + appUrl,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
        WebElement user = form.findElement(By.cssSelector("input[ng-model=username]"));
        user.sendKeys(userId);
        form.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        if (!userId.equals(user.getDomProperty("value"))) {
            // a response with "WWW-Authenticate: Basic" opens Chromium's own sign-in dialog, unseen when
            // headless, and it takes every keystroke
            throw new IllegalStateException("The login form at " + appUrl + " did not get the typing: did a request"
                    + " of the page (such as Camunda's GET /camunda-welcome) get a 401 with WWW-Authenticate: Basic?");
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();

        By loginFailed = By.cssSelector(".page-notifications .alert-danger");
        await(
                "Camunda to sign in " + userId,
                ExpectedConditions.or(
                        ExpectedConditions.stalenessOf(form),
                        ExpectedConditions.visibilityOfElementLocated(loginFailed)));
        List<WebElement> failures = driver.findElements(loginFailed);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "Camunda did not sign in " + userId + ": " + failures.get(0).getText());
        }
    }

    /**
     * axe-core ({@code src/test/resources/axe/axe.min.js}, MPL-2.0) on the page as it stands: its serious and critical
     * violations of the WCAG 2.1 A and AA rules and of axe's best practices, each as "rule (impact): elements".
     */
    public List<String> seriousAccessibilityViolations() {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(axe());
        Object violations = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                + " 'wcag21aa', 'best-practice']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return ((List<?>) violations).stream().map(String::valueOf).toList();
    }

    private static String axeSource;

    private static synchronized String axe() {
        if (axeSource == null) {
            try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return save(name + ".png", ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves what the browser's console said since it was last asked, as {@code target/screenshots/<name>.txt}. */
    public Path saveConsole(String name) {
        String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage() + "\n")
                .collect(Collectors.joining());
        return save(name + ".txt", console.getBytes(StandardCharsets.UTF_8));
    }

    private static Path save(String fileName, byte[] content) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For {@code @RegisterExtension}: a failing test leaves a screenshot of the moment it failed and
     * the browser's console, {@code target/screenshots/<TestClass>-<method>-failure.png} and {@code .txt}.
     */
    public static TestExecutionExceptionHandler screenshotOnFailure(Supplier<Browser> browser) {
        return (context, failure) -> {
            Browser current = browser.get();
            if (current != null) {
                String name = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-failure";
                try {
                    current.screenshot(name);
                    current.saveConsole(name);
                } catch (WebDriverException | UncheckedIOException e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        };
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind is no reason to fail a test
        }
    }
}
