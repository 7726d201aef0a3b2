package newsroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    @Test
    void russianInflectionsShareAStem() {
        assertEquals(Analyzer.terms("ru", "больница"), Analyzer.terms("ru", "больницы"));
        assertEquals(Analyzer.terms("ru", "больница"), Analyzer.terms("ru", "Больнице"));
        assertEquals(Analyzer.terms("ru", "больница"), Analyzer.terms("ru", "БОЛЬНИЦАМИ"));
    }

    @Test
    void yoIsFoldedToYe() {
        assertEquals(Analyzer.terms("ru", "уточнен"), Analyzer.terms("ru", "уточнён"));
        assertEquals(Analyzer.terms("ru", "еж"), Analyzer.terms("ru", "Ёж"));
    }

    @Test
    void kazakhInflectionsShareAStem() {
        assertEquals(List.of("аурухана"), Analyzer.terms("kk", "Ауруханаларда"));
    }

    @Test
    void splitsOnPunctuationAndDropsOneLetterWords() {
        assertEquals(List.of("2020", "citi", "budget"), Analyzer.terms("en", "2020: a city «budget»"));
    }
}
