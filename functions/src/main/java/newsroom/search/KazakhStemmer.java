package newsroom.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Strips the common Kazakh noun and verb endings. No stemmer library knows Kazakh; the rules are data
 * ({@value #TABLE}), read by this class at index time and by the search page's script at query time,
 * so that both cut a word the same way.
 */
public final class KazakhStemmer {
    public static final String TABLE = "/newsroom/search/kk-suffixes.json";

    private final int minStem;
    private final int maxRounds;
    private final String back;
    private final String front;
    private final Map<Character, Character> devoicing = new LinkedHashMap<>();
    /** Longest first, so that "лардың" is not read as "ың" after "лард". */
    private final List<String> suffixes;

    private KazakhStemmer(JsonNode table) {
        this.minStem = table.get("minStem").asInt();
        this.maxRounds = table.get("maxRounds").asInt();
        this.back = table.get("backVowels").asText();
        this.front = table.get("frontVowels").asText();
        table.get("finalDevoicing")
                .fields()
                .forEachRemaining(e -> devoicing.put(
                        e.getKey().charAt(0), e.getValue().asText().charAt(0)));
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        table.get("suffixes").forEach(s -> unique.add(s.asText()));
        List<String> sorted = new ArrayList<>(unique);
        // a stable order for equal lengths keeps Java and JavaScript choosing the same ending
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.suffixes = List.copyOf(sorted);
    }

    /** The stemmer of the shipped table. */
    public static KazakhStemmer load() {
        try (InputStream in = KazakhStemmer.class.getResourceAsStream(TABLE)) {
            if (in == null) throw new IllegalStateException("missing " + TABLE);
            return new KazakhStemmer(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stem of a folded (lower-case) word. */
    public String stem(String word) {
        String stem = word;
        for (int round = 0; round < maxRounds; round++) {
            String cut = cutOnce(stem);
            if (cut == null) break;
            stem = cut;
        }
        if (stem.isEmpty()) return stem;
        Character voiceless = devoicing.get(stem.charAt(stem.length() - 1));
        return voiceless == null ? stem : stem.substring(0, stem.length() - 1) + voiceless;
    }

    private String cutOnce(String word) {
        for (String suffix : suffixes) {
            if (word.length() - suffix.length() < minStem || !word.endsWith(suffix)) continue;
            String rest = word.substring(0, word.length() - suffix.length());
            if (agrees(harmony(suffix), lastVowelHarmony(rest))) return rest;
        }
        return null;
    }

    /** 'b' back, 'f' front, 'n' neither (an ending without a vowel of either row). */
    private char harmony(String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (back.indexOf(c) >= 0) return 'b';
            if (front.indexOf(c) >= 0) return 'f';
        }
        return 'n';
    }

    private char lastVowelHarmony(String stem) {
        for (int i = stem.length() - 1; i >= 0; i--) {
            char c = stem.charAt(i);
            if (back.indexOf(c) >= 0) return 'b';
            if (front.indexOf(c) >= 0) return 'f';
        }
        return 'n';
    }

    private static boolean agrees(char suffix, char stem) {
        return suffix == 'n' || stem == 'n' || suffix == stem;
    }
}
