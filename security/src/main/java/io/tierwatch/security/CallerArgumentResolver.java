package io.tierwatch.security;

import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method a {@link Caller} parameter: the bearer token's caller, or a browser session's. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final SecurityProperties properties;

    CallerArgumentResolver(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return of(SecurityContextHolder.getContext().getAuthentication(), properties);
    }

    static Caller of(Authentication authentication, SecurityProperties properties) {
        Map<String, Object> claims;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            claims = jwt.getToken().getClaims();
        } else if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal p) {
            claims = p.getAttributes();
        } else {
            throw new IllegalStateException("no token behind this request: " + authentication);
        }
        return Caller.of(claims, properties);
    }
}
