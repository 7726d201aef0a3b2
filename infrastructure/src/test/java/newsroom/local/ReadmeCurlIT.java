package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's curl examples ("Trying the API with curl", then "The staff API") in order,
 * with bash and curl, against a stack of this test's own. Only what a reader would change is
 * changed: the stack's ports, the created story's id, the upload URL the API answered, and the
 * tokens (minted by this stack, as `token` mints them for the stack it belongs to). Each answer is
 * checked against what the README says of it: the status and ETag its comments name, and every
 * request sent with an If-Match accepted, with the ETag the previous change answered.
 */
class ReadmeCurlIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SECTIONS = List.of("Trying the API with curl", "The staff API");
    static final Pattern ETAG = Pattern.compile("(?im)^etag:\\s*(\\S+)\\s*$");
    static final Pattern IF_MATCH = Pattern.compile("If-Match: (\"[^\"]*\")");
    static final Pattern EXPECTED = Pattern.compile("^# (\\d{3}) [A-Z][A-Za-z ]*(.*)$");

    static LocalCloud cloud;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3);
        work = Files.createDirectories(Path.of("target", "readme-curl").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    /** One command of a README block, with the comment lines that follow it before the next one. */
    record Command(String text, List<String> commentsAfter) {}

    @Test
    void theReadmesCurlExamplesRunInOrderAndAnswerWhatTheReadmeSays() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        List<Command> commands = new ArrayList<>();
        for (String section : SECTIONS) commands.addAll(commands(shellBlocks(readme, section)));
        assertTrue(commands.size() >= 12, "commands found: " + commands.size());

        String preamble = preamble(readme);
        String id = null;
        String uploadUrl = null;
        String lastEtag = null;
        int ifMatchChecked = 0;
        for (Command command : commands) {
            String text = command.text()
                    .replace("localhost:3000", "localhost:" + port(cloud.apiUrl()))
                    .replace("localhost:8080", "localhost:" + port(cloud.cdnUrl()));
            if (id != null) text = text.replace("<id>", id);
            if (uploadUrl != null) text = text.replace("'<url>'", "'" + uploadUrl + "'");
            assertFalse(text.contains("<id>") || text.contains("<url>"), "nothing to substitute yet: " + text);
            if (text.contains("localhost:" + port(cloud.cdnUrl()))) {
                // "a moment later": the stream renders the change; wait for it, not for a time
                cloud.awaitQuiet(Duration.ofSeconds(60));
            }

            String out = run(preamble, text);
            String what = "README command:\n" + command.text() + "\nanswered:\n" + out;

            Matcher ifMatch = IF_MATCH.matcher(text);
            if (text.startsWith("curl -si")) {
                int status = status(out);
                assertTrue(status >= 200 && status < 300, what);
                if (ifMatch.find()) {
                    assertEquals(lastEtag, ifMatch.group(1), "the If-Match is the ETag last answered; " + what);
                    ifMatchChecked++;
                }
                Matcher etag = ETAG.matcher(out);
                if (etag.find()) lastEtag = etag.group(1);
            }
            for (String comment : command.commentsAfter()) {
                Matcher expected = EXPECTED.matcher(comment);
                if (!expected.matches()) continue;
                assertEquals(Integer.parseInt(expected.group(1)), status(out), comment + "\n" + what);
                Matcher named = Pattern.compile("ETag: (\"[^\"]*\")").matcher(expected.group(2));
                if (named.find()) assertEquals(named.group(1), lastEtag, comment + "\n" + what);
                if (expected.group(2).contains("Location: /articles/<id>")) {
                    Matcher location = Pattern.compile("(?im)^location:\\s*/articles/(\\S+)\\s*$")
                            .matcher(out);
                    assertTrue(location.find(), what);
                    id = location.group(1);
                }
            }
            if (text.contains("-X POST $API/media")) {
                JsonNode media = JSON.readTree(out);
                for (String field : List.of("src", "uploadUrl", "method", "headers")) {
                    assertTrue(media.has(field), field + "; " + what);
                }
                uploadUrl = media.get("uploadUrl").asText();
            }
            if (text.startsWith("curl -s http://localhost:" + port(cloud.cdnUrl()))) {
                assertTrue(out.contains("Night buses return to Almaty"), what);
            }
            if (text.contains("/articles?status=published")) {
                JsonNode list = JSON.readTree(out);
                assertTrue(list.toString().contains(id), "the published story is listed; " + what);
            }
            if (text.contains("> preview.html")) {
                String preview = Files.readString(work.resolve("preview.html"), StandardCharsets.UTF_8);
                assertTrue(preview.contains("Алматыда түнгі автобустар қайта жүреді"), preview);
            }
        }
        assertTrue(ifMatchChecked >= 5, "If-Match requests checked: " + ifMatchChecked);
        assertTrue(Files.size(work.resolve("preview.html")) > 0);
    }

    /** Runs one command with bash in the working folder, the variables of the commands before kept. */
    String run(String preamble, String command) throws IOException, InterruptedException {
        Path script = work.resolve("command.sh");
        Files.writeString(
                script,
                preamble + "\nif [ -f variables.sh ]; then . ./variables.sh; fi\n" + command + "\n"
                        + "(set -o posix; set) | grep -E '^(JAR|TOKEN|API|AUTH|ID)=' > variables.sh\n",
                StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(120, TimeUnit.SECONDS), "command did not end: " + command);
        assertEquals(0, bash.exitValue(), command + "\n" + out);
        return out;
    }

    /**
     * Replaces `java -jar $JAR token <user> <group>` with the tokens of this stack (the jar's
     * command mints them for the default stack's key) and puts the photo the README uploads here.
     */
    String preamble(String readme) throws IOException {
        Matcher token = Pattern.compile("token (\\w+) (writers|editors|admins)").matcher(readme);
        Map<String, String> tokens = new TreeMap<>();
        while (token.find()) {
            tokens.put(
                    token.group(1) + " " + token.group(2),
                    cloud.auth().token(token.group(1), List.of(token.group(2)), Duration.ofHours(1)));
        }
        StringBuilder sh = new StringBuilder("set -e\njava() {\n  case \"$*\" in\n");
        tokens.forEach((who, jwt) -> sh.append("    *\" token ")
                .append(who)
                .append("\") echo '")
                .append(jwt)
                .append("' ;;\n"));
        sh.append("    *) echo \"unexpected: java $*\" >&2; return 1 ;;\n  esac\n}\n");
        Files.write(work.resolve("photo.jpg"), tinyJpeg());
        Files.deleteIfExists(work.resolve("variables.sh"));
        Files.deleteIfExists(work.resolve("preview.html"));
        return sh.toString();
    }

    static int status(String curlOutput) {
        Matcher m = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})").matcher(curlOutput);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1).replaceAll("/.*", ""));
    }

    static Path readme() {
        return CloudTemplate.locate().resolveSibling("README.md");
    }

    /** The ```sh blocks between a "## section" heading and the next "## " heading. */
    static List<String> shellBlocks(String readme, String section) {
        int start = readme.indexOf("\n## " + section + "\n");
        assertTrue(start >= 0, "README has no section " + section);
        int end = readme.indexOf("\n## ", start + 4);
        String text = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)\n```sh\n(.*?)\n```").matcher(text);
        while (block.find()) blocks.add(block.group(1));
        assertFalse(blocks.isEmpty(), "no shell block under " + section);
        return blocks;
    }

    /**
     * Splits blocks into commands: a command runs on while a line ends with a backslash or a quote
     * is open; comment lines after a command belong to it.
     */
    static List<Command> commands(List<String> blocks) {
        List<Command> commands = new ArrayList<>();
        for (String block : blocks) {
            StringBuilder current = new StringBuilder();
            List<String> comments = new ArrayList<>();
            for (String line : block.split("\n", -1)) {
                if (current.length() == 0 && (line.isBlank() || line.startsWith("#"))) {
                    if (line.startsWith("#") && !commands.isEmpty()) comments.add(line);
                    continue;
                }
                if (current.length() == 0 && !comments.isEmpty()) {
                    Command last = commands.remove(commands.size() - 1);
                    commands.add(new Command(last.text(), List.copyOf(comments)));
                    comments.clear();
                }
                current.append(line).append('\n');
                if (!line.endsWith("\\") && quotesClosed(current)) {
                    commands.add(new Command(current.toString().strip(), List.of()));
                    current.setLength(0);
                }
            }
            if (!comments.isEmpty()) {
                Command last = commands.remove(commands.size() - 1);
                commands.add(new Command(last.text(), List.copyOf(comments)));
            }
        }
        return commands;
    }

    /** Whether single and double quotes are balanced, the way bash reads them (no escapes in '). */
    static boolean quotesClosed(CharSequence text) {
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open == 0) {
                if (c == '\\') i++;
                else if (c == '\'' || c == '"') open = c;
            } else if (c == open) {
                open = 0;
            } else if (open == '"' && c == '\\') {
                i++;
            }
        }
        return open == 0;
    }

    /** A 1×1 JPEG, for the README's photo.jpg. */
    static byte[] tinyJpeg() throws IOException {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }
}
