package newsroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: fresh JVMs with Lambda's flags on the deployment zip's classpath, one running the API
 * handler's first request against the running stack's DynamoDB, the other an empty handler (the
 * floor), run alternately; then one more of each to count the classes they load.
 */
final class ColdStartBench {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private ColdStartBench() {}

    static void run(Args args) throws Exception {
        String classpath = args.text("classpath");
        String storyId = args.text("story-id");
        int runs = args.integer("runs", 10);
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
            for (String kind : run % 2 == 1 ? List.of("api", "empty") : List.of("empty", "api")) {
                Map<String, Object> figures = launch(kind, classpath, storyId, env, work, List.of());
                figures.put("run", run);
                args.emit(figures);
            }
        }
        for (String kind : List.of("api", "empty")) {
            Path log = work.resolve("classes-" + kind + ".log");
            Map<String, Object> figures =
                    launch(kind, classpath, storyId, env, work, List.of("-Xlog:class+load:file=" + log));
            figures.put("classesLoaded", Files.readAllLines(log).size());
            figures.put("run", "class-count");
            args.emit(figures);
        }
    }

    private static Map<String, Object> launch(
            String kind, String classpath, String storyId, Map<String, String> env, Path work, List<String> extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extra);
        command.addAll(List.of("-cp", classpath));
        if (kind.equals("api")) {
            command.addAll(List.of("newsroom.bench.lambda.FirstRequest", storyId));
        } else {
            command.add("newsroom.bench.lambda.EmptyHandler");
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
        if (kind.equals("api")) figures.put("inside", Args.JSON.readTree(lastLine(printed)));
        return figures;
    }

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }
}
