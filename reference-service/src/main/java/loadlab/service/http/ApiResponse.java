package loadlab.service.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response ready to be written: status, content type, extra headers, body bytes. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** The same response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, more, body);
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Map.of(), Json.write(value));
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, "application/json", Map.of(), new byte[0]);
    }

    /** The one shape of every error: {"error": sentence, "status": code}; 503 tells when to retry. */
    public static ApiResponse error(int status, String message) {
        Map<String, String> headers = status == 503 ? Map.of("Retry-After", "1") : Map.of();
        return new ApiResponse(status, "application/json", headers, Json.write(Map.of("error", message, "status", status)));
    }
}
