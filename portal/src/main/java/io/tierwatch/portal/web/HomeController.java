package io.tierwatch.portal.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.tierwatch.portal.security.Viewer;

/** A manager starts at the portfolio, a rep at their customers. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user) {
        return Viewer.of(user).manager() ? "redirect:/portfolio" : "redirect:/customers";
    }
}
