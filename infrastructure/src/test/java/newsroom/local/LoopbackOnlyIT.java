package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every socket the local stack listens on is bound to 127.0.0.1: what this JVM listens on is read
 * from the kernel's socket tables, so a server added later cannot slip past the test.
 */
class LoopbackOnlyIT {

    @Test
    void everyListeningSocketOfTheStackIsBoundToLoopback() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc socket tables");
        LocalCloud cloud = TestStack.get();
        Map<Integer, String> listening = listeningSocketsOfThisProcess();

        Set<Integer> stackPorts = new HashSet<>(List.of(
                URI.create(cloud.endpoints().dynamo()).getPort(),
                URI.create(cloud.endpoints().s3()).getPort(),
                URI.create(cloud.apiUrl()).getPort(),
                URI.create(cloud.cdnUrl()).getPort(),
                URI.create(cloud.auth().issuer()).getPort()));
        assertTrue(listening.keySet().containsAll(stackPorts), "stack ports " + stackPorts + ", found " + listening);
        listening.forEach((port, address) -> assertEquals("127.0.0.1", address, "port " + port + " listens on"));
    }

    /** Port to bound address of every TCP socket in state LISTEN whose descriptor this JVM holds. */
    static Map<Integer, String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed between listing and reading is not a listening server
                }
            }
        }
        Map<Integer, String> listening = new TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) continue;
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port in hex, f[3] state (0A = LISTEN), f[9] inode
                if (!f[3].equals("0A") || !inodes.contains(f[9])) continue;
                String[] local = f[1].split(":");
                listening.put(Integer.parseInt(local[1], 16), address(local[0]));
            }
        }
        return listening;
    }

    /** /proc/net/tcp writes addresses as 32-bit words in the machine's (little-endian) order. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.equals("00000000000000000000000000000000")) return "::";
        if (hex.startsWith("0000000000000000FFFF0000")) return address(hex.substring(24));
        if (hex.equals("00000000000000000000000001000000")) return "::1";
        return hex;
    }
}
