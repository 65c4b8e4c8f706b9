package io.tierwatch.order.imports;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.tierwatch.order.OrderServiceProperties;

/**
 * What an import needs to know of the configuration, with the configured mappings checked at
 * start: a mapping that cannot work stops the service with its reason, not a later upload.
 */
record ImportSettings(String baseCurrency, String ordersTopic, String customersTopic, String ticketsTopic,
        Map<String, ImportMapping> mappings, String defaultMapping, int invoiceWindowRows, int batchSize,
        int maxReportedRejections, Duration maxFutureSkew, Duration keptFor) {

    static ImportSettings of(OrderServiceProperties properties) {
        OrderServiceProperties.Imports imports = properties.imports();
        Map<String, ImportMapping> mappings = new TreeMap<>();
        imports.mappings().forEach((name, spec) -> mappings.put(name, spec.resolve(name)));
        if (!mappings.containsKey(imports.defaultMapping())) {
            throw new IllegalStateException("tierwatch.imports.default-mapping '" + imports.defaultMapping()
                    + "' is not one of the mappings " + mappings.keySet());
        }
        return new ImportSettings(properties.currency(), properties.topics().orders(), properties.topics().customers(),
                properties.topics().serviceTickets(), java.util.Collections.unmodifiableMap(mappings), imports.defaultMapping(),
                imports.invoiceWindowRows(), imports.batchSize(), imports.maxReportedRejections(),
                properties.limits().maxFutureSkew(), imports.keptFor());
    }
}
