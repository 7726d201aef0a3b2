package newsroom.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteSettingsTest {
    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void everyLanguageHasCompleteRealisticSettings(String lang) {
        SiteSettings site = Localization.of(lang, ZoneId.of("Asia/Almaty")).site();
        assertFalse(site.name().isBlank());
        assertTrue(site.address().contains("050001"), site.address());
        assertTrue(site.phone().matches("\\+7 \\(727\\) \\d{3}-\\d{2}-\\d{2}"), site.phone());
        // a placeholder would read as a prototype, not the city's own site
        assertFalse(Pattern.compile("000|123-4|00-00").matcher(site.phone()).find(), site.phone());
        assertEquals("tel:+7" + site.phone().replaceAll("\\D", "").substring(1), site.phoneHref());
        assertTrue(site.copyright().matches("2005\u2013\\d{4}"), site.copyright());
        assertFalse(site.support().isBlank());
        assertFalse(site.rights().isBlank());
        assertTrue(site.links().size() >= 2, "footer links");
        site.links().forEach(l -> assertTrue(l.href().startsWith("https://"), l.href()));
        assertTrue(site.emblemPath().matches("/assets/emblem\\.[0-9a-f]{12}\\.svg"), site.emblemPath());
        String svg = new String(SiteSettings.emblemSvg(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertFalse(svg.contains("<script") || svg.contains(" on"), "nothing active in the emblem");
    }

    @Test
    void theNameIsTheSettingsNameInEveryLanguage() {
        for (String lang : new String[] {"kk", "ru", "en"}) {
            Localization l = Localization.of(lang, ZoneId.of("Asia/Almaty"));
            assertEquals(l.site().name(), l.word("site.name"));
        }
        assertEquals("Акимат города Алматы", SiteSettings.of("ru").name());
    }

    @Test
    void aLanguageWithoutSettingsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SiteSettings.of("de"));
        assertTrue(e.getMessage().contains("de"), e.getMessage());
    }

    @Test
    void aPhoneInAnotherFormatOrALinkOffHttpsIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> new SiteSettings(
                        "n", "/assets/emblem.svg", "a", "p", "8 727 1234567", "2005", "r", "s", java.util.List.of()));
        assertThrows(IllegalStateException.class, () -> new SiteSettings.Link("x", "javascript:alert(1)"));
        assertThrows(IllegalStateException.class, () -> new SiteSettings.Link("x", "http://example.kz/"));
        assertThrows(IllegalStateException.class, () -> new SiteSettings.Link("x", "//example.kz/"));
        assertEquals("/kk/news/", new SiteSettings.Link("x", "/kk/news/").href());
    }
}
