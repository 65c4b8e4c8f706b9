package io.tierwatch.support;

import java.net.URI;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * One vocabulary of problem types on every service: a problem detail that names no type of its
 * own ({@code about:blank}) gets {@code urn:tierwatch:problem:<reason>} for its status, the names
 * order-service's own problems use ({@code invalid}, {@code not-found}, {@code conflict}, ...).
 */
@RestControllerAdvice
public class ProblemTypes implements ResponseBodyAdvice<Object> {

    public static final String PREFIX = "urn:tierwatch:problem:";

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "invalid"),
            Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(409, "conflict"),
            Map.entry(413, "too-large"), Map.entry(415, "unsupported-media-type"), Map.entry(422, "unprocessable"),
            Map.entry(429, "too-many-requests"), Map.entry(500, "internal"), Map.entry(503, "unavailable"));

    /** The type of a status's problem: {@code urn:tierwatch:problem:not-found} for 404. */
    public static URI typeOf(int status) {
        return URI.create(PREFIX + REASONS.getOrDefault(status, "http-" + status));
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(typeOf(problem.getStatus()));
        }
        return body;
    }
}
