package io.tierwatch.scoring.web;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.contracts.Tier;
import io.tierwatch.security.Books;
import io.tierwatch.security.Caller;

/**
 * Customers, lists and the portfolio, each over the books the caller sees: a rep their own
 * customers, a manager their team's, admins, ops and {@code scores:read} systems everyone's. A
 * customer outside them is a 404, the same answer as an id that does not exist.
 */
// the query API exists only in the web application (not in the rebuild command's run)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
@RequestMapping("/api/v1")
class CustomerController {

    static final int MAX_PAGE_SIZE = 500;
    /** The scope a system needs to read every book. */
    static final String READ_SCOPE = "scores:read";

    private final CustomerReader reader;
    private final PortfolioSnapshots snapshots;

    CustomerController(CustomerReader reader, PortfolioSnapshots snapshots) {
        this.reader = reader;
        this.snapshots = snapshots;
    }

    @Operation(summary = "One customer: figures, tier, traits, contributors, recent moves between tiers with reasons")
    @ApiResponse(responseCode = "200", description = "the customer's scoring state")
    @ApiResponse(responseCode = "404", description = "no scoring state for this id, or a customer outside the caller's books (the same answer)", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/customers/{id}")
    CustomerViews.Customer customer(@PathVariable String id, Caller caller) {
        return reader.customer(id).filter(c -> caller.books(READ_SCOPE).includes(c.ownerRepId())).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "customer " + id + " has no scoring state"));
    }

    @Operation(summary = "A page of the caller's customers, by tier and/or owner; the next page by the cursor given")
    @ApiResponse(responseCode = "200", description = "a page, with the total and the next cursor (null after the last)")
    @ApiResponse(responseCode = "400", description = "a size outside 1..500, an unknown tier or a cursor that was not given out", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/customers")
    CustomerViews.Page customers(@RequestParam(required = false) Tier tier,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size, Caller caller) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        ListCursor at;
        try {
            at = cursor == null || cursor.isBlank() ? null : ListCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Books books = caller.books(READ_SCOPE);
        Set<String> owners;
        if (owner != null && !owner.isBlank()) {
            if (!books.includes(owner)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the customers of " + owner
                        + " are not in the books " + caller.name() + " may see");
            }
            owners = Set.of(owner);
        } else {
            owners = books.all() ? null : books.reps();
        }
        return reader.list(tier, owners, at, size);
    }

    @Operation(summary = "The managers' view over the caller's books: tier mix, whale curve, ARPU by month, profitability map, as of the latest background snapshot (asOf)")
    @ApiResponse(responseCode = "200", description = "the portfolio of the customers the caller sees")
    @ApiResponse(responseCode = "400", description = "a period other than lifetime or window, or mapPoints outside 0..100000", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "no snapshot yet: the first is being computed since the start", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/portfolio")
    PortfolioCalculator.Portfolio portfolio(@RequestParam(defaultValue = "lifetime") String period,
            @RequestParam(defaultValue = "500") int mapPoints, Caller caller) {
        if (!period.equals("lifetime") && !period.equals("window")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period must be lifetime or window");
        }
        if (mapPoints < 0 || mapPoints > 100_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "mapPoints must be between 0 and 100000");
        }
        PortfolioSnapshots.Snapshot snapshot = snapshots.latest();
        if (snapshot == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the portfolio is being computed for the first time since the start; retry in a few seconds");
        }
        return PortfolioCalculator.of(snapshot.of(caller.books(READ_SCOPE)), period.equals("window"), mapPoints,
                snapshot.asOf(), snapshot.computeMillis());
    }
}
