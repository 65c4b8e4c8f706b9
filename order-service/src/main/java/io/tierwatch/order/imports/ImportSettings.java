package io.tierwatch.order.imports;

import java.math.BigDecimal;
import java.time.ZoneId;

import io.tierwatch.order.OrderServiceProperties;

/** What an import needs to know of the configuration. */
record ImportSettings(String currency, String topic, BigDecimal costRatio, ZoneId zone, int invoiceWindowRows,
        int batchSize, int maxReportedRejections, java.time.Duration maxFutureSkew) {

    static ImportSettings of(OrderServiceProperties properties) {
        OrderServiceProperties.Imports imports = properties.imports();
        return new ImportSettings(properties.currency(), properties.topics().orders(), imports.costRatio(),
                imports.zone(), imports.invoiceWindowRows(), imports.batchSize(), imports.maxReportedRejections(),
                properties.limits().maxFutureSkew());
    }
}
