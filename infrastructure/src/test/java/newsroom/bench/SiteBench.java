package newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Full-site rendering, Hugo against Newsroom's static export, on the same corpus: runs both in turn
 * (the order alternating), each under {@code /usr/bin/time -v}, into fresh folders, and records
 * wall time, peak resident memory and the files each wrote.
 */
final class SiteBench {
    private static final Pattern ELAPSED =
            Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private SiteBench() {}

    static void run(Args args) throws Exception {
        Path hugoSite = Path.of(args.text("hugo-site")).toAbsolutePath();
        Path work = Path.of(args.text("work")).toAbsolutePath();
        String jar = args.text("jar");
        int runs = args.integer("runs", 3);
        int offset = args.integer("port-offset");
        List<String> javaOptions = Arrays.stream(args.text("java-options", "").split(" "))
                .filter(s -> !s.isBlank())
                .toList();
        String mode = args.text("mode", "stack");
        for (int run = 1; run <= runs; run++) {
            // the export as shipped (pages and the search page's index) and pages only, which is what
            // Hugo writes
            List<String> tools = new ArrayList<>(List.of("hugo", "newsroom", "newsroom-pages"));
            // --tools leaves some out (a large N's pages-only comparison, say)
            tools.retainAll(List.of(args.text("tools", String.join(",", tools)).split(",")));
            if (run % 2 == 0) java.util.Collections.reverse(tools);
            for (String tool : tools) {
                Path out = work.resolve("site-" + tool + "-" + run);
                delete(out);
                List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
                if (tool.equals("hugo")) {
                    command.addAll(List.of(
                            "hugo", "--quiet", "--source", hugoSite.toString(), "--destination", out.toString()));
                } else {
                    command.add("java");
                    command.addAll(javaOptions);
                    command.addAll(
                            List.of("-jar", jar, "export", out.toString(), "--port-offset", Integer.toString(offset)));
                    if (tool.equals("newsroom-pages")) command.add("--pages-only");
                }
                Path timeLog = work.resolve("time-" + tool + "-" + run + ".txt");
                double stackBefore = stackCpu(args);
                Process process = new ProcessBuilder(command)
                        .directory(work.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(timeLog.toFile())
                        .start();
                // the export and the database's process side by side: their resident sets summed
                MemorySampler memory = !tool.equals("hugo") ? MemorySampler.start(process, args) : null;
                int status = process.waitFor();
                double stackAfter = stackCpu(args);
                if (memory != null) memory.stop();
                String time = Files.readString(timeLog);
                if (status != 0) throw new IllegalStateException(tool + " failed:\n" + time);
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("bench", "site");
                figures.put("stories", args.integer("stories"));
                figures.put("mode", mode);
                figures.put("tool", tool);
                figures.put("run", run);
                figures.put("seconds", seconds(find(ELAPSED, time)));
                figures.put("maxRssKb", Long.parseLong(find(MAX_RSS, time)));
                figures.put(
                        "cpuSeconds", Double.parseDouble(find(USER, time)) + Double.parseDouble(find(SYSTEM, time)));
                if (!tool.equals("hugo")) {
                    // the database's share: DynamoDB Local runs in the stack's process
                    figures.put("stackCpuSeconds", Math.round((stackAfter - stackBefore) * 100) / 100.0);
                    figures.put("stackPeakRssKb", memory.stackPeakKb);
                    figures.put("togetherPeakRssKb", memory.togetherPeakKb);
                }
                long[] files = files(out);
                figures.put("files", files[0]);
                figures.put("bytes", files[1]);
                // the search page's index shards are files but not pages: Hugo writes none
                figures.put("searchFiles", files[2]);
                if (!tool.equals("hugo")) figures.put("javaOptions", String.join(" ", javaOptions));
                args.emit(figures);
                if (run > 1) delete(out);
            }
        }
    }

    /** CPU seconds the stack's process has used so far (Linux /proc), or 0 when unknown. */
    private static double stackCpu(Args args) throws IOException {
        String pid = args.text("stack-pid", "");
        Path stat = Path.of("/proc", pid, "stat");
        if (pid.isEmpty() || !Files.exists(stat)) return 0;
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15 of stat, in clock ticks
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) args.integer("clock-ticks", 100);
    }

    /**
     * Samples, every 20 ms while the export runs, the resident set of the export's process tree and
     * of the stack's process (which holds DynamoDB Local), and keeps the peak of their sum.
     */
    private static final class MemorySampler {
        private final Thread thread;
        private volatile boolean running = true;
        volatile long stackPeakKb;
        volatile long togetherPeakKb;

        private MemorySampler(Process export, String stackPid) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            long stack = rssKb(stackPid);
                            long tree = rssKb(Long.toString(export.pid()))
                                    + export.descendants()
                                            .mapToLong(p -> rssKb(Long.toString(p.pid())))
                                            .sum();
                            stackPeakKb = Math.max(stackPeakKb, stack);
                            togetherPeakKb = Math.max(togetherPeakKb, stack + tree);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "rss-sampler");
            thread.setDaemon(true);
        }

        static MemorySampler start(Process export, Args args) {
            MemorySampler sampler = new MemorySampler(export, args.text("stack-pid", ""));
            sampler.thread.start();
            return sampler;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        /** VmRSS of a process (Linux /proc), 0 when it is gone or unknown. */
        private static long rssKb(String pid) {
            if (pid.isEmpty()) return 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between two samples
            }
            return 0;
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) throw new IllegalStateException("no " + pattern + " in\n" + text);
        return m.group(1);
    }

    /** "m:ss.ss" or "h:mm:ss" as seconds. */
    static double seconds(String elapsed) {
        double total = 0;
        for (String part : elapsed.split(":")) total = total * 60 + Double.parseDouble(part);
        return total;
    }

    /** Files, bytes, and the files of the search index (under search/). */
    private static long[] files(Path dir) throws IOException {
        long[] count = new long[3];
        Path search = dir.resolve("search");
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(f -> {
                count[0]++;
                count[1] += f.toFile().length();
                if (f.startsWith(search)) count[2]++;
            });
        }
        return count;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
