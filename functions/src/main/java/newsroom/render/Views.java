package newsroom.render;

import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/** What the templates receive: plain values, already localized and formatted. */
public final class Views {
  private Views() {}

  /** What every HTML page shares: head metadata, header and footer. */
  public record Frame(
      String lang,
      Localization words,
      String title,
      String description,
      String canonicalUrl,
      List<Switch> switcher,
      List<Alternate> alternates,
      String stylesheet,
      String script,
      String today,
      List<Link> categories,
      String ogType,
      String imageUrl,
      String jsonLd) {}

  /** One entry of the language switcher: where the same story (or that language's home) is. */
  public record Switch(String lang, String label, String name, String href, boolean current) {}

  public record Alternate(String hreflang, String href) {}

  public record Link(String label, String href) {}

  /** A story in a list: title, when, and the first words. */
  public record Teaser(
      String title, String href, String dateTime, String isoDateTime, String excerpt) {}

  public record Article(
      Frame frame,
      String title,
      String dateline,
      String publicationDate,
      String isoDateTime,
      String lead,
      String bodyHtml,
      Optional<Figure> figure,
      Link category,
      Optional<Link> older,
      Optional<Link> newer,
      Link allNews,
      List<Teaser> latest) {}

  public record Figure(String src, String alt, String caption) {}

  public record Listing(
      Frame frame,
      String heading,
      List<Teaser> items,
      Optional<Link> older,
      Optional<Link> newer,
      List<Teaser> latest) {}

  public record NotFound(Frame frame, String heading, String text, List<Link> homes) {}

  /** A feed item, with absolute URLs. */
  public record FeedItem(
      String title, String url, String description, String rfc1123Date, String guid) {}

  public record Feed(
      String title,
      String siteUrl,
      String selfUrl,
      String description,
      String lang,
      List<FeedItem> items) {}

  public record SitemapUrl(String loc, String lastmod, List<Alternate> alternates) {}

  public record NewsUrl(
      String loc, String lang, String title, String isoDateTime, String publication) {}
}
