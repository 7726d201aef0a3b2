package newsroom.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import newsroom.story.BodyFormat;
import newsroom.story.StoryInput;

/**
 * A deterministic corpus of press-service stories in kk, ru and en: Markdown bodies of a press
 * release's length (about 450 words, a quotation in half of them), made of each language's common
 * words and of generated words that look like it. Story {@code i} is the same whatever the corpus
 * size, so a small corpus is a prefix of a large one.
 */
final class Corpus {
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final List<String> CATEGORIES = List.of("city", "health", "education", "transport", "culture", "economy");
    static final Instant FIRST = Instant.parse("2022-01-03T03:00:00Z");
    static final Duration EVERY = Duration.ofHours(3);
    private static final long SEED = 20_261_123L;

    /** One story of the corpus: when it was published and what staff sent. */
    record Item(int index, Instant publishedAt, StoryInput input) {}

    private Corpus() {}

    static Item story(int index) {
        SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + index);
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        List<String> tags = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String tag = TAGS.get(random.nextInt(TAGS.size()));
            if (!tags.contains(tag)) tags.add(tag);
        }
        int paragraphs = 5 + random.nextInt(6);
        boolean quote = random.nextBoolean();
        Map<String, StoryInput.TranslationInput> translations = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            // the same shape in every language, with each language's own words
            SplittableRandom words = random.split();
            Language language = Language.of(lang);
            translations.put(
                    lang,
                    new StoryInput.TranslationInput(
                            language.title(words),
                            language.sentences(words, 1 + words.nextInt(2)),
                            language.city,
                            language.body(words, paragraphs, quote),
                            BodyFormat.MARKDOWN,
                            null,
                            null,
                            null));
        }
        return new Item(
                index,
                FIRST.plus(EVERY.multipliedBy(index)),
                new StoryInput(category, tags, "Press service", null, translations));
    }

    /** A title that differs from the first: when its slug is already taken. */
    static String retitled(String lang, int index, int attempt) {
        return Language.of(lang).title(new SplittableRandom(SEED * 7_919L + index * 31L + attempt));
    }

    private static final List<String> TAGS =
            List.of("akimat", "roads", "schools", "parks", "budget", "winter", "metro", "hospitals");

    /** What makes text look like one language: its short words, its syllables and endings. */
    private record Language(
            String city, List<String> common, List<String> onsets, List<String> vowels, List<String> ends) {

        static Language of(String lang) {
            return switch (lang) {
                case "kk" -> KAZAKH;
                case "ru" -> RUSSIAN;
                default -> ENGLISH;
            };
        }

        String title(SplittableRandom r) {
            String t = words(r, 5 + r.nextInt(5));
            return Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }

        String sentences(SplittableRandom r, int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) text.append(' ');
                String s = words(r, 8 + r.nextInt(11));
                text.append(Character.toUpperCase(s.charAt(0)))
                        .append(s.substring(1))
                        .append('.');
            }
            return text.toString();
        }

        String body(SplittableRandom r, int paragraphs, boolean quote) {
            StringBuilder md = new StringBuilder();
            for (int p = 0; p < paragraphs; p++) {
                if (p > 0) md.append("\n\n");
                if (quote && p == paragraphs / 2) {
                    md.append("> ").append(sentences(r, 2)).append("\n\n");
                }
                String paragraph = sentences(r, 3 + r.nextInt(4));
                if (r.nextInt(4) == 0) {
                    // a figure in bold, as press releases like to have
                    int at = paragraph.indexOf(' ', paragraph.length() / 2);
                    if (at > 0) {
                        paragraph = paragraph.substring(0, at)
                                + " **"
                                + (10 + r.nextInt(990))
                                + "**"
                                + paragraph.substring(at);
                    }
                }
                md.append(paragraph);
            }
            return md.toString();
        }

        private String words(SplittableRandom r, int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) text.append(' ');
                text.append(r.nextInt(5) < 2 ? common.get(r.nextInt(common.size())) : word(r));
            }
            return text.toString();
        }

        private String word(SplittableRandom r) {
            StringBuilder w = new StringBuilder();
            for (int s = 0, n = 1 + r.nextInt(3); s < n; s++) {
                w.append(onsets.get(r.nextInt(onsets.size()))).append(vowels.get(r.nextInt(vowels.size())));
            }
            if (r.nextBoolean()) w.append(ends.get(r.nextInt(ends.size())));
            return w.toString().toLowerCase(Locale.ROOT);
        }
    }

    private static final Language KAZAKH = new Language(
            "Алматы",
            List.of(
                    "және",
                    "бойынша",
                    "қала",
                    "әкімдігі",
                    "жыл",
                    "жаңа",
                    "үшін",
                    "туралы",
                    "Алматы",
                    "тұрғындар",
                    "жұмыс",
                    "бағдарлама",
                    "аудан",
                    "мектеп",
                    "жол",
                    "құрылыс",
                    "бұл",
                    "сондай-ақ",
                    "мен",
                    "бар",
                    "болады",
                    "жоспар",
                    "қызмет",
                    "орталық"),
            List.of("қ", "ғ", "ж", "т", "с", "м", "н", "б", "л", "р", "к", "д", "ш", "ң", "й", "з", "қ", "т", "ж", "с"),
            List.of("а", "ә", "е", "ы", "і", "о", "ө", "ұ", "ү", "ер", "ан", "ал"),
            List.of("дың", "нің", "лар", "дер", "ға", "қа", "мен", "ды", "сы", "тық", "лық", "ген"));

    private static final Language RUSSIAN = new Language(
            "Алматы",
            List.of(
                    "и",
                    "в",
                    "на",
                    "по",
                    "для",
                    "города",
                    "администрация",
                    "года",
                    "жителей",
                    "работы",
                    "программы",
                    "района",
                    "школ",
                    "дорог",
                    "строительства",
                    "также",
                    "с",
                    "что",
                    "будет",
                    "новых",
                    "центра",
                    "рамках",
                    "акимат",
                    "более"),
            List.of(
                    "пр", "ст", "в", "к", "р", "т", "м", "н", "д", "л", "з", "б", "г", "с", "п", "ч", "ш", "х", "кр",
                    "тр"),
            List.of("а", "о", "е", "и", "у", "я", "ы", "ё", "ю", "ов", "ен", "ат"),
            List.of("ация", "ость", "ого", "ных", "ение", "ому", "ами", "ский", "ной", "ства"));

    private static final Language ENGLISH = new Language(
            "Almaty",
            List.of(
                    "the",
                    "and",
                    "of",
                    "to",
                    "in",
                    "for",
                    "city",
                    "administration",
                    "year",
                    "residents",
                    "new",
                    "work",
                    "programme",
                    "district",
                    "schools",
                    "roads",
                    "construction",
                    "also",
                    "with",
                    "that",
                    "will",
                    "centre",
                    "more",
                    "akimat"),
            List.of(
                    "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "gr",
                    "sh"),
            List.of("a", "e", "i", "o", "u", "ea", "ou", "ai", "er", "an", "in", "on"),
            List.of("tion", "ment", "ing", "ed", "ly", "ness", "er", "al", "ive", "ship"));
}
