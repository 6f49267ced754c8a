package com.tsh.erp.defaults;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A string that must name one of an enum's constants: {@code @OneOf(ClientType.class) String clientType}.
 * A request takes a closed set of values this way, not as the enum itself, so that a wrong value is
 * a validation error of its field ({@code "must be WHOLESALE or RETAIL"}) reported together with
 * every other wrong field, instead of a body Jackson stops reading at the first one. The resource
 * turns it into the enum ({@code ClientType.valueOf}). Document it as the enum with
 * {@code @Schema(implementation = ClientType.class)} (a parameter: {@code @Parameter(schema = ...)}).
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface OneOf {

    /** The enum whose constant names are the allowed values. */
    Class<? extends Enum<?>> value();

    /** Empty: "must be A, B or C", from the enum. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name; {@code null} passes (add {@code @NotNull} where the value is required). */
    class Validator implements ConstraintValidator<OneOf, String> {

        private Set<String> names;
        private String message;

        @Override
        public void initialize(OneOf oneOf) {
            List<String> all = Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name).toList();
            names = Set.copyOf(all);
            message = !oneOf.message().isEmpty() ? oneOf.message() : "must be " + (all.size() == 1 ? all.get(0)
                    : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1));
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || names.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
