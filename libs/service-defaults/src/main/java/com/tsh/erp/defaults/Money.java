package com.tsh.erp.defaults;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount of money that is not negative (a price, a credit limit): at least 0.00, with
 * {@link SignedMoney}'s digits (at most 999,999,999,999.99, which the API document states as the
 * field's {@code maximum}). Add {@code @NotNull} where the amount is required.
 */
@DecimalMin("0.00")
@DecimalMax(SignedMoney.LARGEST)
@Digits(integer = 12, fraction = 2)
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Money {

    String message() default "not an amount of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
