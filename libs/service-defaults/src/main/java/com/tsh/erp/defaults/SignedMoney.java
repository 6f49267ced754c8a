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
 * A single amount of money of either sign (an adjustment), as the databases store a single amount
 * ({@code numeric(14, 2)}): at most 12 digits before the point and 2 after, so at most
 * &plusmn;999,999,999,999.99 (the API document states it as the field's {@code minimum} and
 * {@code maximum}). {@link Money} is the one that may not be negative.
 *
 * <p>What adds single amounts up (a client's balance, credit held, a sum in a report) needs more room
 * than one amount: such a figure has a range of its own, wider than this, is checked before it is
 * written, and sits in a wider column (client-service: balances within &plusmn;999,999,999,999,999.99 in
 * {@code numeric(18, 2)}, see its {@code ClientLedger}).
 */
@DecimalMin("-" + SignedMoney.LARGEST)
@DecimalMax(SignedMoney.LARGEST)
@Digits(integer = 12, fraction = 2)
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SignedMoney {

    /** The largest single amount: 12 digits before the point, 2 after. */
    String LARGEST = "999999999999.99";

    String message() default "not an amount of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
