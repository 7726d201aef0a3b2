package newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import newsroom.lambda.Wiring;
import newsroom.site.Config;
import newsroom.store.S3SiteBucket;
import newsroom.store.S3Uploads;

/**
 * The functions template.yaml names, as the stack runs them: one {@link Wiring} over the stack's
 * storage and edges, the handler of each function id built by it, and each handler seen as the
 * function its event source calls.
 */
final class LocalFunctions {
    private final Wiring wiring;
    private final Map<String, Object> handlers = new LinkedHashMap<>();
    /** What the stream's poller does after each invocation: look at once for what it wrote. */
    private volatile Runnable afterEach = () -> {};

    private LocalFunctions(Wiring wiring, CloudTemplate template) {
        this.wiring = wiring;
        template.handlers().forEach((id, handler) -> handlers.put(id, instantiate(handler)));
    }

    /**
     * Wires the functions over {@code storage}; the edges (CDN, queues, redirects) are asked for
     * on first use, as the cloud's wiring builds them.
     */
    static LocalFunctions wire(
            CloudTemplate template, Config config, LocalStorage storage, Supplier<Wiring.Edges> edges, Clock clock) {
        Wiring wiring = Wiring.wire(
                config,
                storage.dynamo(),
                () -> new S3SiteBucket(storage.s3(), LocalCloud.BUCKET),
                storage::mediaUploads,
                () -> new S3Uploads(storage.s3()),
                edges,
                clock);
        return new LocalFunctions(wiring, template);
    }

    Wiring wiring() {
        return wiring;
    }

    /** The function {@code id} as its event source calls it: an event in, the handler's answer out. */
    @SuppressWarnings("unchecked")
    <I, O> Function<I, O> invoker(String id, Class<I> in, Class<O> out) {
        RequestHandler<I, O> typed = (RequestHandler<I, O>) handlers.get(id);
        return event -> {
            try {
                return typed.handleRequest(event, LocalContext.of(id));
            } finally {
                afterEach.run();
            }
        };
    }

    /** The function {@code id} when it reads its event as bytes (the publisher). */
    RequestStreamHandler streamHandler(String id) {
        RequestStreamHandler handler = (RequestStreamHandler) handlers.get(id);
        return (input, output, context) -> {
            try {
                handler.handleRequest(input, output, context);
            } finally {
                afterEach.run();
            }
        };
    }

    /** Runs {@code action} after every invocation of a function, as the invocation ends. */
    void afterEachInvocation(Runnable action) {
        afterEach = action;
    }

    private Object instantiate(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        return wiring.handler(className);
    }
}
