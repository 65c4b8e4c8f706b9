package io.tierwatch.scoring.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.tierwatch.contracts.Tier;

@RestController
@RequestMapping("/api/v1")
class CustomerController {

    static final int MAX_PAGE_SIZE = 500;

    private final CustomerReader reader;

    CustomerController(CustomerReader reader) {
        this.reader = reader;
    }

    @GetMapping("/customers/{id}")
    CustomerViews.Customer customer(@PathVariable String id) {
        return reader.customer(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "customer " + id + " has no scoring state"));
    }

    @GetMapping("/customers")
    CustomerViews.Page customers(@RequestParam(required = false) Tier tier,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        ListCursor at;
        try {
            at = cursor == null || cursor.isBlank() ? null : ListCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return reader.list(tier, owner == null || owner.isBlank() ? null : owner, at, size);
    }

    @GetMapping("/portfolio")
    PortfolioCalculator.Portfolio portfolio(@RequestParam(defaultValue = "lifetime") String period,
            @RequestParam(defaultValue = "500") int mapPoints) {
        if (!period.equals("lifetime") && !period.equals("window")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period must be lifetime or window");
        }
        if (mapPoints < 0 || mapPoints > 100_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "mapPoints must be between 0 and 100000");
        }
        return PortfolioCalculator.of(reader.portfolioRows(), period.equals("window"), mapPoints);
    }
}
