package newsroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.local.CloudTemplate;

/**
 * Cold start: fresh JVMs with Lambda's flags on a deployment package's classpath, run in turn (the
 * order rotating): an empty handler (the JVM's floor), a bare SDK program that builds one DynamoDB
 * client as the functions do and reads one item (the baseline every Java function reading DynamoDB
 * pays), and the API function's handler, named as the template names it, answering its first
 * request against the running stack's DynamoDB; and the same handler primed, its checkpoint hook
 * run before the request as SnapStart runs it before its snapshot, so that its first request shows
 * what a restored snapshot still pays. Then one more of each with {@code
 * -Xlog:class+load}, to count the classes each loads and to say, library by library, where the API
 * handler's classes above the baseline come from.
 */
final class ColdStartBench {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    static final List<String> KINDS = List.of("empty", "sdk", "api", "primed");
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.*)$");
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.*?)-\\d[\\w.-]*\\.jar$");

    private ColdStartBench() {}

    static void run(Args args) throws Exception {
        String classpath = args.text("classpath");
        String storyId = args.text("story-id");
        int runs = args.integer("runs", 10);
        String handler = handler(Path.of(args.text("template")), args.text("function", "ApiFunction"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", "newsroom");
        env.put("BUCKET_NAME", "newsroom-site");
        // one endpoint for every client: reading a story needs only DynamoDB
        env.put("AWS_ENDPOINT_URL", args.text("dynamo"));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local-secret");
        Path work = Path.of(args.text("work"));
        for (int run = 1; run <= runs; run++) {
            for (int k = 0; k < KINDS.size(); k++) {
                String kind = KINDS.get((k + run) % KINDS.size());
                Map<String, Object> figures = launch(kind, classpath, handler, storyId, env, work, List.of());
                figures.put("run", run);
                args.emit(figures);
            }
        }
        for (String kind : KINDS) {
            Path log = work.resolve("classes-" + kind + ".log");
            Map<String, Object> figures =
                    launch(kind, classpath, handler, storyId, env, work, List.of("-Xlog:class+load=info:file=" + log));
            List<String> lines = Files.readAllLines(log);
            figures.put(
                    "classesLoaded",
                    lines.stream().filter(l -> LOADED.matcher(l).find()).count());
            figures.put("groups", groups(lines));
            figures.put("run", "class-count");
            args.emit(figures);
        }
    }

    /** The class the template names as the function's handler ("pkg.Class::method"). */
    static String handler(Path template, String function) {
        String handler = CloudTemplate.read(template).handlers().get(function);
        if (handler == null) throw new IllegalArgumentException("no function " + function + " in " + template);
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    /**
     * Classes loaded, counted by where they come from: a library's jar (its name without the
     * version), a Newsroom package, or a package of the JDK. Generated classes (lambdas, method
     * handles) count with the class that made them.
     */
    static Map<String, Integer> groups(List<String> log) {
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : log) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) continue;
            String name = m.group(1);
            String source = m.group(2).trim();
            String group;
            if (source.startsWith("jrt:/") || source.startsWith("shared objects file")) {
                group = jdk(name);
            } else if (source.startsWith("file:") && source.endsWith(".jar")) {
                String jar = source.substring(source.lastIndexOf('/') + 1);
                Matcher v = VERSIONED_JAR.matcher(jar);
                group = v.matches() ? v.group(1) : jar.replaceFirst("\\.jar$", "");
            } else if (source.startsWith("file:")) {
                group = name.startsWith("newsroom.bench.") ? "(bench main)" : packageGroup(name);
            } else {
                // a hidden or generated class: its source names the class that defined it, if any
                String host = source.split(" ")[0];
                group = groupOf.getOrDefault(host, name.startsWith("newsroom.") ? packageGroup(name) : jdk(name));
            }
            groupOf.put(name, group);
            counts.merge(group, 1, Integer::sum);
        }
        return counts;
    }

    private static String jdk(String name) {
        String[] parts = name.split("\\.");
        return "JDK " + (parts.length > 2 ? parts[0] + "." + parts[1] : parts[0]);
    }

    /** A Newsroom class's package, its generated templates as one. */
    private static String packageGroup(String name) {
        int end = name.lastIndexOf('.');
        return "Newsroom " + (end < 0 ? name : name.substring(0, end));
    }

    private static Map<String, Object> launch(
            String kind,
            String classpath,
            String handler,
            String storyId,
            Map<String, String> env,
            Path work,
            List<String> extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extra);
        command.addAll(List.of("-cp", classpath));
        switch (kind) {
            case "api" -> command.addAll(List.of("newsroom.bench.lambda.FirstRequest", handler, storyId));
            // the handler's checkpoint hook first, as SnapStart runs it before its snapshot
            case "primed" ->
                command.addAll(List.of("newsroom.bench.lambda.FirstRequest", handler, storyId, "--primed"));
            case "sdk" -> command.addAll(List.of("newsroom.bench.lambda.BareSdk", storyId));
            default -> command.add("newsroom.bench.lambda.EmptyHandler");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = work.resolve("cold-" + kind + ".out");
        builder.redirectOutput(out.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        int status = process.waitFor();
        long ended = System.nanoTime();
        String printed = Files.readString(out).strip();
        if (status != 0) throw new IllegalStateException(kind + " failed: " + printed);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bench", "cold");
        figures.put("kind", kind);
        figures.put("ms", Math.round((ended - started) / 100_000.0) / 10.0);
        if (!kind.equals("empty")) figures.put("inside", Args.JSON.readTree(lastLine(printed)));
        return figures;
    }

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }
}
