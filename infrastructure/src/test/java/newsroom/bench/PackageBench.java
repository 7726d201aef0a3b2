package newsroom.bench;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import newsroom.local.CloudTemplate;

/**
 * What each function's deployment package carries, and what it would carry if it held only what
 * its code can reach. Every function ships the one zip today; for each, the Newsroom classes
 * reachable from its handler (as the template names it) are followed by {@code jdeps}, the
 * libraries they refer to are closed over the libraries' own references, and the zip entries of
 * those libraries (compressed, as Lambda counts the package) plus every Newsroom class and resource
 * give the package it needs. Reachability is static and so generous: a class the code names but
 * never touches at run time counts, which is why the wiring decides what a function carries.
 * Libraries found through {@code ServiceLoader} count when the function names a class of the
 * service's package (ImageIO's readers for the image function); the SDK's own HTTP client lookup
 * does not, as the functions name their HTTP client themselves.
 */
final class PackageBench {
    private PackageBench() {}

    static void run(Args args) throws Exception {
        Path zip = Path.of(args.text("zip"));
        Path unpacked = Path.of(args.text("unpacked"));
        Path classes = Path.of(args.text("classes"));
        Path work = Path.of(args.text("work"));
        Path templateFile = Path.of(args.text("template")).toAbsolutePath();
        CloudTemplate template = CloudTemplate.read(templateFile);
        Map<String, String> handlers = template.handlers();

        Map<String, Long> entryBytes = new TreeMap<>();
        long ownBytes = 0;
        long zipBytes = Files.size(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                if (e.isDirectory()) continue;
                if (e.getName().startsWith("lib/")) {
                    entryBytes.put(e.getName().substring(4), e.getCompressedSize());
                } else {
                    ownBytes += e.getCompressedSize();
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        try (var list = Files.list(unpacked.resolve("lib"))) {
            list.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        String classpath = String.join(":", jars.stream().map(Path::toString).toList());
        Map<String, Set<String>> services = services(jars);

        Map<String, Set<String[]>> classEdges = classEdges(jdeps(
                work,
                "classes",
                // -filter:none: references within a class's own package count too
                List.of(
                        "--multi-release",
                        "17",
                        "-verbose:class",
                        "-filter:none",
                        "-cp",
                        classpath,
                        classes.toString())));
        Map<String, Set<String>> jarEdges =
                jarEdges(jdeps(work, "jars", withJars(List.of("--multi-release", "17", "-s"), jars)), moduleJars(jars));

        Map<String, Object> total = new LinkedHashMap<>();
        total.put("bench", "package-zip");
        total.put("bytes", zipBytes);
        total.put("ownBytes", ownBytes);
        total.put("jars", entryBytes);
        args.emit(total);

        for (Map.Entry<String, String> function : handlers.entrySet()) {
            String handler = function.getValue().replaceFirst("::.*$", "");
            Set<String> reachedClasses = new HashSet<>();
            Set<String> reachedJars = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(handler));
            while (!todo.isEmpty()) {
                String c = todo.pop();
                if (!reachedClasses.add(c)) continue;
                for (String[] edge : classEdges.getOrDefault(c, Set.of())) {
                    if (edge[1].endsWith(".jar")) reachedJars.add(edge[1]);
                    else if (edge[1].equals("classes")) todo.push(edge[0]);
                }
            }
            // providers the JDK or a library finds with ServiceLoader (ImageIO's readers, say): a jar
            // counts when the function names a class of the service's package or of a parent of it
            Set<String> packages = new HashSet<>();
            for (String c : reachedClasses) {
                for (String[] edge : classEdges.getOrDefault(c, Set.of())) packages.add(packageOf(edge[0]));
            }
            services.forEach((jar, provided) -> {
                for (String service : provided) {
                    String servicePackage = packageOf(service);
                    if (packages.stream()
                            .anyMatch(p -> p.indexOf('.') > 0
                                    && (servicePackage.equals(p) || servicePackage.startsWith(p + ".")))) {
                        reachedJars.add(jar);
                    }
                }
            });
            Set<String> carried = new TreeSet<>();
            Deque<String> jarTodo = new ArrayDeque<>(reachedJars);
            while (!jarTodo.isEmpty()) {
                String j = jarTodo.pop();
                if (!carried.add(j)) continue;
                jarTodo.addAll(jarEdges.getOrDefault(j, Set.of()));
            }
            long bytes = ownBytes;
            for (String j : carried) bytes += entryBytes.getOrDefault(j, 0L);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("bench", "package");
            figures.put("function", function.getKey());
            figures.put("handler", handler);
            // what the template deploys for this function: its own CodeUri, or the one zip of Globals
            Path shipped = codeUri(template, templateFile.getParent(), function.getKey());
            Set<String> shippedJars = Files.exists(shipped) ? jarsIn(shipped) : entryBytes.keySet();
            figures.put("codeUri", templateFile.getParent().relativize(shipped).toString());
            figures.put("shippedBytes", Files.exists(shipped) ? Files.size(shipped) : zipBytes);
            figures.put("jarsShipped", shippedJars);
            figures.put("neededBytes", bytes);
            figures.put("newsroomClassesReached", reachedClasses.size());
            figures.put("jarsReached", reachedJars);
            figures.put("jarsNeeded", carried);
            figures.put(
                    "jarsLeftOut",
                    entryBytes.keySet().stream()
                            .filter(j -> !carried.contains(j))
                            .toList());
            args.emit(figures);
        }
    }

    /** The function's CodeUri, or the one of the template's Globals. */
    static Path codeUri(CloudTemplate template, Path base, String function) {
        Object uri = template.properties(function).get("CodeUri");
        if (uri == null && template.section("Globals").get("Function") instanceof Map<?, ?> globals) {
            uri = globals.get("CodeUri");
        }
        if (uri == null) throw new IllegalStateException("no CodeUri for " + function);
        return base.resolve(uri.toString()).normalize();
    }

    /** The library jars a deployment zip holds (in lib/). */
    private static Set<String> jarsIn(Path zip) throws IOException {
        Set<String> jars = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                if (!e.isDirectory() && e.getName().startsWith("lib/"))
                    jars.add(e.getName().substring(4));
            }
        }
        return jars;
    }

    private static String packageOf(String className) {
        int end = className.lastIndexOf('.');
        return end < 0 ? "" : className.substring(0, end);
    }

    /**
     * The services each jar provides (META-INF/services), leaving out the SDK's HTTP client
     * services: every function builds its clients with the URL-connection client it names, so the
     * SDK never looks for another.
     */
    private static Map<String, Set<String>> services(List<Path> jars) throws IOException {
        Map<String, Set<String>> services = new TreeMap<>();
        for (Path jar : jars) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                for (ZipEntry e : java.util.Collections.list(file.entries())) {
                    String name = e.getName();
                    if (e.isDirectory() || !name.startsWith("META-INF/services/")) continue;
                    String service = name.substring("META-INF/services/".length());
                    if (service.startsWith("software.amazon.awssdk.http.")) continue;
                    services.computeIfAbsent(jar.getFileName().toString(), k -> new TreeSet<>())
                            .add(service);
                }
            }
        }
        return services;
    }

    private static List<String> withJars(List<String> options, List<Path> jars) {
        List<String> all = new ArrayList<>(options);
        jars.forEach(j -> all.add(j.toString()));
        return all;
    }

    private static List<String> jdeps(Path work, String name, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("jdeps"));
        command.addAll(arguments);
        Path out = work.resolve("jdeps-" + name + ".txt");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (p.waitFor() != 0) throw new IllegalStateException("jdeps failed:\n" + Files.readString(out));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** "  a.B -> c.D   archive": from each class, the classes it names and where they live. */
    private static Map<String, Set<String[]>> classEdges(List<String> lines) {
        Map<String, Set<String[]>> edges = new HashMap<>();
        for (String line : lines) {
            if (!line.startsWith("   ")) continue;
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 4 || !parts[1].equals("->")) continue;
            edges.computeIfAbsent(parts[0], k -> new HashSet<>()).add(new String[] {parts[2], parts[3]});
        }
        return edges;
    }

    /** "a.jar -> /path/b.jar" (or a module's name): each library's references to the others. */
    private static Map<String, Set<String>> jarEdges(List<String> lines, Map<String, String> modules) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+->\\s+");
            if (parts.length != 2) continue;
            String from = jarName(parts[0], modules);
            String to = jarName(parts[1], modules);
            if (from != null && to != null && !from.equals(to)) {
                edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            }
        }
        return edges;
    }

    private static String jarName(String text, Map<String, String> modules) {
        if (text.endsWith(".jar")) return text.substring(text.lastIndexOf('/') + 1);
        return modules.get(text);
    }

    /** Module name to jar, for the libraries jdeps names by their module. */
    private static Map<String, String> moduleJars(List<Path> jars) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (Path jar : jars) {
            try {
                for (ModuleReference m : ModuleFinder.of(jar).findAll()) {
                    names.put(m.descriptor().name(), jar.getFileName().toString());
                }
            } catch (RuntimeException e) {
                // a jar no module can be derived from is named by its file
            }
        }
        return names;
    }
}
