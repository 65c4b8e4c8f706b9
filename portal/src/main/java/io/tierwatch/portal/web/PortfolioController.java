package io.tierwatch.portal.web;

import java.util.Map;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tierwatch.portal.api.ServiceApis;

/**
 * The manager's view of their team's customers: the profitability map, the whale curve, the tier
 * mix and ARPU by month, as scoring-service's portfolio gives them for the viewer's books. The
 * charts draw the figures on the page; the page holds them only while it is open.
 */
@Controller
class PortfolioController {

    static final int MAP_POINTS = 5_000;

    private final ServiceApis apis;

    PortfolioController(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/portfolio")
    String portfolio(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @RequestParam(defaultValue = "lifetime") String period, Model model) {
        Map<String, Object> portfolio = apis.portfolio(CustomersController.token(client),
                "window".equals(period) ? "window" : "lifetime", MAP_POINTS);
        model.addAttribute("p", portfolio);
        model.addAttribute("period", period);
        return "portfolio";
    }
}
