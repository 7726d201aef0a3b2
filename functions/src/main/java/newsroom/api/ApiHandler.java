package newsroom.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import newsroom.Log;
import newsroom.Services;

/**
 * The staff API behind API Gateway: receives the HTTP event, lets {@link Articles} answer it, and
 * turns every refusal into problem+json. No request can make it answer 500 by its content.
 */
public final class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Articles articles;

  public ApiHandler() {
    this(Services.fromEnvironment());
  }

  public ApiHandler(Services services) {
    this.articles = new Articles(services);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    long started = System.nanoTime();
    String requestId =
        event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
            ? event.getRequestContext().getRequestId()
            : (context != null ? context.getAwsRequestId() : "-");
    APIGatewayV2HTTPResponse response;
    String failure = null;
    try {
      response = articles.answer(Request.of(event));
    } catch (ApiException e) {
      response = Responses.problem(e.status, e.title, e.getMessage(), e.errors);
    } catch (RuntimeException e) {
      // an infrastructure failure: logged by class only, answered without its message
      failure = e.getClass().getName();
      response =
          Responses.problem(
              500,
              "Internal error",
              "The request could not be completed; it is safe to retry.",
              java.util.List.of());
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestId", requestId);
    fields.put("route", event.getRouteKey());
    fields.put("status", response.getStatusCode());
    fields.put("ms", (System.nanoTime() - started) / 1_000_000);
    if (failure != null) fields.put("failure", failure);
    Log.line("api", fields);
    return response;
  }
}
