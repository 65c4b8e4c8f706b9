package io.tierwatch.order.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The deployment's base currency ({@code tierwatch.currency}); any other is refused with the rest of the bad fields. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BaseCurrencyValidator.class)
public @interface BaseCurrency {

    String message() default "must be the base currency of this deployment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
