package newsroom.render;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The site's XML documents (RSS feed and sitemaps), written with the JDK's StAX writer: always the
 * JDK's, even where another StAX implementation is on the classpath (the local stack's S3
 * emulator brings one), so the local stack writes the bytes the render function writes in AWS, and
 * no service lookup scans the classpath.
 */
final class Xml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private Xml() {}

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    static byte[] feed(Views.Feed feed) {
        return document(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeStartElement("channel");
            element(w, "title", feed.title());
            element(w, "link", feed.siteUrl());
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", feed.selfUrl());
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            element(w, "description", feed.description());
            element(w, "language", feed.lang());
            for (Views.FeedItem item : feed.items()) {
                w.writeStartElement("item");
                element(w, "title", item.title());
                element(w, "link", item.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(item.guid());
                w.writeEndElement();
                element(w, "pubDate", item.rfc1123Date());
                element(w, "description", item.description());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static byte[] sitemap(List<Views.SitemapUrl> urls) {
        return document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("xhtml", XHTML_NS);
            for (Views.SitemapUrl url : urls) {
                w.writeStartElement("url");
                element(w, "loc", url.loc());
                element(w, "lastmod", url.lastmod());
                for (Views.Alternate alt : url.alternates()) {
                    w.writeEmptyElement("xhtml", "link", XHTML_NS);
                    w.writeAttribute("rel", "alternate");
                    w.writeAttribute("hreflang", alt.hreflang());
                    w.writeAttribute("href", alt.href());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static byte[] sitemapIndex(List<String> locations) {
        return document(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (String loc : locations) {
                w.writeStartElement("sitemap");
                element(w, "loc", loc);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static byte[] newsSitemap(List<Views.NewsUrl> urls) {
        return document(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("news", NEWS_NS);
            for (Views.NewsUrl url : urls) {
                w.writeStartElement("url");
                element(w, "loc", url.loc());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(url.publication());
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters(url.lang());
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS_NS);
                w.writeCharacters(url.isoDateTime());
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS_NS);
                w.writeCharacters(url.title());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }
}
