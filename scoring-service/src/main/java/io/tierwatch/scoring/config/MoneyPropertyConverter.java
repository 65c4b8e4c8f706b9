package io.tierwatch.scoring.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.Money;

/** Lets configuration say {@code a-threshold: 1000.00}, parsed exactly as JSON money is. */
@Component
@ConfigurationPropertiesBinding
class MoneyPropertyConverter implements Converter<String, Money> {

    @Override
    public Money convert(String source) {
        return Money.parse(source.trim());
    }
}
