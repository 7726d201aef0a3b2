package newsroom.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import newsroom.local.HeadlessChrome;
import newsroom.render.Assets;
import newsroom.render.Output;
import newsroom.render.Page;
import newsroom.render.SiteRenderer;
import newsroom.search.Analyzer;
import newsroom.search.SearchIndexer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time from a keystroke to the results in headless Chromium, on the search index of N stories x
 * kk, ru, en of the benchmark corpus. The index and the search page are built as the renderer
 * builds them and served from memory by a loopback HTTP server, so what is timed is the page's own
 * work (fetching its pieces from a local origin, scoring, drawing the list), not a network's.
 *
 * <p>For each query word (a word of a different story's Russian title) the word is typed a letter
 * at a time; the page records when the last letter's {@code input} event fired and when the list
 * answering the whole word was drawn ({@code data-answered}). "First" is a word whose pieces the
 * page has not fetched yet; "again" is the same word typed once more, its pieces in the browser's
 * cache.
 *
 * <p>Run by {@code bench/search.sh}, which builds the test classpath (Selenium) first.
 */
public final class SearchTypingBench {
    static final int WORDS = 15;

    private SearchTypingBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : args[0].split(",")) sizes.add(Integer.parseInt(s.strip()));
        StringBuilder report = new StringBuilder()
                .append("# Search: keystroke to results\n\n")
                .append("Headless Chromium (")
                .append(chromiumVersion())
                .append("), the search page and index of N stories x kk, ru, en of the benchmark corpus,")
                .append(" served from memory on loopback; ")
                .append(WORDS)
                .append(" Russian words, each from a different story's title, typed a letter at a")
                .append(" time. Time from the last letter's `input` event to the list answering the")
                .append(" whole word being drawn. 2 shared cores: read the medians.\n\n")
                .append("| N | words | first: median ms | first: slowest ms | again: median ms |")
                .append(" again: slowest ms |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (int n : sizes) report.append(run(n)).append('\n');
        report.append("\nGoal: at most 50 ms from keystroke to results once the page is loaded.\n");
        System.out.print(report);
        if (args.length > 1) Files.writeString(Path.of(args[1]), report.toString(), StandardCharsets.UTF_8);
    }

    static String run(int n) throws Exception {
        SearchBench.MemoryIndex index = new SearchBench.MemoryIndex();
        for (int i = 0; i < n; i++) index.add(SearchBench.story(i));
        SearchBench.MemoryBucket bucket = new SearchBench.MemoryBucket();
        SearchIndexer indexer = new SearchIndexer(index, bucket, SearchBench.CONFIG);
        for (String lang : SearchBench.CONFIG.languages()) indexer.rebuild(lang);
        SiteRenderer renderer = new SiteRenderer(index, SearchBench.CONFIG, new Assets(), Clock.systemUTC());
        for (Page page : List.<Page>of(new Page.Search("ru"), new Page.Assets())) {
            for (Output out : renderer.render(page)) {
                if (out instanceof Output.Put put) {
                    bucket.putIfChanged(put.key(), put.body(), put.contentType(), put.cacheControl());
                }
            }
        }
        List<String> words = words(index, n);
        HttpServer server = serve(bucket);
        WebDriver browser = HeadlessChrome.start("search-typing")
                .orElseThrow(() -> new IllegalStateException("headless Chromium is not installed"));
        try {
            String page = "http://127.0.0.1:" + server.getAddress().getPort() + "/ru/search/";
            List<Double> first = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            for (String word : words) {
                browser.get(page);
                first.add(type(browser, word));
                again.add(type(browser, word));
            }
            return String.format(
                    Locale.ROOT,
                    "| %,d | %d | %.1f | %.1f | %.1f | %.1f |",
                    n,
                    words.size(),
                    median(first),
                    max(first),
                    median(again),
                    max(again));
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    /** Types the word into an empty field and answers the milliseconds from its last letter to its list. */
    static double type(WebDriver browser, String word) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement field = wait.until(d -> d.findElement(By.id("search-query")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // clear without an answer pending: the empty query is answered at once
        js.executeScript(
                "var f = arguments[0]; f.value = ''; f.dispatchEvent(new Event('input'));"
                        + "var root = document.querySelector('[data-search]');"
                        + "window.__typed = null; window.__drawn = null;"
                        + "if (!window.__watching) {"
                        + "  window.__watching = true;"
                        + "  f.addEventListener('input', function () { window.__typed = performance.now(); }, true);"
                        + "  new MutationObserver(function () {"
                        + "    if (root.getAttribute('data-answered') === f.value && f.value !== '')"
                        + "      window.__drawn = performance.now();"
                        + "  }).observe(root, {attributes: true, attributeFilter: ['data-answered']});"
                        + "}",
                field);
        field.sendKeys(word);
        wait.until(d -> js.executeScript(
                        "return window.__drawn !== null && window.__drawn >= window.__typed"
                                + " && document.querySelector('[data-search]').getAttribute('data-answered') === arguments[0];",
                        word)
                .equals(Boolean.TRUE));
        Number ms = (Number) js.executeScript("return window.__drawn - window.__typed;");
        if (browser.findElements(By.cssSelector(".search-results li")).isEmpty()) {
            throw new IllegalStateException("«" + word + "» found nothing: the benchmark would time an empty answer");
        }
        return ms.doubleValue();
    }

    /** Words of Russian titles of stories spread over the corpus, five letters or more, each once. */
    static List<String> words(SearchBench.MemoryIndex index, int n) {
        Set<String> words = new LinkedHashSet<>();
        for (int k = 0; words.size() < WORDS && k < n; k++) {
            int i = (int) ((long) k * 7919 % n);
            index.stories
                    .get(SearchBench.id(i))
                    .translation("ru")
                    .orElseThrow()
                    .title()
                    .lines()
                    .forEach(title -> {
                        Analyzer.words(title).stream()
                                .filter(w -> w.length() >= 5)
                                .findFirst()
                                .ifPresent(words::add);
                    });
        }
        return List.copyOf(words);
    }

    static HttpServer serve(SearchBench.MemoryBucket bucket) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String key = path.substring(1) + (path.endsWith("/") ? "index.html" : "");
                byte[] body = bucket.objects.get(key);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", contentType(key));
                // as the CDN lets browsers keep the pieces between two keystrokes
                exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    static String contentType(String key) {
        if (key.endsWith(".html")) return "text/html; charset=utf-8";
        if (key.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (key.endsWith(".css")) return "text/css; charset=utf-8";
        if (key.endsWith(".json")) return "application/json";
        if (key.endsWith(".svg")) return "image/svg+xml";
        return "application/octet-stream";
    }

    static String chromiumVersion() {
        try {
            Process p = new ProcessBuilder("/usr/bin/chromium", "--version")
                    .redirectErrorStream(true)
                    .start();
            // the launcher script may print a warning first: the version is the last line
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .toList();
            return lines.isEmpty() ? "Chromium" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "Chromium";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
