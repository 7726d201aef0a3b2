package newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the benchmarks' JSON lines into bench/results/raw.json and the Markdown table
 * bench/results/benchmarks.md: medians of the side-by-side runs, their ratios, and the cost
 * arithmetic from the counted operations.
 */
final class Report {
    // List prices, US East (N. Virginia) and CloudFront's United States edge, free tiers left out.
    static final double LAMBDA_GB_SECOND_ARM = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1_000_000;
    static final double DYNAMO_WRITE_UNIT = 0.625 / 1_000_000;
    static final double DYNAMO_READ_UNIT = 0.125 / 1_000_000;
    static final double S3_PUT = 0.005 / 1_000;
    static final double S3_GET_OR_HEAD = 0.0004 / 1_000;
    static final double CLOUDFRONT_INVALIDATION_PATH = 0.005;
    static final double CLOUDFRONT_HTTPS_REQUEST = 0.0100 / 10_000;
    static final double CLOUDFRONT_GB_OUT = 0.085;
    static final double CLOUDFRONT_FUNCTION = 0.10 / 1_000_000;
    static final double LAMBDA_MEMORY_GB = 1.0; // template.yaml: MemorySize 1024, arm64

    private final List<JsonNode> lines;
    private final StringBuilder md = new StringBuilder();

    private Report(List<JsonNode> lines) {
        this.lines = lines;
    }

    static void run(Args args) throws Exception {
        Path outDir = Path.of(args.text("out-dir"));
        Files.createDirectories(outDir);
        String text = Files.readString(Path.of(args.text("raw")), StandardCharsets.UTF_8);
        if (text.startsWith("{\n")) {
            // an earlier raw.json: the table is written again from its numbers
            JsonNode earlier = Args.JSON.readTree(text);
            List<JsonNode> lines = new ArrayList<>();
            earlier.get("results").forEach(lines::add);
            Files.writeString(
                    outDir.resolve("benchmarks.md"),
                    new Report(lines).markdown(earlier.get("environment")),
                    StandardCharsets.UTF_8);
            return;
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) lines.add(Args.JSON.readTree(line));
        }
        Report report = new Report(lines);
        ObjectNode environment = Args.JSON.createObjectNode();
        environment.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        environment.put("mode", args.text("mode", "full"));
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("hugo", args.text("hugo-version", "?"));
        environment.put("exportJavaOptions", args.text("export-java-options", ""));
        environment.put("functionsZipBytes", Files.size(Path.of(args.text("zip"))));
        Path sample = Path.of(args.text("sample"));
        environment.put("articleGzipBytes", medianArticleGzip(sample));
        environment.put("latestGzipBytes", gzipped(sample.resolve("en/latest.json")));
        ObjectNode raw = Args.JSON.createObjectNode();
        raw.set("environment", environment);
        ArrayNode all = raw.putArray("results");
        lines.forEach(all::add);
        Files.writeString(
                outDir.resolve("raw.json"),
                Args.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(raw) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("benchmarks.md"), report.markdown(environment), StandardCharsets.UTF_8);
    }

    /** The median gzip size of (up to 300 of) the exported article pages. */
    static long medianArticleGzip(Path site) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(
                            f -> f.toString().replace('\\', '/').matches(".*/(kk|ru|en)/news/[a-z0-9-]+/index\\.html"))
                    .limit(300)
                    .toList()) {
                sizes.add(gzipped(f));
            }
        }
        sizes.sort(null);
        return sizes.isEmpty() ? 0 : sizes.get(sizes.size() / 2);
    }

    /** The gzip size of a file, as the CDN would send it. */
    static long gzipped(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(Files.readAllBytes(file));
        }
        return out.size();
    }

    private String markdown(JsonNode env) {
        md.append("# Benchmarks\n\n");
        md.append(String.format(
                "Run of %s (`bench/run.sh%s`): %d cores, %s, %s, %s. Every comparison ran both sides in"
                        + " the same run, one after the other; the machine was shared with other work, so"
                        + " absolute times are noisy and the ratios are the figures to read. Raw numbers:"
                        + " `raw.json`.%n%n",
                env.get("date").asText(),
                env.get("mode").asText().equals("quick") ? " --quick" : "",
                env.get("cores").asInt(),
                env.get("java").asText(),
                env.get("hugo").asText(),
                env.get("os").asText()));
        fullSite(env);
        publish();
        coldStart(env);
        api();
        cost(env);
        return md.toString();
    }

    // ---------------------------------------------------------------- 1. full site

    private void fullSite(JsonNode env) {
        md.append("## 1. Full-site render: Hugo against `newsroom-local.jar export`\n\n");
        md.append("The same corpus for both: N stories × 3 languages (kk, ru, en), generated with a fixed"
                + " seed, bodies of about 450 words in Markdown. Hugo reads Markdown files with front"
                + " matter (`bench/hugo/`: the same pages); the export reads the running local"
                + " stack's table (DynamoDB Local, in the stack's process) and writes a folder. Pages"
                + " = files written. Medians of the runs; CPU = user + system seconds, for the export"
                + " including what the stack's process (the database) spent meanwhile. Export JVM"
                + " options: `"
                + env.get("exportJavaOptions").asText()
                + "`.\n\n");
        md.append("| N | tool | runs | wall s | pages | pages/s | peak RSS MiB | CPU s |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder ratios = new StringBuilder();
        for (int n : sizes("site")) {
            double[] pagesPerSecond = new double[2];
            double[] rss = new double[2];
            double[] cpu = new double[2];
            double database = 0;
            int i = 0;
            for (String tool : List.of("hugo", "newsroom")) {
                List<JsonNode> runs = select(
                        l -> is(l, "site") && n(l) == n && text(l, "tool").equals(tool));
                if (runs.isEmpty()) continue;
                double seconds = median(runs, l -> l.get("seconds").asDouble());
                double files = median(runs, l -> l.get("files").asDouble());
                rss[i] = median(runs, l -> l.get("maxRssKb").asDouble()) / 1024;
                cpu[i] = median(
                        runs,
                        l -> l.path("cpuSeconds").asDouble()
                                + l.path("stackCpuSeconds").asDouble());
                pagesPerSecond[i] = median(
                        runs, l -> l.get("files").asDouble() / l.get("seconds").asDouble());
                if (tool.equals("newsroom")) {
                    database = median(runs, l -> l.path("stackCpuSeconds").asDouble());
                }
                md.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %d | %.1f | %,.0f | %.0f | %.0f | %.1f |%n",
                        n,
                        tool.equals("hugo") ? "Hugo" : "Newsroom export",
                        runs.size(),
                        seconds,
                        files,
                        pagesPerSecond[i],
                        rss[i],
                        cpu[i]));
                i++;
            }
            if (pagesPerSecond[0] > 0 && pagesPerSecond[1] > 0) {
                ratios.append(String.format(
                        Locale.ROOT,
                        "- N = %,d: Newsroom renders **%.2f×** Hugo's pages per second (goal ≥ 3×: %s) with"
                                + " **%.2f×** its peak memory (goal ≤ 0.25×: %s) and %.2f× its CPU time, %.0f s"
                                + " of it in the database's process.%n",
                        n,
                        pagesPerSecond[1] / pagesPerSecond[0],
                        pagesPerSecond[1] / pagesPerSecond[0] >= 3 ? "met" : "not met",
                        rss[1] / rss[0],
                        rss[1] / rss[0] <= 0.25 ? "met" : "not met",
                        cpu[1] / cpu[0],
                        database));
            }
        }
        md.append("\n").append(ratios).append("\n");
        md.append("Reading these: Hugo reads local files. The export reads the published index once into"
                + " memory (outlines and excerpts from GSI1, 1 MB per query), answers every list,"
                + " neighbour, archive and sitemap from it, and reads the stories themselves (HTML"
                + " bodies, not their Markdown source) from the table in batches of 100 keys while the"
                + " previous batch of pages renders. DynamoDB Local, in the stack's JVM, parses each"
                + " item it reads whole and measures it for capacity units, so every body is parsed"
                + " there too: that is the database's share of the CPU column, and on 2 cores it is"
                + " time taken from the export. In AWS that work is DynamoDB's, billed in read units;"
                + " the deployed full rebuild fans out over SQS in batches of 50 pages instead.\n\n");
    }

    // ---------------------------------------------------------------- 2. publish

    private void publish() {
        md.append("## 2. One publish at scale\n\n");
        md.append("A new story (three translations, one of them published per run: kk, ru, en, then kk"
                + " again) is published through the API of a running stack holding N stories. The"
                + " corpus ends in 2022, so a language's first publish here opens a new month; the"
                + " second kk publish, into a month that has stories, is the everyday case. Every"
                + " publish renders the sitemap index, which walks the months of the site (one"
                + " one-item query per month and language): the reads that grow, with the months the"
                + " site spans rather than its stories."
                + " *Served* is the time from the API's 200 until the new page, its language's home,"
                + " \"All news\" and latest.json are all served by the CDN emulator with the new story"
                + " (the probe polls the bucket every 5 ms, then reads each page once through the"
                + " CDN, since the emulator caches 404s and list pages like CloudFront would): a cold"
                + " edge, where none of the pages is cached. At a warm edge a list page readers hold"
                + " shows the publish by revalidation within s-maxage + stale-while-revalidate (4 + 4 s)"
                + " of the write, with no invalidation."
                + " Objects written and pages rendered come from the stack's render log line; the"
                + " Hugo column is its full rebuild of the same corpus.\n\n");
        md.append("| N | lang | month | API ms | served ms | render ms | pages rendered | objects written"
                + " (created + updated) | unchanged | invalidated | DynamoDB reads | Hugo full"
                + " rebuild s |\n"
                + "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder summary = new StringBuilder();
        List<Double> writtenBySize = new ArrayList<>();
        for (int n : sizes("publish")) {
            List<JsonNode> runs = select(l -> is(l, "publish") && n(l) == n);
            List<JsonNode> hugo =
                    select(l -> is(l, "site") && n(l) == n && text(l, "tool").equals("hugo"));
            double hugoSeconds = hugo.isEmpty()
                    ? Double.NaN
                    : median(hugo, l -> l.get("seconds").asDouble());
            for (JsonNode r : runs) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %s | %.0f | %.0f | %d | %d | %d (%d + %d) | %d | %d | %.0f | %.1f |%n",
                        n,
                        text(r, "lang"),
                        r.path("firstOfMonth").asBoolean() ? "first story" : "has stories",
                        r.get("apiMs").asDouble(),
                        r.get("servedMs").asDouble(),
                        r.get("renderMs").asInt(),
                        r.get("renderPages").asInt(),
                        r.get("renderCreated").asInt() + r.get("renderUpdated").asInt(),
                        r.get("renderCreated").asInt(),
                        r.get("renderUpdated").asInt(),
                        r.get("renderUnchanged").asInt(),
                        r.get("renderInvalidated").asInt(),
                        reads(r),
                        hugoSeconds));
            }
            double served = median(runs, l -> l.get("servedMs").asDouble());
            double worst = runs.stream()
                    .mapToDouble(l -> l.get("servedMs").asDouble())
                    .max()
                    .orElse(0);
            double written = median(
                    runs,
                    l -> l.get("renderCreated").asDouble()
                            + l.get("renderUpdated").asDouble());
            List<JsonNode> everyday = runs.stream()
                    .filter(l -> !l.path("firstOfMonth").asBoolean())
                    .toList();
            writtenBySize.add(written);
            summary.append(String.format(
                    Locale.ROOT,
                    "- N = %,d: median %.0f ms (slowest %.0f ms) from the API's 200 to all four pages"
                            + " served (goal < 1 s: %s), %.0f objects written, %.0f DynamoDB reads (%.0f"
                            + " when the month already has stories); Hugo needs %.1f s to rebuild the site"
                            + " (%.0f× the publish).%n",
                    n,
                    served,
                    worst,
                    worst < 1000 ? "met" : served < 1000 ? "met by the median" : "not met",
                    written,
                    median(runs, Report::reads),
                    everyday.isEmpty() ? Double.NaN : median(everyday, Report::reads),
                    hugoSeconds,
                    hugoSeconds * 1000 / served));
        }
        if (writtenBySize.size() > 1) {
            summary.append(String.format(
                    Locale.ROOT,
                    "- Objects written per publish at the smallest and largest N: %.0f and %.0f (goal:"
                            + " independent of N).%n",
                    writtenBySize.get(0),
                    writtenBySize.get(writtenBySize.size() - 1)));
        }
        md.append("\n").append(summary).append("\n");
    }

    // ---------------------------------------------------------------- 3. cold start

    private void coldStart(JsonNode env) {
        List<JsonNode> api = select(l ->
                is(l, "cold") && text(l, "kind").equals("api") && l.path("run").isInt());
        List<JsonNode> empty = select(l -> is(l, "cold")
                && text(l, "kind").equals("empty")
                && l.path("run").isInt());
        if (api.isEmpty()) return;
        md.append("## 3. Cold start\n\n");
        md.append("Fresh JVMs with Lambda's flags (`-XX:+TieredCompilation -XX:TieredStopAtLevel=1`) on"
                + " the deployment zip's classpath (classes + lib/), run alternately: the API handler"
                + " built by `Wiring.fromEnvironment()` answering one GET /articles/{id} (JWT claims"
                + " in the event) against the running stack's DynamoDB, and an empty handler class"
                + " (the floor). Wall time from process start to exit; median of each.\n\n");
        double apiMs = median(api, l -> l.get("ms").asDouble());
        double emptyMs = median(empty, l -> l.get("ms").asDouble());
        double init = median(api, l -> l.path("inside").path("initMs").asDouble());
        double first = median(api, l -> l.path("inside").path("requestMs").asDouble());
        int apiClasses = classes("api");
        int emptyClasses = classes("empty");
        md.append("| JVM | runs | median ms | classes loaded |\n|---|---:|---:|---:|\n"
                + String.format(
                        Locale.ROOT,
                        "| API handler, first request | %d | %.0f | %,d |%n",
                        api.size(),
                        apiMs,
                        apiClasses)
                + String.format(
                        Locale.ROOT,
                        "| empty handler (floor) | %d | %.0f | %,d |%n",
                        empty.size(),
                        emptyMs,
                        emptyClasses));
        md.append(String.format(
                Locale.ROOT,
                "%nRatio **%.1f×** the floor (goal ≤ 4×: %s). Inside the API JVM: %.0f ms to build the"
                        + " handler (the table client; the renderer, bucket and queue clients wait for"
                        + " first use) and prime it (the JSON classes on a second thread, one read of a"
                        + " story that does not exist), %.0f ms for the first request. Most of the build is"
                        + " loading the AWS SDK's classes: version 2.40.2 loads the endpoint metadata of"
                        + " every AWS service (about 300 classes) to find the DynamoDB client's signing"
                        + " region (an upstream SDK change removes this; 2.44.4, the newest release whose"
                        + " modules this build could resolve together, still does it). Deployment zip:"
                        + " %.1f MiB. In AWS the functions run with"
                        + " SnapStart, which restores a snapshot taken after the build and the priming"
                        + " instead of running them; these figures are without it.%n%n",
                apiMs / emptyMs,
                apiMs / emptyMs <= 4 ? "met" : "not met",
                init,
                first,
                env.get("functionsZipBytes").asDouble() / (1024 * 1024)));
    }

    private int classes(String kind) {
        return select(l -> is(l, "cold") && text(l, "kind").equals(kind) && l.has("classesLoaded")).stream()
                .mapToInt(l -> l.get("classesLoaded").asInt())
                .findFirst()
                .orElse(0);
    }

    // ---------------------------------------------------------------- 4. API

    private void api() {
        List<JsonNode> runs = select(l -> is(l, "api"));
        if (runs.isEmpty()) return;
        md.append("## 4. Warm API latency\n\n");
        md.append("`wrk --latency` against the local API gateway emulator (JWT check, event mapping, the"
                + " handler in the same JVM): a read (GET /articles/{id}), a write (POST /articles, a"
                + " new draft each time) and GET /openapi.json, which the handler answers without"
                + " touching the table (the gateway's own cost). *Handler* is the time the handler"
                + " logs for itself (whole milliseconds), so gateway overhead ≈ wrk's figure minus"
                + " it.\n\n");
        md.append("| request | connections | req/s | p50 ms | p99 ms | handler p50 ms | handler p99 ms |"
                + " non-2xx |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : runs) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.2f | %.2f | %s | %s | %d |%n",
                    text(r, "route"),
                    r.get("connections").asInt(),
                    r.get("requestsPerSecond").asDouble(),
                    r.path("p50Ms").asDouble(),
                    r.path("p99Ms").asDouble(),
                    r.path("handlerP50Ms").isNull()
                            ? "–"
                            : r.path("handlerP50Ms").asText(),
                    r.path("handlerP99Ms").isNull()
                            ? "–"
                            : r.path("handlerP99Ms").asText(),
                    r.get("non2xx").asInt()));
        }
        md.append("\n");
    }

    // ---------------------------------------------------------------- 5. cost

    private void cost(JsonNode env) {
        List<Integer> sizes = sizes("publish");
        if (sizes.isEmpty()) return;
        int n = sizes.get(sizes.size() - 1);
        List<JsonNode> runs = select(l -> is(l, "publish") && n(l) == n);
        double renders = median(runs, l -> l.get("renderInvocations").asDouble());
        double apiMs = median(runs, l -> l.path("apiHandlerMs").asDouble());
        double renderMs = median(runs, l -> l.get("renderMs").asDouble());
        double rru = median(
                runs,
                l -> sdk(l, "units DynamoDb:Query")
                        + sdk(l, "units DynamoDb:GetItem")
                        + sdk(l, "units DynamoDb:BatchGetItem"));
        double wru = median(runs, l -> sdk(l, "units DynamoDb:TransactWriteItems") + sdk(l, "units DynamoDb:PutItem"));
        double reads = median(
                runs,
                l -> sdk(l, "calls DynamoDb:Query")
                        + sdk(l, "calls DynamoDb:GetItem")
                        + sdk(l, "calls DynamoDb:BatchGetItem"));
        double puts = median(runs, l -> sdk(l, "calls S3:PutObject") + sdk(l, "calls S3:DeleteObject"));
        double heads = median(runs, l -> sdk(l, "calls S3:HeadObject"));
        double invalidated = median(runs, l -> l.get("renderInvalidated").asDouble());
        double invocations = 1 + renders;
        double gbSeconds = (apiMs + renderMs) / 1000 * LAMBDA_MEMORY_GB;

        double lambda = invocations * LAMBDA_REQUEST + gbSeconds * LAMBDA_GB_SECOND_ARM;
        double dynamo = rru * DYNAMO_READ_UNIT + wru * DYNAMO_WRITE_UNIT;
        double s3 = puts * S3_PUT + heads * S3_GET_OR_HEAD;
        double invalidation = invalidated * CLOUDFRONT_INVALIDATION_PATH;
        double perPublish = lambda + dynamo + s3;

        md.append("## 5. Cost on paper\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Prices: AWS list prices for US East (N. Virginia) and CloudFront's United States"
                        + " edge as known to the author on %s (not re-checked against the pricing pages in"
                        + " this run; free tiers left out): Lambda arm64 $%.10f per GB-second and $0.20 per"
                        + " million requests; DynamoDB on demand $0.625 per million write request units"
                        + " and $0.125 per million read request units (stream reads by Lambda are free);"
                        + " S3 Standard $0.005 per 1,000 PUT and $0.0004 per 1,000 GET/HEAD; CloudFront"
                        + " $0.005 per invalidation path past 1,000 a month, $0.0100 per 10,000 HTTPS"
                        + " requests, $0.085 per GB out (first 10 TB), CloudFront Functions $0.10 per"
                        + " million.%n%n",
                env.get("date").asText(),
                LAMBDA_GB_SECOND_ARM));
        md.append(String.format(
                Locale.ROOT,
                "Counted in the local stack for one publish at N = %,d (medians of %d; DynamoDB calls"
                        + " and capacity units counted by an SDK interceptor that only the benchmark puts"
                        + " on the stack's classpath; units as DynamoDB Local reports them):%n%n"
                        + "| item | per publish | arithmetic | $ per publish |%n|---|---:|---|---:|%n"
                        + "| Lambda invocations (API + render) | %.0f | %.0f × $0.20/M | %.8f |%n"
                        + "| Lambda duration (API %.0f ms + render %.0f ms, 1 GB, measured locally) | %.3f GB-s | × $%.10f | %.8f |%n"
                        + "| DynamoDB reads (%.0f calls) | %.1f RRU | × $0.125/M | %.8f |%n"
                        + "| DynamoDB writes (1 transaction) | %.1f WRU | × $0.625/M | %.8f |%n"
                        + "| S3 PUT/DELETE | %.0f | × $0.005/1,000 | %.8f |%n"
                        + "| S3 HEAD (unchanged-page check) | %.0f | × $0.0004/1,000 | %.8f |%n"
                        + "| **total without invalidations** | | | **%.8f** |%n"
                        + "| CloudFront invalidation paths | %.0f | × $0.005 past 1,000/month | %.8f |%n%n",
                n,
                runs.size(),
                invocations,
                invocations,
                invocations * LAMBDA_REQUEST,
                apiMs,
                renderMs,
                gbSeconds,
                LAMBDA_GB_SECOND_ARM,
                gbSeconds * LAMBDA_GB_SECOND_ARM,
                reads,
                rru,
                rru * DYNAMO_READ_UNIT,
                wru,
                wru * DYNAMO_WRITE_UNIT,
                puts,
                puts * S3_PUT,
                heads,
                heads * S3_GET_OR_HEAD,
                perPublish,
                invalidated,
                invalidation));
        md.append(String.format(
                Locale.ROOT,
                "**1,000 publishes** ≈ 1,000 × $%.8f = **$%.4f**, plus %,.0f invalidation paths (free"
                        + " within the first 1,000 a month, else $%.2f). Publishing a new story invalidates"
                        + " nothing new; it is the update of an already-published page (here a neighbour's"
                        + " «« »» links) that costs paths. List pages (homes, All news, categories,"
                        + " archives, feeds, sitemaps, latest.json) cost no invalidation path: they carry"
                        + " s-maxage=4 and stale-while-revalidate=4, and an edge renews each with a"
                        + " conditional GET (S3 answers 304 while it is unchanged) at most once every 4 s"
                        + " while readers ask for it: at most 21,600 GETs a day per list page per edge,"
                        + " $0.0086 at $0.0004 per 1,000. A full rebuild costs one path (/*).%n%n",
                perPublish,
                perPublish * 1000,
                invalidated * 1000,
                invalidated * 1000 * CLOUDFRONT_INVALIDATION_PATH));
        double article = env.get("articleGzipBytes").asDouble();
        double latest = env.get("latestGzipBytes").asDouble();
        double bytesPerView = article + latest;
        double requests = 2_000_000;
        double gb = bytesPerView * 1_000_000 / 1e9;
        double views = requests * CLOUDFRONT_HTTPS_REQUEST + gb * CLOUDFRONT_GB_OUT + requests * CLOUDFRONT_FUNCTION;
        md.append(String.format(
                Locale.ROOT,
                "**1 million page views**, each an article page (%.1f KB gzipped, the median of the"
                        + " exported article pages) and its latest.json refresh (%.1f KB): 2,000,000 HTTPS"
                        + " requests × $0.0100/10,000 = $%.2f; %.1f GB × $0.085 = $%.2f; 2,000,000"
                        + " CloudFront Function runs × $0.10/M = $%.2f; total **$%.2f**. The stylesheet and"
                        + " script are immutable and cached by browsers (left out); origin fetches from S3"
                        + " are at most one conditional GET per list page per edge every 4 s (see"
                        + " above) and rare for articles (left out).%n",
                article / 1000,
                latest / 1000,
                requests * CLOUDFRONT_HTTPS_REQUEST,
                gb,
                gb * CLOUDFRONT_GB_OUT,
                requests * CLOUDFRONT_FUNCTION,
                views));
    }

    private static double reads(JsonNode l) {
        return sdk(l, "calls DynamoDb:Query")
                + sdk(l, "calls DynamoDb:GetItem")
                + sdk(l, "calls DynamoDb:BatchGetItem");
    }

    private static double sdk(JsonNode l, String key) {
        return l.path("sdk").path(key).asDouble(0);
    }

    // ---------------------------------------------------------------- helpers

    private List<Integer> sizes(String bench) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (JsonNode l : lines) if (is(l, bench)) sizes.add(n(l));
        return new ArrayList<>(sizes);
    }

    private List<JsonNode> select(Predicate<JsonNode> which) {
        return lines.stream().filter(which).toList();
    }

    private static boolean is(JsonNode l, String bench) {
        return bench.equals(l.path("bench").asText());
    }

    private static int n(JsonNode l) {
        return l.path("stories").asInt();
    }

    private static String text(JsonNode l, String field) {
        return l.path(field).asText();
    }

    static double median(List<JsonNode> runs, ToDoubleFunction<JsonNode> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
