package io.tierwatch.order.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.tierwatch.contracts.StrictJson;

/**
 * Request bodies are read with the events' own JSON rules ({@link StrictJson}): what the API
 * accepts, every consumer accepts, and the other way round (no {@code 2.5} read as 2, no amount as
 * a JSON number, no key given twice, no instant as epoch seconds). Applied after Boot's own
 * {@code spring.jackson.*} settings, so none of them can loosen a rule.
 */
@Configuration(proxyBeanMethods = false)
class JsonRules {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer contractJsonRules() {
        return StrictJson::configure;
    }
}
