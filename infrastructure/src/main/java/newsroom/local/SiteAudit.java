package newsroom.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import newsroom.render.Entry;
import newsroom.render.Output;
import newsroom.render.Page;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.site.Config;
import newsroom.store.SiteBucket;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Compares the table with the bucket: published stories without a page, article pages without a
 * published story, pages whose bytes differ from a fresh render, and internal links that lead
 * nowhere.
 */
public final class SiteAudit {
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
      List<String> brokenLinks) {
    public int problems() {
      return missing.size() + orphaned.size() + stale.size() + brokenLinks.size();
    }

    public String summary() {
      StringBuilder out = new StringBuilder();
      out.append(String.format("published translations: %d, objects: %d%n", stories, pages));
      out.append(String.format("missing pages: %d%n", missing.size()));
      missing.forEach(m -> out.append("  ").append(m).append('\n'));
      out.append(String.format("pages without a published story: %d%n", orphaned.size()));
      orphaned.forEach(m -> out.append("  ").append(m).append('\n'));
      out.append(String.format("stale pages: %d%n", stale.size()));
      stale.forEach(m -> out.append("  ").append(m).append('\n'));
      out.append(String.format("broken internal links: %d%n", brokenLinks.size()));
      brokenLinks.forEach(m -> out.append("  ").append(m).append('\n'));
      out.append(String.format("problems: %d%n", problems()));
      return out.toString();
    }
  }

  public Report run() {
    Set<String> keys = new HashSet<>(bucket.keys(""));
    Set<String> expectedArticles = new HashSet<>();
    List<String> missing = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    int stories = 0;
    for (String lang : config.languages()) {
      for (List<Entry> batch : index.all(lang)) {
        for (Entry e : batch) {
          stories++;
          String key = SiteRenderer.articleKey(lang, e.translation().slug());
          expectedArticles.add(key);
          if (!keys.contains(key)) {
            missing.add(key);
            continue;
          }
          for (Output out : renderer.render(new Page.Article(lang, e.id()))) {
            if (out instanceof Output.Put put
                && !Arrays.equals(put.body(), bucket.get(put.key()).orElse(new byte[0]))) {
              stale.add(put.key());
            }
          }
        }
      }
    }
    List<String> orphaned = new ArrayList<>();
    for (String key : keys) {
      if (isArticleKey(key) && !expectedArticles.contains(key)) orphaned.add(key);
    }
    List<String> broken = new ArrayList<>();
    Map<String, List<String>> linksByTarget = new TreeMap<>();
    for (String key : keys) {
      if (!key.endsWith(".html")) continue;
      Document doc =
          Jsoup.parse(
              new String(bucket.get(key).orElse(new byte[0]), StandardCharsets.UTF_8),
              config.siteUrl() + "/" + key);
      for (Element link : doc.select("a[href], link[href], script[src], img[src]")) {
        String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
        if (target.startsWith(config.siteUrl()))
          target = target.substring(config.siteUrl().length());
        if (!target.startsWith("/") || target.startsWith("//")) continue;
        String path = target.replaceAll("[?#].*$", "");
        String objectKey = objectKey(path);
        if (!keys.contains(objectKey))
          linksByTarget.computeIfAbsent(objectKey, k -> new ArrayList<>()).add(key);
      }
    }
    linksByTarget.forEach(
        (target, from) ->
            broken.add(
                "/"
                    + target
                    + " (from "
                    + from.get(0)
                    + (from.size() > 1 ? " and " + (from.size() - 1) + " more" : "")
                    + ")"));
    missing.sort(null);
    orphaned.sort(null);
    stale.sort(null);
    return new Report(stories, keys.size(), missing, orphaned, stale, broken);
  }

  private static boolean isArticleKey(String key) {
    String[] parts = key.split("/");
    // <lang>/news/<slug>/index.html; month archives are <lang>/news/<yyyy>/<mm>/index.html
    return parts.length == 4
        && parts[1].equals("news")
        && parts[3].equals("index.html")
        && !parts[2].matches("\\d{4}");
  }

  /** The bucket key the CDN serves for a path, following the URL function's rules. */
  static String objectKey(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.isEmpty() || p.endsWith("/")) return p + "index.html";
    String last = p.substring(p.lastIndexOf('/') + 1);
    return last.contains(".") ? p : p + "/index.html";
  }
}
