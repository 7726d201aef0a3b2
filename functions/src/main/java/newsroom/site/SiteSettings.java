package newsroom.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import newsroom.json.JsonArray;
import newsroom.json.JsonObject;
import newsroom.json.JsonText;
import newsroom.json.JsonValue;

/**
 * Who runs the site and how to reach them, in one language: the administration's name and emblem,
 * its address, the press service's phone, the copyright years, the "information support" line and
 * the footer's links. They live in {@code site.json} beside the UI words, so a city changes them
 * without touching a template. The emblem is the newsroom's own mark (a ring, mountains and the
 * sun on a disc of its own, so it reads on every colour scheme); it stands in for no real coat of
 * arms. The favicon is drawn from the same shapes.
 *
 * @param emblemPath the emblem's content-hashed address, e.g. "/assets/emblem.0123456789ab.svg"
 * @param copyright the years, e.g. "2005–2026"; both are set here rather than taken from the clock,
 *     so that re-rendering a page in a new year does not rewrite and invalidate every page
 */
public record SiteSettings(
        String name,
        String emblemPath,
        String address,
        String phoneLabel,
        String phone,
        String copyright,
        String rights,
        String support,
        List<Link> links) {
    static final String RESOURCE = "site.json";

    /** Kazakhstan's numbering as the administration prints it: +7 (727) 272-18-40. */
    private static final Pattern KAZAKH_PHONE = Pattern.compile("\\+7 \\(\\d{3}\\) \\d{3}-\\d{2}-\\d{2}");

    private static final JsonObject ALL = read();
    private static final byte[] EMBLEM = bytes(text(ALL, "emblem", "every language"));
    private static final String EMBLEM_PATH = "/assets/emblem." + hash(EMBLEM) + ".svg";

    public record Link(String label, String href) {
        public Link {
            Objects.requireNonNull(label, "label");
            boolean siteRelative = href != null && href.startsWith("/") && !href.startsWith("//");
            if (href == null || !(href.startsWith("https://") || siteRelative)) {
                throw new IllegalStateException("site.json: a footer link must be https:// or site-relative: " + href);
            }
        }
    }

    public SiteSettings {
        links = List.copyOf(links);
        if (!KAZAKH_PHONE.matcher(phone).matches()) {
            throw new IllegalStateException("site.json: the phone " + phone + " is not written as +7 (727) 272-18-40");
        }
    }

    /** The phone as a {@code tel:} link: its digits after the plus. */
    public String phoneHref() {
        return "tel:+" + phone.replaceAll("\\D", "");
    }

    /**
     * The settings for a language of the site.
     *
     * @throws IllegalStateException when site.json has no complete entry for it
     */
    public static SiteSettings of(String language) {
        if (!(object(ALL, "languages").get(language) instanceof JsonObject entry)) {
            throw new IllegalStateException("site.json has no settings for language '" + language + "'");
        }
        List<Link> links = new ArrayList<>();
        if (entry.get("links") instanceof JsonArray all) {
            for (JsonValue link : all.items()) {
                if (!(link instanceof JsonObject l))
                    throw new IllegalStateException("site.json: a link is not an object");
                links.add(new Link(text(l, "label", language), text(l, "href", language)));
            }
        }
        JsonObject years = object(ALL, "copyright");
        long from = number(years, "from");
        long to = number(years, "to");
        if (from <= 0 || to < from) throw new IllegalStateException("site.json: copyright years out of order");
        return new SiteSettings(
                text(entry, "name", language),
                EMBLEM_PATH,
                text(entry, "address", language),
                text(entry, "phoneLabel", language),
                entry.get("phone") != null && !entry.get("phone").isNull()
                        ? text(entry, "phone", language)
                        : text(ALL, "phone", language),
                from == to ? String.valueOf(from) : from + "\u2013" + to,
                text(entry, "rights", language),
                text(entry, "support", language),
                links);
    }

    private static String text(JsonObject node, String field, String language) {
        JsonValue value = node.get(field);
        if (value == null || value.textValue() == null || value.textValue().isBlank()) {
            throw new IllegalStateException("site.json: '" + field + "' is missing for language '" + language + "'");
        }
        return value.textValue().strip();
    }

    /** The object under the field, or an empty one. */
    private static JsonObject object(JsonObject node, String field) {
        return node.get(field) instanceof JsonObject o ? o : new JsonObject();
    }

    /** The whole number under the field, or 0. */
    private static long number(JsonObject node, String field) {
        return node.get(field) instanceof JsonValue.Number n ? n.asLong().orElse(0) : 0;
    }

    /** Where the site serves the emblem: a content-hashed name, cached for good. */
    public static String emblemAddress() {
        return EMBLEM_PATH;
    }

    /** The emblem's SVG file, as the site serves it under {@link #emblemPath()}. */
    public static byte[] emblemSvg() {
        return EMBLEM.clone();
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject read() {
        try {
            if (JsonText.parse(bytes(RESOURCE)) instanceof JsonObject all) return all;
            throw new IllegalStateException("site.json is not a JSON object");
        } catch (JsonText.Malformed e) {
            throw new IllegalStateException("site.json is not JSON", e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = SiteSettings.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing site resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
