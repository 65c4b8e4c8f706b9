package io.tierwatch.portal.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tierwatch.portal.PortalProperties;
import io.tierwatch.portal.api.ServiceApis;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rep's customers (a manager's: their team's), a page at a time, and one customer. The list
 * comes from scoring-service a page at a time by its cursor, filtered by tier there; the trait
 * filter and the sort apply to the page shown.
 */
@Controller
class CustomersController {

    private static final int CSV_MAX_PAGES = 2_000;

    private final ServiceApis apis;
    private final int pageSize;

    CustomersController(ServiceApis apis, PortalProperties properties) {
        this.apis = apis;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/customers")
    String customers(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String tier, @RequestParam(required = false) String trait,
            @RequestParam(defaultValue = "windowProfit") String sort, @RequestParam(required = false) String cursor,
            Model model) {
        Map<String, Object> page = apis.customers(token(client), tier, cursor, pageSize);
        List<Map<String, Object>> items = new ArrayList<>(CustomerRows.items(page));
        if (trait != null && !trait.isBlank()) {
            items.removeIf(c -> !CustomerRows.traits(c).contains(trait));
        }
        items.sort(CustomerRows.order(sort));
        model.addAttribute("items", items);
        model.addAttribute("trends", items.stream().collect(java.util.stream.Collectors.toMap(
                c -> String.valueOf(c.get("customerId")), CustomerRows::sparkline, (a, b) -> a)));
        model.addAttribute("total", page.get("total"));
        model.addAttribute("next", page.get("next"));
        model.addAttribute("tier", tier);
        model.addAttribute("trait", trait);
        model.addAttribute("sort", sort);
        model.addAttribute("cursor", cursor);
        return "customers";
    }

    /** Every customer of the list (the same filter), as CSV: the pages read one after another. */
    @GetMapping(path = "/customers.csv")
    void csv(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String tier, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"customers"
                + (tier == null || tier.isBlank() ? "" : "-" + tier) + ".csv\"");
        PrintWriter out = response.getWriter();
        out.println("customerId,name,ownerRepId,tier,windowProfit,lifetimeRevenue,lifetimeProfit,traits");
        String cursor = null;
        for (int pages = 0; pages < CSV_MAX_PAGES; pages++) {
            Map<String, Object> page = apis.customers(token(client), tier, cursor, 500);
            for (Map<String, Object> c : CustomerRows.items(page)) {
                out.println(String.join(",", CustomerRows.csv(c.get("customerId")), CustomerRows.csv(c.get("name")),
                        CustomerRows.csv(c.get("ownerRepId")), CustomerRows.csv(c.get("tier")),
                        CustomerRows.csv(c.get("windowProfit")), CustomerRows.csv(c.get("lifetimeRevenue")),
                        CustomerRows.csv(c.get("lifetimeProfit")), CustomerRows.csv(String.join(" ", CustomerRows.traits(c)))));
            }
            cursor = (String) page.get("next");
            if (cursor == null) {
                break;
            }
        }
        out.flush();
    }

    @GetMapping("/customers/{customerId}")
    String customer(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @PathVariable String customerId, Model model) {
        Map<String, Object> customer = apis.customer(token(client), customerId);
        model.addAttribute("c", customer);
        model.addAttribute("traitNotes", TraitNotes.of(customer));
        model.addAttribute("alerts", apis.alerts(token(client), 200).stream()
                .filter(a -> customerId.equals(a.get("customerId"))).toList());
        model.addAttribute("snoozeUntil", LocalDate.now().plusDays(7));
        return "customer";
    }

    @PostMapping("/customers/{customerId}/snooze")
    String snooze(@RegisteredOAuth2AuthorizedClient("tierwatch") OAuth2AuthorizedClient client,
            @PathVariable String customerId, @RequestParam LocalDate until, @RequestParam(defaultValue = "")
            String back, RedirectAttributes flash) {
        apis.snooze(token(client), customerId, until);
        flash.addFlashAttribute("message", "No alerts for " + customerId + " through " + until + ".");
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/customers/" + customerId);
    }

    static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }

    /** Reading the list's items. */
    static final class CustomerRows {

        private CustomerRows() {
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> items(Map<String, Object> page) {
            Object items = page.get("items");
            return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }

        /**
         * The points of an SVG polyline (100 × 20) of the customer's monthly profit, oldest left, the
         * zero line at the middle when the months have both signs; empty without months. Months
         * of unknown profit are left out of the line.
         */
        static String sparkline(Map<String, Object> customer) {
            if (!(customer.get("monthlyProfit") instanceof List<?> months) || months.isEmpty()) {
                return "";
            }
            java.math.BigDecimal max = java.math.BigDecimal.ZERO;
            java.math.BigDecimal min = java.math.BigDecimal.ZERO;
            for (Object m : months) {
                if (m != null) {
                    java.math.BigDecimal v = new java.math.BigDecimal(m.toString());
                    max = max.max(v);
                    min = min.min(v);
                }
            }
            java.math.BigDecimal span = max.subtract(min);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < months.size(); i++) {
                if (months.get(i) == null) {
                    continue;
                }
                java.math.BigDecimal v = new java.math.BigDecimal(months.get(i).toString());
                // a picture's coordinates, not money: the amount's place between the months' extremes
                double y = span.signum() == 0 ? 10 : 19 - 18 * v.subtract(min).doubleValue() / span.doubleValue();
                double x = months.size() == 1 ? 50 : 100.0 * i / (months.size() - 1);
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            return points.toString().trim();
        }

        static List<String> traits(Map<String, Object> customer) {
            return customer.get("traits") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }

        static Comparator<Map<String, Object>> order(String sort) {
            return switch (sort) {
                case "customerId" -> Comparator.comparing(c -> String.valueOf(c.get("customerId")));
                case "tier" -> Comparator.comparing(c -> String.valueOf(c.get("tier")));
                case "lifetimeRevenue", "lifetimeProfit" -> Comparator.comparing(
                        (Map<String, Object> c) -> new java.math.BigDecimal(String.valueOf(c.get(sort)))).reversed();
                default -> Comparator.comparing(
                        (Map<String, Object> c) -> new java.math.BigDecimal(String.valueOf(c.get("windowProfit"))));
            };
        }

        static String csv(Object value) {
            String text = value == null ? "" : String.valueOf(value);
            return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }
}
