package newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm API latency with wrk against the local API gateway: a read (GET /articles/{id}), a write
 * (POST /articles, a new draft each time) and the no-op GET /openapi.json as the gateway's own
 * cost, at several connection counts. The handler's share comes from its own log lines.
 */
final class ApiBench {
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    private ApiBench() {}

    static void run(Args args) throws Exception {
        String api = args.text("api");
        String token = args.text("token");
        String storyId = args.text("story-id");
        Path log = Path.of(args.text("log"));
        Path work = Path.of(args.text("work"));
        int duration = args.integer("seconds", 10);
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Files.writeString(
                work.resolve("read.lua"),
                "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(work.resolve("plain.lua"), "-- no headers\n", StandardCharsets.UTF_8);
        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("read", new String[] {"/articles/" + storyId, "read.lua", "GET /articles/{id}"});
        targets.put("write", new String[] {"/articles", "write.lua", "POST /articles"});
        targets.put("openapi", new String[] {"/openapi.json", "plain.lua", "GET /openapi.json"});
        for (String connections : args.text("connections", "1,8,32").split(",")) {
            int c = Integer.parseInt(connections);
            // titles of this run's drafts differ from every earlier run's
            Files.writeString(work.resolve("write.lua"), writeScript(token, tag + "c" + c), StandardCharsets.UTF_8);
            for (Map.Entry<String, String[]> target : targets.entrySet()) {
                String[] t = target.getValue();
                long logFrom = Files.size(log);
                List<String> command = List.of(
                        "wrk",
                        "-t" + Math.min(c, 2),
                        "-c" + c,
                        "-d" + duration + "s",
                        "--latency",
                        "-s",
                        work.resolve(t[1]).toString(),
                        api + t[0]);
                Process wrk =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (wrk.waitFor() != 0) throw new IllegalStateException("wrk failed:\n" + output);
                Thread.sleep(300); // the last log lines
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("bench", "api");
                figures.put("request", target.getKey());
                figures.put("route", t[2]);
                figures.put("connections", c);
                Matcher p = PERCENTILE.matcher(output);
                while (p.find()) figures.put("p" + p.group(1) + "Ms", millis(p.group(2), p.group(3)));
                figures.put("requestsPerSecond", Double.parseDouble(find(RATE, output, "0")));
                figures.put("requests", Long.parseLong(find(REQUESTS, output, "0")));
                figures.put("non2xx", Long.parseLong(find(ERRORS, output, "0")));
                List<Integer> handler = handlerMillis(log, logFrom, t[2]);
                figures.put("handlerLines", handler.size());
                figures.put("handlerP50Ms", percentile(handler, 50));
                figures.put("handlerP99Ms", percentile(handler, 99));
                args.emit(figures);
            }
        }
    }

    /**
     * Each request posts a new draft whose titles (so slugs) are its own in every language: the
     * unique part comes first, since slugs are cut at 80 characters.
     */
    private static String writeScript(String token, String tag) {
        String body = PublishProbe.storyJson(Corpus.story(9_000_000).input())
                .replaceAll("\"title\":\"([^\"]*)\"", "\"title\":\"@T@ $1\"");
        return """
        local counter = 0
        function setup(thread)
          counter = counter + 1
          thread:set("id", counter)
        end
        local n = 0
        local template = [==[%BODY%]==]
        request = function()
          n = n + 1
          local body = template:gsub("@T@", "%TAG% " .. id .. " " .. n)
          return wrk.format("POST", "/articles", {
            ["Authorization"] = "Bearer %TOKEN%",
            ["Content-Type"] = "application/json"
          }, body)
        end
        """.replace("%BODY%", body).replace("%TAG%", tag).replace("%TOKEN%", token);
    }

    private static List<Integer> handlerMillis(Path log, long from, String route) throws Exception {
        List<Integer> values = new ArrayList<>();
        try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                // JSON log lines, the event's name among their fields (after the timestamp and level)
                if (!line.startsWith("{") || !line.contains("\"event\":\"api\"")) continue;
                JsonNode node = Args.JSON.readTree(line);
                if (node.path("event").asText().equals("api")
                        && route.equals(node.path("route").asText()))
                    values.add(node.path("ms").asInt());
            }
        }
        return values;
    }

    static Double percentile(List<? extends Number> values, int p) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String find(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }
}
