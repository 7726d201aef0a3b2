package newsroom.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** DynamoDB Local and S3Proxy, in this JVM, on loopback: in memory or kept in a folder. */
public final class Emulators implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";
    public static final String REGION = "us-east-1";

    private final DynamoDBProxyServer dynamo;
    private final S3Proxy.Builder s3Builder;
    private final NotifyingBlobStore blobs;
    private volatile S3Proxy s3;
    private final int dynamoPort;
    private final int s3Port;

    private Emulators(
            DynamoDBProxyServer dynamo,
            S3Proxy.Builder s3Builder,
            NotifyingBlobStore blobs,
            S3Proxy s3,
            int dynamoPort,
            int s3Port) {
        this.dynamo = dynamo;
        this.s3Builder = s3Builder;
        this.blobs = blobs;
        this.s3 = s3;
        this.dynamoPort = dynamoPort;
        this.s3Port = s3Port;
    }

    /** Starts both; with a data folder, DynamoDB and S3 data survive a restart. */
    public static Emulators start(int dynamoPort, int s3Port, Optional<Path> dataDir) {
        try {
            List<String> args =
                    new ArrayList<>(List.of("-disableTelemetry", "-sharedDb", "-port", Integer.toString(dynamoPort)));
            if (dataDir.isPresent()) {
                Path db = Files.createDirectories(dataDir.get().resolve("dynamodb"));
                args.addAll(List.of("-dbPath", db.toString()));
            } else {
                args.add("-inMemory");
            }
            DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            dynamo.start();
            var builder = S3Proxy.builder()
                    .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
            NotifyingBlobStore blobs;
            if (dataDir.isPresent()) {
                // absolute: given a relative folder the store writes objects but lists none
                Path folder =
                        Files.createDirectories(dataDir.get().resolve("s3")).toAbsolutePath();
                // a stack killed during a PUT left the upload's temporary file: not an object
                List<Path> leftovers = UnfinishedUploads.remove(folder);
                if (!leftovers.isEmpty()) {
                    System.err.println("removed " + leftovers.size() + " unfinished S3 upload(s) left by a crash");
                }
                blobs = new NotifyingBlobStore(new FilesystemNio2BlobStore(folder.toString()));
            } else {
                blobs = new NotifyingBlobStore(new TransientNio2BlobStore());
            }
            builder.blobStore(blobs);
            return new Emulators(dynamo, builder, blobs, startS3(builder), dynamoPort, s3Port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("emulators did not start: " + e.getMessage(), e);
        }
    }

    public String dynamoEndpoint() {
        return "http://127.0.0.1:" + dynamoPort;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    /** Tells the listener of every object S3 has written, as bucket notifications do. */
    void onObjectCreated(java.util.function.Consumer<NotifyingBlobStore.Created> listener) {
        blobs.listener(listener);
    }

    /** Stops S3 only, to test what the render path does while storage is down. */
    public void stopS3() throws Exception {
        s3.stop();
    }

    /**
     * Starts S3 again after {@link #stopS3()}, on the same port and over the same blob store, so the
     * objects written before the outage are still there (in memory too).
     */
    public void restartS3() throws Exception {
        s3 = startS3(s3Builder);
    }

    private static S3Proxy startS3(S3Proxy.Builder builder) throws Exception {
        S3Proxy proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start");
            Thread.sleep(10);
        }
        return proxy;
    }

    @Override
    public void close() throws Exception {
        try {
            s3.stop();
        } finally {
            dynamo.stop();
        }
    }
}
