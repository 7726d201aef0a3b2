package newsroom.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** DynamoDB Local and S3Proxy, in this JVM, on loopback: in memory or kept in a folder. */
public final class Emulators implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";
    public static final String REGION = "us-east-1";
    static final String LOOPBACK = "127.0.0.1";

    private final Server dynamo;
    private final LocalDynamoDBServerHandler dynamoHandler;
    private final S3Proxy.Builder s3Builder;
    private final NotifyingBlobStore blobs;
    private volatile S3Proxy s3;
    private final int dynamoPort;
    private final int s3Port;

    private Emulators(
            Server dynamo,
            LocalDynamoDBServerHandler dynamoHandler,
            S3Proxy.Builder s3Builder,
            NotifyingBlobStore blobs,
            S3Proxy s3,
            int dynamoPort,
            int s3Port) {
        this.dynamo = dynamo;
        this.dynamoHandler = dynamoHandler;
        this.s3Builder = s3Builder;
        this.blobs = blobs;
        this.s3 = s3;
        this.dynamoPort = dynamoPort;
        this.s3Port = s3Port;
    }

    /** Starts both; with a data folder, DynamoDB and S3 data survive a restart. */
    public static Emulators start(int dynamoPort, int s3Port, Optional<Path> dataDir) {
        return start(dynamoPort, s3Port, dataDir, false);
    }

    /**
     * Starts both; with {@code browserUploads}, a page served from loopback (the editor on the CDN
     * emulator) may PUT to presigned URLs from the browser, as the uploads bucket's CORS rule lets
     * the distribution's origin do.
     */
    public static Emulators start(int dynamoPort, int s3Port, Optional<Path> dataDir, boolean browserUploads) {
        try {
            Optional<Path> db = dataDir.isPresent()
                    ? Optional.of(Files.createDirectories(dataDir.get().resolve("dynamodb")))
                    : Optional.empty();
            // DynamoDB Local's own server binds every interface and accepts any credentials: its
            // request handler is served from a server bound to loopback instead. No CORS origins,
            // so a web page in the developer's browser cannot read the table either. One database
            // for every access key and region (-sharedDb), and no telemetry (the handler alone
            // sends none).
            var requestHandler = new LocalDynamoDBRequestHandler(
                    0, db.isEmpty(), db.map(Path::toString).orElse(null), true, false);
            var dynamoHandler = new LocalDynamoDBServerHandler(requestHandler, "");
            Server dynamo = new Server();
            ServerConnector connector = new ServerConnector(dynamo);
            connector.setHost(LOOPBACK);
            connector.setPort(dynamoPort);
            dynamo.addConnector(connector);
            dynamo.setHandler(new ContextHandler(dynamoHandler, "/"));
            try {
                dynamo.start();
            } catch (Exception e) {
                dynamoHandler.close();
                dynamo.stop();
                throw e;
            }
            var builder = S3Proxy.builder()
                    .endpoint(URI.create("http://" + LOOPBACK + ":" + s3Port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
            if (browserUploads) {
                // any loopback port: the CDN emulator may pick its port after S3 has started. Only
                // PUT, which still needs a presigned signature; no page may read an answer.
                builder.corsRules(new CrossOriginResourceSharing(
                        List.of("http://localhost:[0-9]{1,5}", "http://127\\.0\\.0\\.1:[0-9]{1,5}"),
                        List.of("PUT"),
                        List.of("content-type", "cache-control"),
                        List.of("etag"),
                        ""));
            }
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
            S3Proxy s3;
            try {
                s3 = startS3(builder);
            } catch (Exception e) {
                dynamo.stop();
                dynamoHandler.close();
                throw e;
            }
            return new Emulators(dynamo, dynamoHandler, builder, blobs, s3, dynamoPort, s3Port);
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
            try {
                dynamo.stop();
            } finally {
                dynamoHandler.close();
            }
        }
    }
}
