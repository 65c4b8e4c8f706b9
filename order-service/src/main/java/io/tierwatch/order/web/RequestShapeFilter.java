package io.tierwatch.order.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, as problem+json, two shapes of request that would otherwise be misread or fail deep
 * inside Spring MVC:
 * <ul>
 * <li>a path with a {@code ;}: the servlet container cuts {@code /customers/a;b} to the id {@code a}
 *     (path parameters), so the request would act on another customer than it names (400);</li>
 * <li>a {@code Content-Type} with a wildcard ({@code application/*}): a body's type must be
 *     concrete, and Spring's converters throw on a wildcard instead of answering (415).</li>
 * </ul>
 * It runs before Spring Security, whose firewall would refuse the {@code ;} too, but without this
 * answer's reason and without counting it in {@code tierwatch_requests_rejected_total}; neither
 * answer says anything about the caller's token or the data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestShapeFilter extends OncePerRequestFilter {

    private final RequestMetrics metrics;

    RequestShapeFilter(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = RequestMetrics.typeOf(request.getRequestURI());
        if (request.getRequestURI().indexOf(';') >= 0) {
            metrics.rejected(type, "invalid");
            ProblemResponses.write(response, 400, "invalid", "Invalid request",
                    "the path must not contain ';' (ids are letters, digits and . _ : @ -)");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && isWildcard(contentType)) {
            metrics.rejected(type, "http-415");
            ProblemResponses.write(response, 415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type " + contentType + " is a wildcard; send application/json (or multipart/form-data for imports)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        int params = contentType.indexOf(';');
        String mediaType = (params < 0 ? contentType : contentType.substring(0, params)).trim();
        return mediaType.indexOf('*') >= 0;
    }
}
