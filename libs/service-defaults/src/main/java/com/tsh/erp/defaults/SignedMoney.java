package com.tsh.erp.defaults;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount of money of either sign (an adjustment), as the databases store money
 * ({@code numeric(14, 2)}): at most 12 digits before the point and 2 after. {@link Money} is the
 * one that may not be negative.
 */
@Digits(integer = 12, fraction = 2)
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SignedMoney {

    String message() default "not an amount of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
