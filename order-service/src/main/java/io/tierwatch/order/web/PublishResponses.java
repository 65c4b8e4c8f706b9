package io.tierwatch.order.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/**
 * The answers of an endpoint that publishes one submission (an order, a return, a ticket), for
 * the OpenAPI document: said once here, as {@link io.tierwatch.order.ingest.Ingestion} answers them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponses({
    @ApiResponse(responseCode = "202", description = "published: Kafka acknowledged it; the answer names the event id"),
    @ApiResponse(responseCode = "200", description = "a duplicate of an accepted submission: nothing published again"),
    @ApiResponse(responseCode = "400", description = "invalid fields, each named by path",
            content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "409", description = "the id was submitted before with other content, or is being "
            + "published right now", content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "413", description = "a body or a line count over the limits",
            content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "415", description = "a Content-Type that is not application/json",
            content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "503", description = "Kafka or Redis does not answer, or the store is being "
            + "recovered: retry", content = @Content(mediaType = "application/problem+json"))
})
public @interface PublishResponses {
}
