package newsroom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import newsroom.render.FullSite;
import newsroom.render.Output;
import newsroom.render.Page;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.site.Config;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Compares the bucket with a fresh render of the whole site from the table: pages that should exist
 * and do not, objects no page accounts for, pages whose bytes differ from a fresh render, internal
 * links that lead nowhere, and hreflang alternates that are not named back.
 */
public final class SiteAudit {
    /**
     * Uploads, earlier content-hashed assets (old pages may still name them), the search index's
     * pieces (kept by the search indexer, not rendered as pages) and the editor (deployed under
     * admin/) are not pages.
     */
    private static final List<String> NOT_PAGES = List.of("media/", "assets/", "search/", "admin/");

    /**
     * The latest-news block of an article is a snapshot of the time of rendering, refreshed by the
     * reader's browser from latest.json; a publish deliberately leaves older articles alone.
     */
    private static final Pattern LATEST_BLOCK = Pattern.compile("<aside class=\"latest\".*?</aside>", Pattern.DOTALL);

    /** Its 48-hour window moves with the clock; the publisher schedule refreshes it every minute. */
    private static final String NEWS_SITEMAP = "sitemap-news.xml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int PAGES_PER_BATCH = 200;

    private final SiteIndex index;
    private final SiteBucket bucket;
    private final SiteRenderer renderer;
    private final Config config;

    public SiteAudit(SiteIndex index, SiteBucket bucket, SiteRenderer renderer, Config config) {
        this.index = index;
        this.bucket = bucket;
        this.renderer = renderer;
        this.config = config;
    }

    /** What the audit found; every list is empty on a healthy site. */
    public record Report(
            int stories,
            int pages,
            List<String> missing,
            List<String> orphaned,
            List<String> stale,
            List<String> brokenLinks,
            List<String> oneWayAlternates) {
        public int problems() {
            return missing.size() + orphaned.size() + stale.size() + brokenLinks.size() + oneWayAlternates.size();
        }

        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("published translations: %d, objects: %d%n", stories, pages));
            section(out, "missing pages", missing);
            section(out, "objects no page accounts for", orphaned);
            section(out, "stale pages", stale);
            section(out, "broken internal links", brokenLinks);
            section(out, "hreflang alternates not named back", oneWayAlternates);
            out.append(String.format("problems: %d%n", problems()));
            return out.toString();
        }

        private static void section(StringBuilder out, String title, List<String> lines) {
            out.append(String.format("%s: %d%n", title, lines.size()));
            lines.forEach(line -> out.append("  ").append(line).append('\n'));
        }
    }

    /** What the hreflang check needs of an HTML page. */
    private record Head(String lang, String canonical, Map<String, String> alternates) {}

    public Report run() {
        Set<String> keys = new TreeSet<>(bucket.keys(""));
        Set<String> expected = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Map<String, Head> heads = new TreeMap<>();
        Map<String, List<String>> linksByTarget = new TreeMap<>();
        int stories = 0;
        // page by page, keeping only what the checks need: a large site does not fit in memory twice
        SiteRenderer fresh = renderer.forBatch();
        int rendered = 0;
        for (Page page : FullSite.pages(index, config)) {
            // a batch remembers what it read of the table; a new one now and then keeps that small
            if (++rendered % PAGES_PER_BATCH == 0) fresh = renderer.forBatch();
            if (page instanceof Page.Article) stories++;
            for (Output out : fresh.render(page)) {
                if (!(out instanceof Output.Put put)) continue;
                expected.add(put.key());
                Optional<byte[]> body = keys.contains(put.key()) ? bucket.get(put.key()) : Optional.empty();
                if (body.isEmpty()) {
                    missing.add(put.key());
                    continue;
                }
                if (!put.key().equals(NEWS_SITEMAP) && !sameContent(put.body(), body.get())) {
                    stale.add(put.key());
                }
                follow(put.key(), body.get(), keys, heads, linksByTarget);
            }
        }
        List<String> orphaned = new ArrayList<>();
        for (String key : keys) {
            if (!expected.contains(key) && NOT_PAGES.stream().noneMatch(key::startsWith)) {
                orphaned.add(key);
                // links are followed from every page in the bucket, expected or not
                bucket.get(key).ifPresent(body -> follow(key, body, keys, heads, linksByTarget));
            }
        }
        List<String> broken = new ArrayList<>();
        linksByTarget.forEach((target, from) -> broken.add("/"
                + target
                + " (from "
                + from.get(0)
                + (from.size() > 1 ? " and " + (from.size() - 1) + " more" : "")
                + ")"));
        return new Report(stories, keys.size(), missing, orphaned, stale, broken, oneWayAlternates(heads));
    }

    /** Notes the links of a stored page that lead to no object, and an HTML page's head. */
    private void follow(
            String key,
            byte[] body,
            Set<String> keys,
            Map<String, Head> heads,
            Map<String, List<String>> linksByTarget) {
        List<String> targets = new ArrayList<>();
        if (key.endsWith(".html")) {
            Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), config.siteUrl() + "/");
            Element canonical = doc.selectFirst("head link[rel=canonical]");
            Element html = doc.selectFirst("html");
            heads.put(
                    key,
                    new Head(
                            html == null ? "" : html.attr("lang"),
                            canonical == null ? null : canonical.attr("href"),
                            alternates(doc)));
            // the latest-news block is a snapshot that readers' browsers replace from latest.json,
            // whose links are checked in turn; a story withdrawn since may still be named in it
            doc.select("aside.latest").remove();
            for (Element link : doc.select("a[href], link[href], script[src], img[src]")) {
                targets.add(link.hasAttr("href") ? link.attr("href") : link.attr("src"));
            }
        } else if (key.endsWith("/latest.json")) {
            try {
                JSON.readTree(body)
                        .path("items")
                        .forEach(i -> targets.add(i.path("url").asText()));
            } catch (IOException e) {
                linksByTarget
                        .computeIfAbsent(key + ", which is not JSON", k -> new ArrayList<>())
                        .add(key);
            }
        } else if (key.endsWith(".xml")) {
            Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), "", Parser.xmlParser());
            doc.select("loc, link").forEach(e -> targets.add(e.text()));
            doc.select("[href]").forEach(e -> targets.add(e.attr("href")));
        }
        for (String target : targets) {
            String objectKey = objectKeyOf(target);
            if (objectKey != null && !keys.contains(objectKey)) {
                linksByTarget.computeIfAbsent(objectKey, k -> new ArrayList<>()).add(key);
            }
        }
    }

    /** Alternates whose page does not name this one back under this one's language. */
    private List<String> oneWayAlternates(Map<String, Head> heads) {
        List<String> oneWay = new ArrayList<>();
        for (var page : heads.entrySet()) {
            Head head = page.getValue();
            if (head.canonical() == null || head.alternates().isEmpty()) continue;
            for (var alternate : head.alternates().entrySet()) {
                if (alternate.getKey().equals("x-default")) continue;
                Head other = heads.get(objectKeyOf(alternate.getValue()));
                // a missing page is already a broken link
                if (other == null) continue;
                if (!head.canonical().equals(other.alternates().get(head.lang()))) {
                    oneWay.add(page.getKey() + " names " + alternate.getValue() + ", which does not name it");
                }
            }
        }
        return oneWay;
    }

    private static Map<String, String> alternates(Document doc) {
        Map<String, String> alternates = new LinkedHashMap<>();
        for (Element link : doc.select("head link[rel=alternate][hreflang]")) {
            alternates.put(link.attr("hreflang"), link.attr("href"));
        }
        return alternates;
    }

    private static boolean sameContent(byte[] rendered, byte[] stored) {
        if (Arrays.equals(rendered, stored)) return true;
        return withoutLatestBlock(rendered).equals(withoutLatestBlock(stored));
    }

    private static String withoutLatestBlock(byte[] page) {
        return LATEST_BLOCK.matcher(new String(page, StandardCharsets.UTF_8)).replaceAll("");
    }

    /** The object a link leads to inside the site, or null for a link elsewhere. */
    private String objectKeyOf(String link) {
        String target = link.strip();
        if (target.startsWith(config.siteUrl() + "/"))
            target = target.substring(config.siteUrl().length());
        if (!target.startsWith("/") || target.startsWith("//")) return null;
        return objectKey(target.replaceAll("[?#].*$", ""));
    }

    /** The bucket key the CDN serves for a path, following the URL function's rules. */
    static String objectKey(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty() || p.endsWith("/")) return p + "index.html";
        String last = p.substring(p.lastIndexOf('/') + 1);
        return last.contains(".") ? p : p + "/index.html";
    }
}
