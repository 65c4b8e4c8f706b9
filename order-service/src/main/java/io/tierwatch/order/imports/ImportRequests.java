package io.tierwatch.order.imports;

import java.util.Locale;

import io.tierwatch.order.web.InvalidRequestException;

/**
 * Checks what an upload states before it is queued: which mapping reads it and which currency
 * its amounts are in. Tierwatch keeps one base currency and converts nothing, so an upload in
 * another currency is refused with the reason, never booked as if it were the base one.
 */
final class ImportRequests {

    /** The mapping and currency a sales upload is read with. */
    record Sales(ImportMapping mapping, String currency) {
    }

    private final ImportSettings settings;

    ImportRequests(ImportSettings settings) {
        this.settings = settings;
    }

    /**
     * @param name a configured mapping
     * @param spec a mapping sent with the upload (called "upload" in its status), or null
     * @param currency the upload's currency, or null to take the mapping's
     */
    Sales sales(String name, MappingSpec spec, String currency) {
        ImportMapping mapping;
        if (spec != null) {
            try {
                // a multipart field is a request parameter too: with a part, the parameter is that part
                mapping = spec.resolve("upload");
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("mapping", e.getMessage());
            }
        } else {
            String chosen = name == null || name.isBlank() ? settings.defaultMapping() : name;
            mapping = settings.mappings().get(chosen);
            if (mapping == null) {
                throw new InvalidRequestException("mapping", "no mapping '" + chosen + "'; the mappings are "
                        + settings.mappings().keySet() + ", or send one as the JSON part 'mapping'");
            }
        }
        String stated = currency == null || currency.isBlank() ? mapping.currency() : currency;
        if (stated == null) {
            throw new InvalidRequestException("currency", "state the currency of the upload's amounts"
                    + " (currency=" + settings.baseCurrency() + "): mapping '" + mapping.name() + "' names none");
        }
        return new Sales(mapping, base(stated));
    }

    /** Tickets carry amounts too: their upload states its currency. */
    String ticketCurrency(String currency) {
        if (currency == null || currency.isBlank()) {
            throw new InvalidRequestException("currency", "state the currency of the tickets' amounts (currency="
                    + settings.baseCurrency() + ")");
        }
        return base(currency);
    }

    private String base(String stated) {
        String currency = stated.trim().toUpperCase(Locale.ROOT);
        if (!currency.equals(settings.baseCurrency())) {
            throw new InvalidRequestException("currency", "the upload is in " + currency + ", and this deployment's"
                    + " base currency is " + settings.baseCurrency() + ". Tierwatch converts no currencies: convert the"
                    + " amounts first, or import into a deployment whose base currency is " + currency
                    + " (tierwatch.currency)");
        }
        return currency;
    }
}
