package com.tsh.erp.defaults;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed query and path parameters: a value that is not of the parameter's type is a 400 naming the
 * parameter, not the 404 "no resource" JAX-RS gives by default (the URL exists; the value is wrong).
 *
 * <ul>
 *   <li>{@code int}/{@code long} (and boxed): an optional minus sign and decimal digits, in range of
 *       the type; {@code 1.5}, {@code 1e3}, {@code +1}, {@code ٣} and {@code 2147483648} for an int are refused.</li>
 *   <li>{@link BigDecimal}: plain decimal notation only ({@code 12}, {@code 12.50}), at most 40 characters:
 *       no exponent, so {@code 1e131072} cannot turn a price filter into a number PostgreSQL chokes on or
 *       that matches everything. Put the field's own limits on it as well ({@code @Money}).</li>
 *   <li>{@link LocalDate}: {@code YYYY-MM-DD} with a four-digit year (RFC 3339 full-date, the OpenAPI
 *       {@code format: date}); {@code +999999999-12-31} is refused here, so no day is ever too far from
 *       now for a timestamp.</li>
 *   <li>{@link java.util.UUID}: the canonical 8-4-4-4-12 hexadecimal form only ({@code UUID.fromString}
 *       alone would take {@code 1-2-3-4-5}).</li>
 * </ul>
 * Ranges beyond the type (a page from 1, a price from 0) stay with Bean Validation on the parameter.
 */
@Provider
public class ParameterTypes implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,9})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A query or path parameter whose value is not of its type: 400 naming it (see {@link ProblemMappers}). */
    public static final class InvalidParameter extends BadRequestException {
        private final String parameter;
        private final String reason;

        InvalidParameter(String parameter, String reason) {
            super(parameter + ": " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public String parameter() {
            return parameter;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Typed<>(name, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
                    INTEGER, Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Typed<>(name, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE,
                    INTEGER, Long::valueOf);
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) new Typed<>(name, "a decimal number like 12.50 (no exponent)", DECIMAL, BigDecimal::new);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Typed<>(name, "a date as YYYY-MM-DD", DATE, LocalDate::parse);
        }
        if (rawType == java.util.UUID.class) {
            return (ParamConverter<T>) new Typed<>(name, "an id like 3f2b8c1d-9a4e-4b6f-8d2c-1e0f9b8a7c65", UUID_SHAPE,
                    java.util.UUID::fromString);
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    /** Checks the text's shape first (cheap, and it keeps exponents and signs out), then converts. */
    private record Typed<T>(String name, String expected, Pattern shape, Function<String, T> convert) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!shape.matcher(value).matches()) {
                throw new InvalidParameter(name, refusal(value));
            }
            try {
                return convert.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameter(name, refusal(value));
            }
        }

        private String refusal(String value) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            return "'" + shown + "' is not " + expected;
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
