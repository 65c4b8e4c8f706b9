package io.tierwatch.portal.web;

import java.time.LocalDate;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.tierwatch.portal.api.ServiceApis;

/** The viewer's alert inbox, newest first, from notification-service, with a snooze per customer. */
@Controller
class AlertsController {

    private final ServiceApis apis;

    AlertsController(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/alerts")
    String alerts(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client, Model model) {
        model.addAttribute("alerts", apis.alerts(CustomersController.token(client), 100));
        model.addAttribute("snoozeUntil", LocalDate.now().plusDays(7));
        return "alerts";
    }
}
