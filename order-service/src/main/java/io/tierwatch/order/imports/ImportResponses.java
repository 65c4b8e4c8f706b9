package io.tierwatch.order.imports;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The answers of starting an import (multipart or a raw CSV body), for the OpenAPI document. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponses({
    @ApiResponse(responseCode = "202", description = "the import started; Location is its status"),
    @ApiResponse(responseCode = "400", description = "an unknown or invalid mapping, no stated currency, or a currency other than the base one",
            content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "413", description = "an upload over max-upload-size",
            content = @Content(mediaType = "application/problem+json")),
    @ApiResponse(responseCode = "503", description = "the store is being recovered: retry",
            content = @Content(mediaType = "application/problem+json"))
})
@interface ImportResponses {
}
