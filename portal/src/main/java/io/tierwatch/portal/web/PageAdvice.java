package io.tierwatch.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.tierwatch.portal.api.ServiceApis;
import io.tierwatch.portal.security.Viewer;

/** Who is looking, on every page; and the pages for what a service did not give. */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Viewer.of(user);
    }

    /** Unknown, or outside the viewer's books: the services answer alike, so does the page. */
    @ExceptionHandler(ServiceApis.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return "not-found";
    }

    /** A service that no longer takes the session's token (it expired beyond refresh) means a new login. */
    @ExceptionHandler(ServiceApis.ServiceUnavailable.class)
    String unavailable(ServiceApis.ServiceUnavailable e, Model model, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            request.getSession().invalidate();
            return "redirect:/";
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("status", e.status().value());
        return "unavailable";
    }

    @ExceptionHandler(org.springframework.web.client.ResourceAccessException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unreachable(Model model) {
        model.addAttribute("status", 0);
        return "unavailable";
    }
}
