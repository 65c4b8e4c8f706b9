package io.tierwatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header of RFC 6750
 * (which says what was wrong with the token, or that a scope is missing).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(response, 401, "unauthorized", "Unauthorized", tokenGiven
                ? "the bearer token was refused: it is expired, tampered with, or from another issuer or for another audience"
                : "this needs a bearer token (docs/security.md says how to get one)", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        accessDenied.handle(request, response, e);
        write(response, 403, "forbidden", "Forbidden", "the token does not grant this: a scope or role it lacks", request);
    }

    /**
     * A token that could not be checked at all (the issuer's keys unreachable: an
     * {@link AuthenticationServiceException}) is the service's outage, a 503 the caller may retry,
     * not a 401 that would tell it to get another token; any other failure is the 401.
     */
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            write(response, 503, "issuer-unavailable", "Service Unavailable",
                    "the token could not be checked: the issuer's keys are not reachable; retry shortly", request);
        } else {
            commence(request, response, e);
        }
    }

    /** The firewall's refusal (a {@code ;} or an encoded slash in the path, ...): a 400 problem saying which. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, 400, "invalid", "Bad Request", "the request was refused: " + escape(e.getMessage()), request);
    }

    private static void write(HttpServletResponse response, int status, String reason, String title, String detail,
            HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        // the same vocabulary as the services' own problems (service-support ProblemTypes)
        String body = "{\"type\":\"urn:tierwatch:problem:" + reason + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + escape(request.getRequestURI()) + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
