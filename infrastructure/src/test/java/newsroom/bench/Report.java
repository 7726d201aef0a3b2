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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        environment.put("stackJavaOptions", args.text("stack-java-options", ""));
        environment.put("command", args.text("command", "bench/run.sh"));
        environment.put("niceness", args.integer("niceness", 0));
        environment.put("load", args.text("load", ""));
        environment.put("functionsZipBytes", Files.size(Path.of(args.text("zip"))));
        Path sample = Path.of(args.text("sample"));
        // without a full-site render in the run, the sizes are those of the pages in the stack's bucket
        environment.put("pageSample", report.select(l -> is(l, "site")).isEmpty() ? "the bucket's" : "the exported");
        environment.put("articleGzipBytes", medianArticleGzip(sample));
        environment.put("latestGzipBytes", gzipped(sample.resolve("en/latest.json")));
        if (args.flag("baseline") && Files.exists(Path.of(args.text("baseline")))) {
            ObjectNode baseline = baseline(Path.of(args.text("baseline")));
            if (baseline != null) environment.set("baselinePublish", baseline);
        }
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

    /**
     * The publish figures at the smallest N of earlier results (the committed raw.json), for a run
     * at other sizes to be read against: median objects written and reads, the everyday reads.
     */
    static ObjectNode baseline(Path rawJson) throws IOException {
        JsonNode earlier = Args.JSON.readTree(Files.readString(rawJson, StandardCharsets.UTF_8));
        List<JsonNode> runs = new ArrayList<>();
        earlier.path("results").forEach(l -> {
            if (is(l, "publish") && !l.path("spread").asBoolean()) runs.add(l);
        });
        if (runs.isEmpty()) return null;
        int n = runs.stream().mapToInt(Report::n).min().getAsInt();
        List<JsonNode> atN = runs.stream().filter(l -> n(l) == n).toList();
        List<JsonNode> everyday =
                atN.stream().filter(l -> !l.path("firstOfMonth").asBoolean()).toList();
        ObjectNode b = Args.JSON.createObjectNode();
        b.put("date", earlier.path("environment").path("date").asText());
        b.put("stories", n);
        b.put("written", median(atN, Report::written));
        b.put("reads", median(atN, Report::reads));
        b.put("everydayReads", median(everyday, Report::reads));
        // every corpus of that N (its own pace and the one spread over more months), publish by publish
        ArrayNode corpora = b.putArray("corpora");
        for (boolean spread : List.of(false, true)) {
            List<JsonNode> rows = new ArrayList<>();
            earlier.path("results").forEach(l -> {
                if (is(l, "publish") && n(l) == n && l.path("spread").asBoolean() == spread) rows.add(l);
            });
            if (rows.isEmpty()) continue;
            ObjectNode corpus = corpora.addObject();
            corpus.put("months", rows.get(0).path("months").asInt());
            ArrayNode written = corpus.putArray("written");
            ArrayNode reads = corpus.putArray("reads");
            for (JsonNode r : rows) {
                written.add(written(r));
                reads.add(reads(r));
            }
        }
        return b;
    }

    private static String listed(List<Double> values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            if (text.length() > 0) text.append(", ");
            text.append(String.format(Locale.ROOT, "%.0f", v));
        }
        return text.toString();
    }

    /** Met when every publish equals one corpus's of the baseline, or at least the medians are equal. */
    private static String verdict(String sameRows, boolean sameMedian, int baselineN) {
        if (sameRows != null) {
            return String.format(Locale.ROOT, "met, publish by publish equal to N = %,d %s", baselineN, sameRows);
        }
        return sameMedian ? "met by the median, not publish by publish" : "not met";
    }

    private static double written(JsonNode l) {
        return l.get("renderCreated").asDouble() + l.get("renderUpdated").asDouble();
    }

    private String markdown(JsonNode env) {
        md.append("# Benchmarks\n\n");
        // an earlier raw.json has no command: its mode is all it says of the options
        String command = env.has("command")
                ? env.get("command").asText()
                : "bench/run.sh" + (env.get("mode").asText().equals("quick") ? " --quick" : "");
        int niceness = env.path("niceness").asInt(0);
        md.append(String.format(
                "Run of %s (`%s`): %d cores, %s, %s, %s. Every comparison ran both sides in"
                        + " the same run, one after the other; the machine was shared with other work, so"
                        + " absolute times are noisy and the ratios are the figures to read.%s Raw numbers:"
                        + " `raw.json`.%n%n",
                env.get("date").asText(),
                command,
                env.get("cores").asInt(),
                env.get("java").asText(),
                env.get("hugo").asText(),
                env.get("os").asText(),
                niceness == 0
                        ? ""
                        : String.format(
                                " The whole run (Hugo, the export, the engine, the stack and its database, the"
                                        + " cold-start JVMs, wrk) ran at niceness %d while other work at the"
                                        + " default priority compiled on the same cores: both sides of every"
                                        + " comparison ran at the same priority, one after the other, so the"
                                        + " ratios stand, but that work's load varied during the run and absolute"
                                        + " times and rates are those of a loaded machine.",
                                niceness)));
        if (!env.path("load").asText().isEmpty()) {
            md.append("The machine's load (`/proc/loadavg`: 1, 5 and 15-minute averages, on 2 cores): ")
                    .append(env.get("load").asText())
                    .append(".\n\n");
        }
        fullSite(env);
        publish(env);
        corpusLoad();
        coldStart(env);
        packages();
        api();
        cost(env);
        return md.toString();
    }

    // ---------------------------------------------------------------- 1. full site

    private void fullSite(JsonNode env) {
        md.append("## 1. Full-site render: Hugo, `newsroom-local.jar export` and the engine alone\n\n");
        if (sizes("site").isEmpty() && sizes("engine").isEmpty()) {
            md.append("Left out in this run: the full-site render runs up to N = 20,000 only (Hugo's memory grows"
                    + " with N; it needed 3.5 GB at 10,000). See `benchmarks.md` for N = 1,000 and 10,000.\n\n");
            return;
        }
        md.append("The same corpus for all: N stories × 3 languages (kk, ru, en), generated with a fixed"
                + " seed, bodies of about 450 words in Markdown. Hugo reads Markdown files with front"
                + " matter (`bench/hugo/`: the same pages); the export reads the running local"
                + " stack's table (DynamoDB Local, in the stack's process) and writes a folder; the"
                + " engine reads the index and every story from the table into memory first (untimed)"
                + " and then renders the whole site from that snapshot, with the export's pages and"
                + " writer, into a bucket that only counts, several passes in one JVM: a first pass"
                + " cold, then warm-up passes while the JIT compiler still compiles (its threads' CPU"
                + " counts in theirs; in a full run at least 5 passes and 150,000 pages, so as many"
                + " pages at every N: at N = 1,000 the CPU per pass still falls by a third from the"
                + " 6th pass to the 20th), then the measured passes, the goal's figure; its time and CPU"
                + " are the pages' only, the search index it builds after the first and the last"
                + " pass (as the export does) is timed apart and shown below. Pages = files written, the search index's"
                + " shards (files under search/, which Hugo has no counterpart for) left out. Medians of the"
                + " runs; CPU = user + system seconds, for the export including what the stack's"
                + " process (the database) spent meanwhile, for the engine the process's CPU during"
                + " the pass. *With database*: the peak of the export's and the stack's resident sets"
                + " summed, sampled every 20 ms. Export JVM options: `"
                + env.get("exportJavaOptions").asText()
                + "`; the stack's (the database's) JVM: `"
                + env.path("stackJavaOptions").asText()
                + "`.\n\n");
        md.append("| N | tool | runs | wall s | pages | pages/s | pages per CPU-s | peak RSS MiB | with database"
                + " MiB | CPU s |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder ratios = new StringBuilder();
        for (int n : sizes("site")) {
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (String tool : List.of("hugo", "newsroom-pages", "newsroom")) {
                List<JsonNode> runs = select(
                        l -> is(l, "site") && n(l) == n && text(l, "tool").equals(tool));
                if (runs.isEmpty()) continue;
                double seconds = median(runs, l -> l.get("seconds").asDouble());
                double files = median(runs, l -> pages(l));
                double rss = median(runs, l -> l.get("maxRssKb").asDouble()) / 1024;
                double together = tool.equals("hugo")
                        ? rss
                        : median(
                                        runs,
                                        l -> Math.max(
                                                l.path("togetherPeakRssKb").asDouble(),
                                                l.get("maxRssKb").asDouble()))
                                / 1024;
                double cpu = median(
                        runs,
                        l -> l.path("cpuSeconds").asDouble()
                                + l.path("stackCpuSeconds").asDouble());
                double perSecond = median(runs, l -> pages(l) / l.get("seconds").asDouble());
                double perCpu = median(
                        runs,
                        l -> pages(l)
                                / (l.path("cpuSeconds").asDouble()
                                        + l.path("stackCpuSeconds").asDouble()));
                figures.put(tool, new double[] {perSecond, perCpu, together});
                siteRow(
                        n,
                        switch (tool) {
                            case "hugo" -> "Hugo";
                            case "newsroom-pages" -> "Newsroom export, pages only (`--pages-only`)";
                            default -> "Newsroom export, pages + search index";
                        },
                        runs.size(),
                        seconds,
                        files,
                        perSecond,
                        perCpu,
                        rss,
                        together,
                        cpu);
            }
            List<JsonNode> passes = select(l -> is(l, "engine") && n(l) == n);
            double engineRss = select(l -> is(l, "engine-memory") && n(l) == n).stream()
                    .mapToDouble(l -> l.path("peakRssKb").asDouble() / 1024)
                    .findFirst()
                    .orElse(Double.NaN);
            // runs written before the passes had phases: the first pass cold, the others measured
            java.util.function.Function<JsonNode, String> phase = l ->
                    l.has("phase") ? l.get("phase").asText() : l.path("pass").asInt() == 1 ? "cold" : "measured";
            for (String which : List.of("cold", "warmup", "measured")) {
                List<JsonNode> these = passes.stream()
                        .filter(l -> phase.apply(l).equals(which))
                        .toList();
                if (these.isEmpty()) continue;
                double perCpu =
                        median(these, l -> pages(l) / l.get("cpuSeconds").asDouble());
                if (which.equals("measured")) figures.put("engine", new double[] {0, perCpu, engineRss});
                siteRow(
                        n,
                        switch (which) {
                            case "cold" -> "Newsroom engine, first pass";
                            case "warmup" -> "Newsroom engine, warm-up passes (JIT compiling)";
                            default -> "Newsroom engine, warm (after the warm-up)";
                        },
                        these.size(),
                        median(these, l -> l.get("seconds").asDouble()),
                        median(these, l -> pages(l)),
                        median(these, l -> pages(l) / l.get("seconds").asDouble()),
                        perCpu,
                        engineRss,
                        Double.NaN,
                        median(these, l -> l.get("cpuSeconds").asDouble()));
            }
            double[] hugo = figures.get("hugo");
            double[] engine = figures.get("engine");
            if (hugo == null) continue;
            // Hugo writes pages and no search index: the goal is read on the pages-only export
            for (String tool : List.of("newsroom-pages", "newsroom")) {
                double[] export = figures.get(tool);
                if (export == null) continue;
                double goal = n >= 10_000 ? 2 : 1;
                boolean fair = tool.equals("newsroom-pages");
                ratios.append(String.format(
                        Locale.ROOT,
                        "- N = %,d, end to end, %s: the export renders **%.2f×** Hugo's pages per second (goal ≥"
                                + " %.0f× at this N: %s) with **%.2f×** its peak memory, the database's process"
                                + " counted (goal ≤ 0.5×: %s).%n",
                        n,
                        fair ? "pages only (what Hugo writes: the goal's figure)" : "pages and the search index",
                        export[0] / hugo[0],
                        goal,
                        !fair
                                ? "for comparison"
                                : n < 1_000
                                        ? "no goal below N = 1,000"
                                        : export[0] / hugo[0] >= goal ? "met" : "not met",
                        export[2] / hugo[2],
                        !fair ? "for comparison" : export[2] / hugo[2] <= 0.5 ? "met" : "not met"));
            }
            if (engine != null) {
                ratios.append(String.format(
                        Locale.ROOT,
                        "- N = %,d, engine alone: **%.1f×** Hugo's pages per CPU-second (goal ≥ 10×: %s).%n",
                        n,
                        engine[1] / hugo[1],
                        engine[1] / hugo[1] >= 10 ? "met" : "not met"));
            }
        }
        for (int n : sizes("site")) {
            List<JsonNode> searchRuns = select(
                    l -> is(l, "engine") && n(l) == n && l.path("pass").asInt() > 1 && l.has("searchCpuSeconds"));
            List<JsonNode> pageRuns = select(l -> is(l, "engine")
                    && n(l) == n
                    && (l.has("phase")
                            ? l.get("phase").asText().equals("measured")
                            : l.path("pass").asInt() > 1));
            if (searchRuns.isEmpty()) continue;
            ratios.append(String.format(
                    Locale.ROOT,
                    "- The search index at N = %,d (files under search/, built whole after the pages): %,.0f files"
                            + " in %.1f CPU-s warm, beside %.1f CPU-s for the pages.%n",
                    n,
                    median(searchRuns, l -> l.get("searchFiles").asDouble()),
                    median(searchRuns, l -> l.get("searchCpuSeconds").asDouble()),
                    median(pageRuns, l -> l.get("cpuSeconds").asDouble())));
        }
        md.append("\n").append(ratios).append("\n");
        md.append("Reading these: Hugo reads local files. The export reads the published index once into"
                + " memory (outlines and excerpts from GSI1, 1 MB per query, the three languages side by"
                + " side), answers every list, neighbour, archive and sitemap from it, and reads the"
                + " stories themselves (HTML bodies, not their Markdown source) from the table in batch"
                + " reads of 100 keys, up to four at once, each story built on the thread that read it,"
                + " while the previous chunk of pages renders. DynamoDB Local, in the stack's JVM, parses each"
                + " item it reads whole and measures it for capacity units, so every body is parsed"
                + " there too: that is the database's share of the CPU column, and on 2 cores it is"
                + " time taken from the export. In AWS that work is DynamoDB's, billed in read units;"
                + " the deployed full rebuild fans out over SQS in batches of 50 pages instead. The"
                + " engine's rows are what rendering costs once the data is in memory.\n\n");
    }

    private void siteRow(
            int n,
            String tool,
            int runs,
            double seconds,
            double files,
            double perSecond,
            double perCpu,
            double rss,
            double together,
            double cpu) {
        md.append(String.format(
                Locale.ROOT,
                "| %,d | %s | %d | %.1f | %,.0f | %.0f | %.0f | %.0f | %s | %.1f |%n",
                n,
                tool,
                runs,
                seconds,
                files,
                perSecond,
                perCpu,
                rss,
                Double.isNaN(together) ? "–" : String.format(Locale.ROOT, "%.0f", together),
                cpu));
    }

    // ---------------------------------------------------------------- 2. publish

    /** Whether the scheduled publisher ran its minute while this publish was counted. */
    private static boolean duringTheSchedulersMinute(JsonNode l) {
        return l.path("sdk").path("calls DynamoDb:Query @publisher-schedule").asDouble(0) > 0;
    }

    private void publish(JsonNode env) {
        md.append("## 2. One publish at scale\n\n");
        md.append("A new story (three translations, one of them published per run: kk, ru, en, then kk"
                + " again) is published through the API of a running stack holding N stories. The"
                + " corpus ends before 2026 (a story every 3 hours from 2022; a larger one starts earlier at"
                + " that pace), so a language's first publish here opens a new month; the"
                + " second kk publish, into a month that has stories, is the everyday case. Every"
                + " publish renders the sitemap index, which reads each language's months item (kept"
                + " by the publish transaction; the bulk-loaded corpus writes them as a table kept"
                + " from its creation holds them) in one batch read instead of walking the months."
                + " *Served* is the time from the API's 200 until the new page, its language's home,"
                + " \"All news\" and latest.json are all served by the CDN emulator with the new story"
                + " (the probe polls the bucket every 5 ms, then reads each page once through the"
                + " CDN, since the emulator caches 404s and list pages like CloudFront would): a cold"
                + " edge, where none of the pages is cached. At a warm edge a list page readers hold"
                + " shows the publish by revalidation within s-maxage + stale-while-revalidate (4 + 4 s)"
                + " of the write, with no invalidation."
                + " Objects written and pages rendered come from the stack's render log line; the"
                + " Hugo column is its full rebuild of the same corpus (– where this run has none).\n\n");
        md.append(
                "| N | months spanned | lang | month | API ms | served ms | render ms | pages rendered | objects written"
                        + " (created + updated) | unchanged | invalidated | DynamoDB reads | Hugo full"
                        + " rebuild s |\n"
                        + "|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder summary = new StringBuilder();
        List<Double> writtenBySize = new ArrayList<>();
        List<Double> readsBySize = new ArrayList<>();
        List<Double> everydayBySize = new ArrayList<>();
        for (int n : sizes("publish")) {
            List<JsonNode> all = select(l -> is(l, "publish") && n(l) == n);
            List<JsonNode> runs =
                    all.stream().filter(l -> !l.path("spread").asBoolean()).toList();
            List<JsonNode> hugo =
                    select(l -> is(l, "site") && n(l) == n && text(l, "tool").equals("hugo"));
            double hugoSeconds = hugo.isEmpty()
                    ? Double.NaN
                    : median(hugo, l -> l.get("seconds").asDouble());
            for (JsonNode r : all) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %,d | %d | %s | %s | %.0f | %.0f | %d | %d | %d (%d + %d) | %d | %d | %.0f%s | %s |%n",
                        n,
                        r.path("months").asInt(),
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
                        duringTheSchedulersMinute(r) ? "*" : "",
                        Double.isNaN(hugoSeconds) ? "–" : String.format(Locale.ROOT, "%.1f", hugoSeconds)));
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
            readsBySize.add(median(runs, Report::reads));
            summary.append(String.format(
                    Locale.ROOT,
                    "- N = %,d: median %.0f ms (slowest %.0f ms) from the API's 200 to all four pages"
                            + " served (goal < 1 s: %s), %.0f objects written, %.0f DynamoDB reads (%.0f"
                            + " when the month already has stories)%s.%n",
                    n,
                    served,
                    worst,
                    worst < 1000 ? "met" : served < 1000 ? "met by the median" : "not met",
                    written,
                    median(runs, Report::reads),
                    everyday.isEmpty() ? Double.NaN : median(everyday, Report::reads),
                    Double.isNaN(hugoSeconds)
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; Hugo needs %.1f s to rebuild the site (%.0f× the publish)",
                                    hugoSeconds,
                                    hugoSeconds * 1000 / served)));
            everydayBySize.add(everyday.isEmpty() ? Double.NaN : median(everyday, Report::reads));
        }
        if (writtenBySize.size() > 1) {
            summary.append(String.format(
                    Locale.ROOT,
                    "- Per publish at the smallest and the largest N: %.0f and %.0f objects written, %.0f and"
                            + " %.0f DynamoDB reads (goal: independent of N: %s).%n",
                    writtenBySize.get(0),
                    writtenBySize.get(writtenBySize.size() - 1),
                    readsBySize.get(0),
                    readsBySize.get(readsBySize.size() - 1),
                    writtenBySize.get(0).equals(writtenBySize.get(writtenBySize.size() - 1))
                                    && readsBySize.get(0).equals(readsBySize.get(readsBySize.size() - 1))
                            ? "met"
                            : "not met"));
        }
        JsonNode base = env.path("baselinePublish");
        List<Integer> publishSizes = sizes("publish");
        if (base.isObject()
                && !publishSizes.isEmpty()
                && !publishSizes.contains(base.path("stories").asInt())) {
            // a run at other sizes only: read against the smallest N of the committed results, publish by
            // publish (the same languages in the same order) and by the medians
            int last = writtenBySize.size() - 1;
            int n = publishSizes.get(last);
            List<JsonNode> runs = select(
                    l -> is(l, "publish") && n(l) == n && !l.path("spread").asBoolean());
            List<Double> written = runs.stream().map(Report::written).toList();
            List<Double> reads = runs.stream().map(Report::reads).toList();
            StringBuilder againstWritten = new StringBuilder();
            StringBuilder againstReads = new StringBuilder();
            String sameRowsWritten = null;
            String sameRowsReads = null;
            for (JsonNode corpus : base.path("corpora")) {
                List<Double> w = new ArrayList<>();
                List<Double> r = new ArrayList<>();
                corpus.path("written").forEach(v -> w.add(v.asDouble()));
                corpus.path("reads").forEach(v -> r.add(v.asDouble()));
                String where = String.format(
                        Locale.ROOT, "over %d months", corpus.path("months").asInt());
                if (againstWritten.length() > 0) {
                    againstWritten.append(" and ");
                    againstReads.append(" and ");
                }
                againstWritten.append(listed(w)).append(' ').append(where);
                againstReads.append(listed(r)).append(' ').append(where);
                if (sameRowsWritten == null && w.equals(written)) sameRowsWritten = where;
                if (sameRowsReads == null && r.equals(reads)) sameRowsReads = where;
            }
            double medianWritten = writtenBySize.get(last);
            double medianReads = readsBySize.get(last);
            double everyday = everydayBySize.get(last);
            boolean sameMedianWritten = medianWritten == base.path("written").asDouble();
            boolean sameMedianReads = medianReads == base.path("reads").asDouble()
                    && everyday == base.path("everydayReads").asDouble();
            int months = runs.isEmpty() ? 0 : runs.get(0).path("months").asInt();
            summary.append(String.format(
                    Locale.ROOT,
                    "- Goal, objects written and reads per publish at N = %,d (%d months spanned) equal to N ="
                            + " %,d's (the committed results of %s, `benchmarks.md`), publish by publish (kk, ru,"
                            + " en, kk): objects written %s (median %.0f) against %s (median %.0f at its own"
                            + " pace): %s; DynamoDB reads %s (median %.0f, %.0f when the month already has"
                            + " stories) against %s (median %.0f, %.0f): %s.%n",
                    n,
                    months,
                    base.path("stories").asInt(),
                    base.path("date").asText(),
                    listed(written),
                    medianWritten,
                    againstWritten,
                    base.path("written").asDouble(),
                    verdict(
                            sameRowsWritten,
                            sameMedianWritten,
                            base.path("stories").asInt()),
                    listed(reads),
                    medianReads,
                    everyday,
                    againstReads,
                    base.path("reads").asDouble(),
                    base.path("everydayReads").asDouble(),
                    verdict(sameRowsReads, sameMedianReads, base.path("stories").asInt())));
        }
        if (select(l -> is(l, "publish") && duringTheSchedulersMinute(l)).size() > 0) {
            md.append("\n\\* The scheduled publisher's minute fell within this publish: its reads include the"
                    + " scheduler's own query (counted on its thread) and what it reads through the shared"
                    + " page threads, which the counter cannot tell from the publish's (3 more queries in"
                    + " the runs where it was seen).\n");
        }
        md.append("\n").append(summary);
        readsByMonths();
        staffList();
    }

    /** How long the bulk load of each corpus took: the table, then the whole site into the bucket. */
    private void corpusLoad() {
        List<JsonNode> runs = select(l -> is(l, "corpus"));
        if (runs.isEmpty()) return;
        md.append("### The corpus's bulk load\n\n");
        md.append("Each corpus is written before its stack starts: every story created and published through"
                + " the API's own service and item mapping, its items put in batches of 25 beside the"
                + " generation (load: generation and writes, to the last batch), then the whole site"
                + " rendered into the bucket as a full rebuild would (the stack's own wiring, reading the"
                + " table), so that a publish finds every page it rewrites. DynamoDB Local and S3Proxy run in"
                + " the loading JVM.\n\n");
        md.append("| N | months spanned | items | load s | items/s | bucket pages | bucket s | pages/s | total s |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : runs) {
            double load = r.path("loadMs").asDouble() / 1000;
            double bucket = r.path("bucketRenderMs").asDouble() / 1000;
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d | %d | %,d | %.0f | %.0f | %,d | %.0f | %s | %.0f |%n",
                    n(r),
                    r.path("monthsSpanned").asInt(),
                    r.path("items").asInt(),
                    load,
                    r.path("items").asDouble() / load,
                    r.path("bucketPages").asInt(),
                    bucket,
                    bucket > 0
                            ? String.format(
                                    Locale.ROOT, "%.0f", r.path("bucketPages").asDouble() / bucket)
                            : "–",
                    r.path("totalMs").asDouble() / 1000));
        }
        md.append("\n");
    }

    /** Reads per publish against the months the site spans: the sitemap index's walk. */
    private void readsByMonths() {
        TreeSet<Integer> months = new TreeSet<>();
        select(l -> is(l, "publish") && l.path("months").asInt() > 0)
                .forEach(l -> months.add(l.path("months").asInt()));
        if (months.size() < 2) {
            md.append("\n");
            return;
        }
        StringBuilder line = new StringBuilder("- Reads per publish by the months the site spans (median):");
        for (int m : months) {
            List<JsonNode> runs =
                    select(l -> is(l, "publish") && l.path("months").asInt() == m);
            double reads = median(runs, Report::reads);
            line.append(String.format(Locale.ROOT, " %d months %.0f (N = %,d);", m, reads, n(runs.get(0))));
        }
        line.setLength(line.length() - 1);
        // the same publishes in the same order at both ends (kk, ru, en: a language's first story
        // of the month; kk again: a month that has stories), compared one by one
        List<Double> fewest = select(l -> is(l, "publish") && l.path("months").asInt() == months.first()).stream()
                .map(Report::reads)
                .toList();
        List<Double> most = select(l -> is(l, "publish") && l.path("months").asInt() == months.last()).stream()
                .map(Report::reads)
                .toList();
        boolean noGrowth = fewest.size() == most.size();
        for (int i = 0; noGrowth && i < most.size(); i++) noGrowth = most.get(i) <= fewest.get(i);
        line.append(String.format(
                Locale.ROOT,
                ". Goal, reads equal at the fewest and the most months (none growing with the site's age): %s"
                        + " (publish by publish: %s at %d months, %s at %d).%n%n",
                noGrowth ? "met, none reads more at the most months" : "not met",
                joined(fewest),
                months.first(),
                joined(most),
                months.last()));
        md.append(line);
    }

    private static String joined(List<Double> values) {
        StringBuilder out = new StringBuilder();
        for (double v : values)
            out.append(out.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.0f", v));
        return out.toString();
    }

    /** The staff list's reads per request. */
    private void staffList() {
        List<JsonNode> runs =
                select(l -> is(l, "staff-list") && !l.path("spread").asBoolean());
        if (runs.isEmpty()) return;
        md.append("### The staff list's reads\n\n");
        md.append("One GET /articles of each size after the publishes, through the API of the same stack;"
                + " calls and read units from the SDK counter, counted on the threads that serve the"
                + " request (the gateway's and the batch readers', which renders share), so that the"
                + " scheduled publisher's minute, which queries the table on its own thread, is not"
                + " counted as the list's (`sdkWholeStack` in the raw numbers counts every thread)."
                + " The list reads the GSI3 index page and"
                + " then the listed translations' outlines by key in batch reads of up to 100 keys,"
                + " without bodies or sources.\n\n");
        md.append("| N | limit | stories listed | API ms | DynamoDB queries | other reads | read units |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : runs) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d | %d | %d | %.0f | %.0f | %.0f | %.1f |%n",
                    n(r),
                    r.path("limit").asInt(),
                    r.path("returned").asInt(),
                    r.path("ms").asDouble(),
                    sdk(r, "calls DynamoDb:Query"),
                    sdk(r, "calls DynamoDb:GetItem") + sdk(r, "calls DynamoDb:BatchGetItem"),
                    sdk(r, "units DynamoDb:Query")
                            + sdk(r, "units DynamoDb:GetItem")
                            + sdk(r, "units DynamoDb:BatchGetItem")));
        }
        double most = runs.stream()
                .mapToDouble(r -> sdk(r, "calls DynamoDb:Query")
                        + sdk(r, "calls DynamoDb:GetItem")
                        + sdk(r, "calls DynamoDb:BatchGetItem"))
                .max()
                .orElse(0);
        md.append(String.format(
                Locale.ROOT,
                "%nGoal (not N+1): the index page and one batch of translations, 2–3 reads whatever the"
                        + " limit: %s (at most %.0f reads per request).%n%n",
                most <= 3 ? "met" : "not met",
                most));
    }

    // ---------------------------------------------------------------- 3. cold start

    private void coldStart(JsonNode env) {
        Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("empty", "sdk", "api", "primed")) {
            byKind.put(
                    kind,
                    select(l -> is(l, "cold")
                            && text(l, "kind").equals(kind)
                            && l.path("run").isInt()));
        }
        List<JsonNode> api = byKind.get("api");
        if (api.isEmpty()) return;
        md.append("## 3. Cold start\n\n");
        md.append("Fresh JVMs with Lambda's flags (`-XX:+TieredCompilation -XX:TieredStopAtLevel=1`) on"
                + " the deployment zip's classpath (classes + lib/), run in turn with the order"
                + " rotating: an empty handler class (the JVM's floor); the bare-SDK baseline, a main"
                + " that builds one DynamoDB client as the functions do (URL-connection HTTP client,"
                + " region from the environment, the default credentials chain) and does one GetItem of"
                + " a story's item; and the API function's handler, as the template names it, built by"
                + " its no-argument constructor and answering one GET /articles/{id} (JWT claims in"
                + " the event), both against the running stack's DynamoDB; and the same handler primed:"
                + " its SnapStart checkpoint hook (a read and a refused write on synthetic events) run"
                + " before the request, as Lambda runs it before taking the snapshot, so its first"
                + " request is what a restored snapshot still pays (its init column counts the"
                + " priming too). Wall time from process start to exit; median of each; classes"
                + " counted in one more run of each with `-Xlog:class+load`.\n\n");
        md.append("| JVM | runs | median ms | init ms | first request ms | classes loaded |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        Map<String, String> names = Map.of(
                "empty", "empty handler (floor)",
                "sdk", "bare SDK: one client, one GetItem (baseline)",
                "api", "API handler, first request",
                "primed", "API handler primed (checkpoint hook first), first request");
        Map<String, Double> ms = new LinkedHashMap<>();
        for (var kind : byKind.entrySet()) {
            List<JsonNode> runs = kind.getValue();
            if (runs.isEmpty()) continue;
            double median = median(runs, l -> l.get("ms").asDouble());
            ms.put(kind.getKey(), median);
            boolean inside = !kind.getKey().equals("empty");
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %s | %s | %,d |%n",
                    names.get(kind.getKey()),
                    runs.size(),
                    median,
                    inside
                            ? String.format(
                                    Locale.ROOT,
                                    "%.0f",
                                    median(
                                            runs,
                                            l -> l.path("inside").path("initMs").asDouble()
                                                    + l.path("inside")
                                                            .path("primeMs")
                                                            .asDouble()))
                            : "–",
                    inside
                            ? String.format(
                                    Locale.ROOT,
                                    "%.0f",
                                    median(
                                            runs,
                                            l -> l.path("inside")
                                                    .path("requestMs")
                                                    .asDouble()))
                            : "–",
                    classes(kind.getKey())));
        }
        int above = classes("api") - classes("sdk");
        if (ms.containsKey("sdk")) {
            double ratio = ms.get("api") / ms.get("sdk");
            md.append(String.format(
                    Locale.ROOT,
                    "%nThe API handler's first response takes **%.2f×** the bare-SDK baseline (goal ≤ 1.25×:"
                            + " %s) and loads **%,d** classes above it (goal ≤ 400: %s); the baseline itself"
                            + " is %.1f× the empty JVM. Deployment zip: %.1f MiB. In AWS the functions run with"
                            + " SnapStart, which restores a snapshot taken after init instead of running it;"
                            + " these figures are without it.%n%n",
                    ratio,
                    ratio <= 1.25 ? "met" : "not met",
                    above,
                    above <= 400 ? "met" : "not met",
                    ms.get("sdk") / ms.get("empty"),
                    env.get("functionsZipBytes").asDouble() / (1024 * 1024)));
        }
        List<JsonNode> primed = byKind.get("primed");
        if (!primed.isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "Primed, the first request takes %.0f ms (unprimed: %.0f ms) and loads %.0f classes"
                            + " that priming had not loaded (medians).%n%n",
                    median(primed, l -> l.path("inside").path("requestMs").asDouble()),
                    median(api, l -> l.path("inside").path("requestMs").asDouble()),
                    median(
                            primed,
                            l -> l.path("inside").path("classesLoadedByRequest").asDouble())));
        }
        Map<String, Integer> apiGroups = groups("api");
        Map<String, Integer> sdkGroups = groups("sdk");
        if (apiGroups.isEmpty() || sdkGroups.isEmpty()) return;
        md.append("### What the API handler loads above the baseline\n\n");
        md.append("Classes counted by where they come from (`-Xlog:class+load`): a library's jar, a"
                + " Newsroom package, or a JDK package; lambdas and other generated classes count with"
                + " the class that made them. Every source with 5 or more classes more than the"
                + " baseline, most first; the rest summed.\n\n");
        md.append("| from | baseline | API handler | more |\n|---|---:|---:|---:|\n");
        TreeSet<String> keys = new TreeSet<>(apiGroups.keySet());
        keys.addAll(sdkGroups.keySet());
        List<String> order = new ArrayList<>(keys);
        order.sort((a, b) -> Integer.compare(
                apiGroups.getOrDefault(b, 0) - sdkGroups.getOrDefault(b, 0),
                apiGroups.getOrDefault(a, 0) - sdkGroups.getOrDefault(a, 0)));
        int restMore = 0;
        int restApi = 0;
        int restSdk = 0;
        for (String key : order) {
            int a = apiGroups.getOrDefault(key, 0);
            int b = sdkGroups.getOrDefault(key, 0);
            if (a - b >= 5) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %+,d |%n", key, b, a, a - b));
            } else {
                restMore += a - b;
                restApi += a;
                restSdk += b;
            }
        }
        md.append(String.format(
                Locale.ROOT,
                "| everything else | %,d | %,d | %+,d |%n| **total** | %,d | %,d | %+,d |%n%n",
                restSdk,
                restApi,
                restMore,
                classes("sdk"),
                classes("api"),
                above));
    }

    /** Files written that are pages: the search index's shards left out. */
    private static double pages(JsonNode l) {
        return l.get("files").asDouble() - l.path("searchFiles").asDouble();
    }

    private int classes(String kind) {
        return select(l -> is(l, "cold") && text(l, "kind").equals(kind) && l.has("classesLoaded")).stream()
                .mapToInt(l -> l.get("classesLoaded").asInt())
                .findFirst()
                .orElse(0);
    }

    private Map<String, Integer> groups(String kind) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        select(l -> is(l, "cold") && text(l, "kind").equals(kind) && l.has("groups")).stream()
                .findFirst()
                .ifPresent(l -> l.get("groups")
                        .fields()
                        .forEachRemaining(
                                e -> groups.put(e.getKey(), e.getValue().asInt())));
        return groups;
    }

    // ---------------------------------------------------------------- 3b. packages

    private void packages() {
        List<JsonNode> functions = select(l -> is(l, "package"));
        if (functions.isEmpty()) return;
        md.append("## 3b. Deployment packages\n\n");
        md.append("What each function ships (the zip its CodeUri names) and what it"
                + " needs: the Newsroom classes reachable from its handler, as the template names it,"
                + " followed by `jdeps`, the libraries they name and those libraries' own references,"
                + " counted as their compressed entries in the zip plus every Newsroom class and"
                + " resource. Static reachability is generous (a class named on a path never taken"
                + " counts), so it measures the wiring: a composition root that builds only a"
                + " function's own clients is what makes a library drop out.\n\n");
        md.append("| function | handler | CodeUri | ships MiB | needs MiB | Newsroom classes reached | CloudFront"
                + " needed | shipped, not needed |\n|---|---|---|---:|---:|---:|---|---|\n");
        StringBuilder goal = new StringBuilder();
        for (JsonNode f : functions) {
            boolean cloudFront = false;
            for (JsonNode j : f.path("jarsNeeded")) cloudFront |= j.asText().startsWith("cloudfront-");
            Set<String> shippedJars = new java.util.HashSet<>();
            f.path("jarsShipped").forEach(j -> shippedJars.add(j.asText()));
            List<String> leftOut = new ArrayList<>();
            f.path("jarsLeftOut").forEach(j -> {
                if (shippedJars.contains(j.asText())) leftOut.add(j.asText().replaceFirst("-\\d[\\w.-]*\\.jar$", ""));
            });
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | `%s` | `%s` | %.1f | %.1f | %d | %s | %s |%n",
                    text(f, "function"),
                    text(f, "handler"),
                    text(f, "codeUri"),
                    f.path("shippedBytes").asDouble() / (1024 * 1024),
                    f.path("neededBytes").asDouble() / (1024 * 1024),
                    f.path("newsroomClassesReached").asInt(),
                    cloudFront ? "yes" : "no",
                    leftOut.isEmpty() ? "–" : String.join(", ", leftOut)));
            if (text(f, "function").equals("ApiFunction")) {
                double shipped = f.path("shippedBytes").asDouble() / 1e6;
                double needed = f.path("neededBytes").asDouble() / 1e6;
                goal.append(String.format(
                        Locale.ROOT,
                        "%nThe API's package: ships %.1f MB (%.1f MiB, the table's unit), needs %.1f MB by its"
                                + " references (goal ≤ 12 MB shipped: %s).",
                        shipped,
                        f.path("shippedBytes").asDouble() / (1024 * 1024),
                        needed,
                        shipped <= 12 ? "met" : "not met"));
            }
        }
        for (JsonNode f : functions) {
            if (!List.of("ApiFunction", "PublisherFunction").contains(text(f, "function"))) continue;
            int loaded =
                    text(f, "function").equals("ApiFunction") ? groups("api").getOrDefault("cloudfront", 0) : -1;
            boolean ships = false;
            for (JsonNode j : f.path("jarsShipped")) ships |= j.asText().startsWith("cloudfront-");
            boolean needs = false;
            for (JsonNode j : f.path("jarsNeeded")) needs |= j.asText().startsWith("cloudfront-");
            goal.append(String.format(
                    Locale.ROOT,
                    " %s: CloudFront shipped %s%s, statically reachable %s (goal: neither shipped nor loaded: %s;"
                            + " a class the package does not hold cannot be loaded; static reachability"
                            + " counts classes named on paths the function never takes, and DeploymentPackageIT"
                            + " runs each handler on its zip alone without a missing class).",
                    text(f, "function"),
                    ships ? "yes" : "no",
                    loaded >= 0 ? ", classes loaded at the first request " + loaded : "",
                    needs ? "yes" : "no",
                    !ships && loaded <= 0 ? "met" : "not met"));
        }
        md.append(goal).append("\n\n");
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
        List<JsonNode> runs =
                select(l -> is(l, "publish") && n(l) == n && !l.path("spread").asBoolean());
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
                "**1 million page views**, each an article page (%.1f KB gzipped, the median of %s"
                        + " article pages) and its latest.json refresh (%.1f KB): 2,000,000 HTTPS"
                        + " requests × $0.0100/10,000 = $%.2f; %.1f GB × $0.085 = $%.2f; 2,000,000"
                        + " CloudFront Function runs × $0.10/M = $%.2f; total **$%.2f**. The stylesheet and"
                        + " script are immutable and cached by browsers (left out); origin fetches from S3"
                        + " are at most one conditional GET per list page per edge every 4 s (see"
                        + " above) and rare for articles (left out).%n",
                article / 1000,
                env.path("pageSample").asText("the exported"),
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
