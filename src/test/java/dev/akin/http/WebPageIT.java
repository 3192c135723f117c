package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser: Debian's headless Chromium driven through Debian's chromedriver (no browser or
 * driver download). Types a query, sees results, clicks through to similar papers, narrows by year.
 */
class WebPageIT {
    @TempDir
    static Path dir;
    static Akin akin;
    static AkinServer server;

    @BeforeAll
    static void start() {
        akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE);
        server = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        akin.close();
    }

    private static ChromeDriver browser() {
        return browser(dir);
    }

    /** Headless Chromium with a fresh profile under {@code profiles}. */
    static ChromeDriver browser(Path profiles) {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profiles.resolve("profile-" + System.nanoTime()), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void searchShowsResultsAndAClickShowsSimilarPapers() throws IOException {
        ChromeDriver driver = browser();
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(TestHttp.root(server) + "/");
            driver.findElement(By.id("q")).sendKeys("safety alignment against harmful fine-tuning of language models");
            driver.findElement(By.cssSelector("#search button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Results for"));
            List<WebElement> results = driver.findElements(By.cssSelector("#results li a"));
            assertThat(results).hasSize(10);
            assertThat(driver.findElement(By.id("status")).getText()).contains("model " + dev.akin.search.AkinConfig.DEFAULT_MODEL);
            WebElement antidote = results.stream().filter(a -> a.getText().startsWith("Antidote")).findFirst()
                    .orElseThrow(() -> new AssertionError("Antidote not among the results"));

            antidote.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Similar to: Antidote"));
            List<String> similar = driver.findElements(By.cssSelector("#results li a")).stream()
                    .map(WebElement::getText).toList();
            assertThat(similar).hasSize(10).noneMatch(t -> t.startsWith("Antidote"));
            assertThat(similar.subList(0, 3)).anyMatch(t -> t.startsWith("Booster"));

            // One of the paper's sentences as the focus: papers like it in that respect.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#focus summary"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#focus button.sentence")));
            List<WebElement> sentences = driver.findElements(By.cssSelector("#focus button.sentence"));
            assertThat(sentences).hasSizeGreaterThan(2);
            String sentence = sentences.getLast().getText();
            sentences.getLast().click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "(in one respect)"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    dev.akin.search.Akin.DEFAULT_FOCUSED_SIMILAR.toString()));
            assertThat(driver.findElements(By.cssSelector("#results li a"))).hasSize(10)
                    .noneMatch(a -> a.getText().startsWith("Antidote"));
            assertThat(driver.findElement(By.cssSelector("#focus button.sentence.current")).getText()).isEqualTo(sentence);
            Path shot = Path.of("target", "web-page.png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));

            driver.findElement(By.id("yearFrom")).sendKeys("2023");
            driver.findElement(By.id("yearTo")).sendKeys("2023");
            driver.findElement(By.id("q")).clear();
            driver.findElement(By.id("q")).sendKeys("diffusion models");
            driver.findElement(By.cssSelector("#search button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "diffusion models"));
            List<String> metas = driver.findElements(By.cssSelector("#results li .meta")).stream()
                    .map(WebElement::getText).toList();
            assertThat(metas).isNotEmpty().allMatch(m -> m.startsWith("2023"));

            // Words only, with reasons: BM25's answer, each result explained by a sentence pair and shared terms.
            driver.findElement(By.id("yearFrom")).clear();
            driver.findElement(By.id("yearTo")).clear();
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mode"))).selectByValue("lexical");
            driver.findElement(By.id("explain")).click();
            driver.findElement(By.id("q")).clear();
            driver.findElement(By.id("q")).sendKeys("harmful fine-tuning attack");
            driver.findElement(By.cssSelector("#search button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "lexical"));
            List<WebElement> explained = driver.findElements(By.cssSelector("#results li .why"));
            assertThat(explained).hasSize(10);
            assertThat(explained.getFirst().getText()).contains("~").contains("shared:");
        } finally {
            driver.quit();
        }
    }
}
