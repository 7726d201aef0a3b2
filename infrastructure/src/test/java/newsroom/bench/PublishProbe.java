package newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.local.LocalCloud;
import newsroom.render.SitePaths;
import newsroom.story.StoryInput;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One publish at scale, against a running local stack: creates a draft through the API, publishes
 * one language of it, and times from the API's 200 until the new page and the pages that list it
 * (the language's home, "All news" and latest.json) are served by the CDN emulator with the new
 * story. The emulator caches like CloudFront (a 404 for 2 s, list pages for their s-maxage and
 * stale-while-revalidate), so
 * polling it would measure its cache: the probe polls the bucket (the origin) and then reads each
 * page once through the CDN, where none of them is cached. The stack's render log lines and the SDK
 * call counts give the work the publish caused.
 */
final class PublishProbe {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PublishProbe() {}

    static void run(Args args) throws Exception {
        String api = args.text("api");
        String cdn = args.text("cdn");
        String token = args.text("token");
        Path log = Path.of(args.text("log"));
        Path counts = Path.of(args.text("counts"));
        int stories = args.integer("stories");
        int offset = args.integer("port-offset");
        try (S3Client s3 = CorpusLoad.s3("http://127.0.0.1:" + (9000 + offset))) {
            int n = 0;
            Map<String, Long> servedAt = new LinkedHashMap<>();
            for (String lang : args.text("langs", "kk,ru,en,kk").split(",")) {
                n++;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("bench", "publish");
                out.put("stories", stories);
                out.put("months", args.integer("months", 0));
                // the same stories spread over more months than the corpus's own pace gives
                out.put("spread", args.flag("spread"));
                out.put("lang", lang);
                // the corpus ends years ago: a language's first publish here opens a new month, a second
                // one is the everyday case
                out.put("firstOfMonth", !servedAt.containsKey(lang));
                if (servedAt.containsKey(lang)) {
                    // the CDN keeps list pages for s-maxage + stale-while-revalidate (8 s): wait until our
                    // last reads expired, so each publish is measured at a cold edge
                    long wait = servedAt.get(lang) + 9_000_000_000L - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000);
                }
                // a story like the corpus's, in all three languages, of which one is published
                StoryInput input = Corpus.story(5_000_000 + stories + n).input();
                JsonNode created = json(send("POST", api + "/articles", token, storyJson(input), null));
                String id = created.get("id").asText();
                String etag = "\"" + created.get("version").asText() + "\"";
                String slug = created.get("translations").get(lang).get("slug").asText();
                Thread.sleep(1_000); // let the draft's stream records pass (they render nothing)
                long logFrom = Files.size(log);
                JsonNode before = Args.JSON.readTree(Files.readString(counts));

                long sent = System.nanoTime();
                HttpResponse<String> published = send(
                        "POST",
                        api + "/articles/" + id + "/publish",
                        token,
                        "{\"languages\":[\"" + lang + "\"]}",
                        etag);
                long ok = System.nanoTime();
                if (published.statusCode() != 200) {
                    throw new IllegalStateException("publish answered " + published.statusCode());
                }
                String path = "/" + lang + "/news/" + slug + "/";
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put(SitePaths.articleKey(lang, slug), slug);
                pages.put(lang + "/index.html", path);
                pages.put(lang + "/news/index.html", path);
                pages.put(lang + "/latest.json", path);
                Map<String, Double> atOrigin = new LinkedHashMap<>();
                long deadline = ok + 30_000_000_000L;
                while (atOrigin.size() < pages.size()) {
                    for (Map.Entry<String, String> page : pages.entrySet()) {
                        if (atOrigin.containsKey(page.getKey())) continue;
                        if (originHas(s3, page.getKey(), page.getValue())) {
                            atOrigin.put(page.getKey(), millis(ok, System.nanoTime()));
                        }
                    }
                    if (System.nanoTime() > deadline) throw new IllegalStateException("not rendered in 30 s");
                    Thread.sleep(5);
                }
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    String url = cdn + "/" + page.getKey().replaceFirst("index\\.html$", "");
                    HttpResponse<String> served = HTTP.send(
                            HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (served.statusCode() != 200 || !served.body().contains(page.getValue())) {
                        throw new IllegalStateException(url + " is not served with the new story");
                    }
                }
                long served = System.nanoTime();
                servedAt.put(lang, served);
                out.put("apiMs", millis(sent, ok));
                out.put("originMs", atOrigin);
                out.put("servedMs", millis(ok, served));

                // the work the publish caused: render log lines until the stream is quiet
                List<JsonNode> renders = new ArrayList<>();
                JsonNode apiLine = null;
                long lastLine = System.nanoTime();
                long read = logFrom;
                // until the publish's own render line has come (a loaded machine renders for seconds after
                // the pages reached the bucket) and then nothing more for 1.5 s
                long renderDeadline = System.nanoTime() + 120_000_000_000L;
                while ((renders.isEmpty() && System.nanoTime() < renderDeadline)
                        || System.nanoTime() - lastLine < 1_500_000_000L) {
                    Thread.sleep(100);
                    List<String> lines = new ArrayList<>();
                    read = readLines(log, read, lines);
                    for (String line : lines) {
                        if (!line.startsWith("{")) continue;
                        JsonNode node = Args.JSON.readTree(line);
                        String event = node.path("event").asText();
                        if (event.equals("render") && node.path("changes").asInt() > 0) {
                            renders.add(node);
                            lastLine = System.nanoTime();
                        } else if (event.equals("api")
                                && node.path("route").asText().endsWith("/publish")) {
                            apiLine = node;
                        }
                    }
                }
                JsonNode after = Args.JSON.readTree(Files.readString(counts));
                out.put("renderInvocations", renders.size());
                for (String field :
                        List.of("pages", "created", "updated", "unchanged", "removed", "invalidated", "ms")) {
                    int sum = 0;
                    for (JsonNode r : renders) sum += r.path(field).asInt();
                    out.put("render" + Character.toUpperCase(field.charAt(0)) + field.substring(1), sum);
                }
                out.put(
                        "apiHandlerMs",
                        apiLine == null ? null : apiLine.path("ms").asInt());
                out.put("sdk", difference(before, after));
                args.emit(out);
            }
            staffList(args, api, token, counts, stories);
        }
    }

    /**
     * The staff list's reads: one GET /articles of each size, with the DynamoDB calls and units it
     * cost, from the stack's SDK counts (taken once they have settled after the answer): those made
     * on the threads that serve the request, the gateway's and the shared batch readers', so that
     * the scheduled publisher's minute is not counted as the list's. The batch readers are shared
     * with renders, so a render's batch reads in the same window would still count; the whole
     * stack's figures are kept beside them ({@code sdkWholeStack}).
     */
    private static void staffList(Args args, String api, String token, Path counts, int stories) throws Exception {
        for (int limit : List.of(10, 50)) {
            JsonNode before = settled(counts, null);
            long sent = System.nanoTime();
            HttpResponse<String> list = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + "/articles?limit=" + limit))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            JsonNode body = json(list);
            JsonNode after = settled(counts, before);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "staff-list");
            out.put("stories", stories);
            out.put("limit", limit);
            out.put("spread", args.flag("spread"));
            out.put("returned", body.path("items").size());
            out.put("ms", millis(sent, answered));
            Map<String, Double> wholeStack = difference(before, after);
            out.put("sdk", onThreads(wholeStack, Set.of("api-gateway", "batch-reader")));
            out.put("sdkWholeStack", wholeStack);
            args.emit(out);
        }
    }

    /** The calls and units counted on these kinds of thread, summed under their plain names. */
    private static Map<String, Double> onThreads(Map<String, Double> counts, Set<String> threads) {
        Map<String, Double> kept = new LinkedHashMap<>();
        counts.forEach((key, value) -> {
            int at = key.lastIndexOf(" @");
            if (at > 0 && threads.contains(key.substring(at + 2))) kept.merge(key.substring(0, at), value, Double::sum);
        });
        return kept;
    }

    /** The counts file once two reads 200 ms apart agree (and differ from {@code from}, if given). */
    private static JsonNode settled(Path counts, JsonNode from) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode last = Args.JSON.readTree(Files.readString(counts));
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            JsonNode now = Args.JSON.readTree(Files.readString(counts));
            if (now.equals(last) && (from == null || !now.equals(from))) return now;
            last = now;
        }
        return last;
    }

    private static boolean originHas(S3Client s3, String key, String text) {
        try {
            byte[] body = s3.getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(key))
                    .asByteArray();
            return new String(body, StandardCharsets.UTF_8).contains(text);
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static Map<String, Double> difference(JsonNode before, JsonNode after) {
        Map<String, Double> diff = new LinkedHashMap<>();
        after.fields().forEachRemaining(e -> {
            double d = e.getValue().asDouble() - before.path(e.getKey()).asDouble(0);
            if (d != 0) diff.put(e.getKey(), Math.round(d * 10) / 10.0);
        });
        return diff;
    }

    private static long readLines(Path file, long from, List<String> lines) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= from) return from;
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') end--; // keep a partial last line for later
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) lines.add(line);
            }
            return from + end;
        }
    }

    static String storyJson(StoryInput input) {
        ObjectNode root = Args.JSON.createObjectNode();
        root.put("category", input.category());
        input.tags().forEach(root.putArray("tags")::add);
        ObjectNode translations = root.putObject("translations");
        input.translations()
                .forEach((lang, t) -> translations
                        .putObject(lang)
                        .put("title", t.title())
                        .put("lead", t.lead())
                        .put("dateline", t.dateline())
                        .put("body", t.body())
                        .put("format", "markdown"));
        return root.toString();
    }

    static HttpResponse<String> send(String method, String url, String token, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) request.header("If-Match", ifMatch);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("API answered " + response.statusCode());
        }
        return Args.JSON.readTree(response.body());
    }

    private static double millis(long from, long to) {
        return Math.round((to - from) / 100_000.0) / 10.0;
    }
}
