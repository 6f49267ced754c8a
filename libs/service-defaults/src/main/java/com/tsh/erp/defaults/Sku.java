package com.tsh.erp.defaults;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A product's SKU as every service takes it: required, at most 64 characters, a letter or digit
 * then letters, digits and {@code . _ / -}. Each part reports on its own (the field, with the
 * part's message), and the OpenAPI document shows the parts as the field's constraints.
 */
@NotBlank
@Size(max = 64)
@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Sku {

    String message() default "not a SKU";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
