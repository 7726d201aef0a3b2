package newsroom.bench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The floor of a cold start: a fresh JVM that loads a handler doing nothing and calls it once. */
public final class EmptyHandler implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return "ok";
    }

    public static void main(String[] args) {
        System.out.println(new EmptyHandler().handleRequest(Map.of(), null));
        System.exit(0);
    }
}
