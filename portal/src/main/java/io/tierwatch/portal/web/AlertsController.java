package io.tierwatch.portal.web;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tierwatch.portal.api.ServiceApis;
import io.tierwatch.portal.security.Viewer;

/**
 * The viewer's alert inbox, newest first, from notification-service: a snooze per customer, an
 * acknowledgement per alert, and the rep's own choice of alerts at once or in a daily digest.
 */
@Controller
class AlertsController {

    private final ServiceApis apis;

    AlertsController(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/alerts")
    String alerts(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @AuthenticationPrincipal OidcUser user, Model model) {
        Viewer viewer = Viewer.of(user);
        String token = CustomersController.token(client);
        model.addAttribute("alerts", apis.alerts(token, 100));
        model.addAttribute("snoozeUntil", LocalDate.now().plusDays(7));
        model.addAttribute("delivery", delivery(token, viewer));
        return "alerts";
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    String acknowledge(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @PathVariable String alertId, RedirectAttributes flash) {
        apis.acknowledge(CustomersController.token(client), alertId);
        flash.addFlashAttribute("message", "Acknowledged.");
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/delivery")
    String delivery(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @AuthenticationPrincipal OidcUser user, @RequestParam String mode, RedirectAttributes flash) {
        Viewer viewer = Viewer.of(user);
        if (viewer.repId() == null || !("IMMEDIATE".equals(mode) || "DIGEST".equals(mode))) {
            flash.addFlashAttribute("message", "Only a rep chooses how their alerts come: at once or as a digest.");
            return "redirect:/alerts";
        }
        apis.delivery(CustomersController.token(client), viewer.repId(), mode);
        flash.addFlashAttribute("message", "DIGEST".equals(mode)
                ? "Your alerts now come once a day, as a digest." : "Your alerts now come as they happen.");
        return "redirect:/alerts";
    }

    /** The rep's delivery mode, or null for a login that has no rep entry (a manager, say). */
    private String delivery(String token, Viewer viewer) {
        if (viewer.repId() == null) {
            return null;
        }
        try {
            Map<String, Object> rep = apis.rep(token, viewer.repId());
            return String.valueOf(rep.get("delivery"));
        } catch (ServiceApis.NotFound e) {
            return null;
        }
    }
}
