package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The hostile-URI table through the running CDN emulator, sent on a raw socket so that the request
 * line carries the path exactly (java.net.http would normalise some of them): no answer redirects
 * to another host, and each is refused as the URL function's own code refuses it.
 */
class CdnHostileUrisIT {

    /** Status line and Location of one raw GET. */
    record Answer(int status, String location) {}

    static Answer rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + target + " HTTP/1.1\r\nHost: " + HostileUris.SITE_HOST + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            if (statusLine == null) throw new IOException("no answer to " + target);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String location = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("location:")) {
                    location = line.substring("location:".length()).strip();
                }
            }
            return new Answer(status, location);
        }
    }

    @Test
    void noHostileUriIsRedirectedToAnotherHost() throws IOException {
        int port = TestStack.get().cdn().port();
        List<String> wrong = new ArrayList<>();
        for (HostileUris.Case c : HostileUris.table()) {
            Answer answer = rawGet(port, c.uri());
            String shown = c.uri().length() > 60 ? c.uri().substring(0, 60) + "…" : c.uri();
            if (answer.location() != null
                    && !HostileUris.hostOf(answer.location()).equals(HostileUris.SITE_HOST)) {
                wrong.add(shown + " -> " + answer.location());
            }
            // the JDK's server refuses a few request lines itself (no context for an empty path: 404;
            // an unparsable target: 400) before the function runs: a refusal all the same
            boolean refused = c.status() == 400 && answer.status() >= 400 && answer.status() < 500;
            if (answer.status() != c.status() && !refused) {
                wrong.add(shown + ": " + answer.status() + ", expected " + c.status());
            }
            if (c.status() == 400 && answer.location() != null) wrong.add(shown + " redirects to " + answer.location());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTrailingSlashRedirectKeepsTheQueryAndStaysOnTheSite() throws IOException {
        Answer answer = rawGet(TestStack.get().cdn().port(), "/en/news/a-story?next=//evil.example/&x=1");
        assertEquals(301, answer.status());
        assertEquals("/en/news/a-story/?next=//evil.example/&x=1", answer.location());
        assertEquals(HostileUris.SITE_HOST, HostileUris.hostOf(answer.location()));
    }
}
