package newsroom.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the server answers for a request it cannot read (a bad request line, headers or a target
 * too long): API Gateway's JSON, without the server's page or the reason it failed.
 */
final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object code = request.getAttribute(ERROR_STATUS);
        int status = code instanceof Integer i ? i : 500;
        // a request line with no or an unknown version is a request line API Gateway cannot read
        if (status == 505) status = 400;
        // the server closes a connection it could not read: say so, or a client may reuse it
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        ApiGateway.answer(request, response, callback, ApiGateway.Answer.message(status, reason(status)));
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(("{\"message\":\"" + reason(status) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Request Entity Too Large";
            case 414 -> "Request-URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 500 ? "Bad Request" : "Internal Server Error";
        };
    }
}
