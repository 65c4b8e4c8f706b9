package io.tierwatch.support;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The frame of every service's OpenAPI document (springdoc, {@code /v3/api-docs}): the bearer
 * scheme on every operation, the RFC 9457 problem schema, and the 401 and 403 every operation of
 * {@code /api/} can answer. Each service adds its own title and its operations' own statuses.
 */
public final class ApiDocs {

    public static final String PROBLEM = "Problem";

    private ApiDocs() {
    }

    public static OpenAPI document(String title, String description) {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        return new OpenAPI().info(new Info().title(title).version("v1").description(description))
                .components(new Components().addSchemas(PROBLEM, problem).addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("a JWT of the issuer, meant for this service (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** 401 and 403, as problem details, on every operation under {@code /api/}. */
    public static OpenApiCustomizer tokenResponses(String forbidden) {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations().forEach(op -> op.getResponses()
                        .addApiResponse("401", problem("no valid bearer token: missing, expired, tampered, "
                                + "of another issuer or for another audience"))
                        .addApiResponse("403", problem(forbidden)));
            }
        });
    }

    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
