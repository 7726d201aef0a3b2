package newsroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.render.Assets;
import org.junit.jupiter.api.Test;

/**
 * The search page's script, exactly as shipped, analyses a text of each language with Node and must
 * give the terms the index's Java code gives: otherwise a word would not find itself.
 */
class SearchStemmerParityTest {
    static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put(
                "ru",
                "Больница больницы больнице больницу больницей больницах больницами. В Алматы назначен новый"
                        + " руководитель управления здравоохранения; городские поликлиники переходят на безбумажный"
                        + " формат. Бюджет города уточнён, ёлки ЁЛКА Ёжик. Площадь Республики открылась после"
                        + " реконструкции: фонтаны, скамейки, новыми, красивейшими, читающих, прочитавшись,"
                        + " надеявшийся, бегающими, стремительнейшая, в 2026 году, COVID-19, Абая-Достык.");
        TEXTS.put(
                "en",
                "Hospitals hospital hospitality; the city's budget is revised. Republic Square reopens after"
                        + " renovation, with fountains and new benches. Running runs ran generously, generalization,"
                        + " communities, arsenal, agreed, happily, dying, skies, news 2026.");
        TEXTS.put(
                "kk",
                "Ауруханаларда аурухана ауруханасы ауруханаға ауруханадан ауруханалардың мектептерде мектебі"
                        + " мектептің қалада қаланың Алматыдағы Алматы жөндеді ашылған. Қалалық емханалар"
                        + " қағазсыз форматқа көшеді. Республика алаңы жаңартудан кейін ашылды. Түнгі автобустар"
                        + " қайта жүреді. Қала бюджеті нақтыланды. Оқушылар кітапханаға барады, су, тау, үйлеріміз.");
    }

    @Test
    void scriptAndIndexCutEveryWordAlike() throws Exception {
        Path node = findNode();
        assumeTrue(node != null, "node is not installed");
        Path dir = Files.createDirectories(Path.of("target", "search-parity"));
        Path script = dir.resolve("search.js");
        Files.write(script, Assets.searchScriptBytes());
        ObjectMapper json = new ObjectMapper();
        Path input = dir.resolve("texts.json");
        json.writeValue(input.toFile(), TEXTS);
        Path runner = dir.resolve("run.js");
        Files.writeString(
                runner,
                "const a = require('./search.js').analysis;\n"
                        + "const texts = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
                        + "const out = {};\n"
                        + "for (const lang of Object.keys(texts)) out[lang] = a.terms(lang, texts[lang]);\n"
                        + "process.stdout.write(JSON.stringify(out));\n",
                StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(
                        node.toString(),
                        runner.toAbsolutePath().toString(),
                        input.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = p.getInputStream().readAllBytes();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), new String(output, StandardCharsets.UTF_8));
        JsonNode fromScript = json.readTree(output);
        for (var e : TEXTS.entrySet()) {
            List<String> js = new ArrayList<>();
            fromScript.get(e.getKey()).forEach(n -> js.add(n.asText()));
            List<String> java = Analyzer.terms(e.getKey(), e.getValue());
            assertEquals(java, js, e.getKey());
            assertEquals(true, java.size() > 20, "the text was analysed at all");
        }
    }

    private static Path findNode() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
