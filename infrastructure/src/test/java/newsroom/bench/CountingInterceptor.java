package newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Bench-only: counts every AWS SDK call of the JVM by service and operation, and the capacity units
 * DynamoDB reports for it, and keeps the totals in the file named by the system property {@code
 * newsroom.bench.counts}. Loaded as a global SDK interceptor from a classpath entry that only the
 * benchmark adds. Each call is counted twice: in the JVM's total and under the kind of thread that
 * made it ({@code @api-gateway} for a request the API handler serves, {@code @publisher-schedule}
 * for the scheduled publisher's minute), so one request's reads can be told from the background's.
 */
public final class CountingInterceptor implements ExecutionInterceptor {
    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, DoubleAdder> UNITS = new ConcurrentHashMap<>();
    private static final AtomicLong CHANGES = new AtomicLong();

    static {
        String file = System.getProperty("newsroom.bench.counts");
        if (file != null) {
            Thread dump = new Thread(() -> dumpEvery(Path.of(file)), "bench-counts");
            dump.setDaemon(true);
            dump.start();
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        SdkRequest r = context.request();
        // ask DynamoDB what each call costs; the answer changes nothing else
        if (r instanceof QueryRequest q) {
            return q.toBuilder()
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
        }
        if (r instanceof GetItemRequest g) {
            return g.toBuilder()
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
        }
        if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder()
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
        }
        if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder()
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
        }
        if (r instanceof PutItemRequest p) {
            return p.toBuilder()
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        String name = count(executionAttributes);
        double units = units(context.response());
        if (units > 0) {
            UNITS.computeIfAbsent(name, k -> new DoubleAdder()).add(units);
            UNITS.computeIfAbsent(byThread(name), k -> new DoubleAdder()).add(units);
        }
    }

    /** Calls that fail (a HEAD of a page not yet written answers 404) are requests too. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        count(executionAttributes);
    }

    private static String count(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
                + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        CALLS.computeIfAbsent(byThread(name), k -> new AtomicLong()).incrementAndGet();
        CHANGES.incrementAndGet();
        return name;
    }

    /** The call's name under its thread's kind: the thread's name without its numbers. */
    static String byThread(String name) {
        return name + " @" + Thread.currentThread().getName().replaceAll("[-0-9]+$", "");
    }

    private static double units(SdkResponse response) {
        return response.getValueForField("ConsumedCapacity", Object.class)
                .map(c -> {
                    if (c instanceof ConsumedCapacity one) return value(one);
                    if (c instanceof java.util.List<?> many) {
                        double sum = 0;
                        for (Object o : many) if (o instanceof ConsumedCapacity cc) sum += value(cc);
                        return sum;
                    }
                    return 0.0;
                })
                .orElse(0.0);
    }

    private static double value(ConsumedCapacity c) {
        return c.capacityUnits() == null ? 0 : c.capacityUnits();
    }

    private static void dumpEvery(Path file) {
        long written = -1;
        while (true) {
            try {
                long now = CHANGES.get();
                if (now != written) {
                    Map<String, Object> all = new TreeMap<>();
                    CALLS.forEach((k, v) -> all.put("calls " + k, v.get()));
                    UNITS.forEach((k, v) -> all.put("units " + k, v.sum()));
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(tmp, Args.JSON.writeValueAsString(all), StandardCharsets.UTF_8);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    written = now;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                System.err.println("bench counts: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
