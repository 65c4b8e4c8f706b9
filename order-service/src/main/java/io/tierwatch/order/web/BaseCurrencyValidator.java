package io.tierwatch.order.web;

import io.tierwatch.order.OrderServiceProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Built by Spring's validator factory, so it reads the configured base currency. */
class BaseCurrencyValidator implements ConstraintValidator<BaseCurrency, String> {

    private final String base;

    BaseCurrencyValidator(OrderServiceProperties properties) {
        this.base = properties.currency();
    }

    @Override
    public boolean isValid(String currency, ConstraintValidatorContext context) {
        if (currency == null || base.equals(currency)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be " + base + ", the base currency of this deployment")
                .addConstraintViolation();
        return false;
    }
}
