package io.tierwatch.order.returns;

import io.tierwatch.contracts.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.order.ingest.Receipt;
import io.tierwatch.order.web.Accepted;
import io.tierwatch.order.web.EventTimes;
import io.tierwatch.order.web.PublishResponses;
import io.tierwatch.order.web.RequestMetrics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

@RestController
class ReturnController {

    private final ReturnService returns;
    private final RequestMetrics metrics;
    private final EventTimes eventTimes;

    ReturnController(ReturnService returns, RequestMetrics metrics, EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.returns = returns;
        this.metrics = metrics;
    }

    /**
     * Publishes {@code OrderLinesReturned} (id {@code lines-returned:<returnId>}) for lines of an
     * order this service accepted: 404 for an unknown order, 422 for more than is left to return.
     */
    @PublishResponses
    @ApiResponse(responseCode = "404", description = "an order this service has not accepted",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "more of a line than is left to return",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/v1/orders/{orderId}/returns")
    ResponseEntity<Accepted> submit(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
            @Valid @RequestBody ReturnRequest request) {
        eventTimes.requireNotAhead(request.occurredAt(), "occurredAt");
        Receipt receipt = returns.submit(orderId, request);
        metrics.accepted("return", receipt.duplicate() ? "duplicate" : "published");
        return Accepted.of(receipt.eventId(), receipt.duplicate());
    }
}
