package com.tsh.erp.defaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.List;

/**
 * The REST layer's JSON: request bodies are read as written, or refused with the field named;
 * nothing is changed quietly:
 * <ul>
 * <li>a fraction for a whole-number field ({@code "stock_on_hand": 5.7}) is refused, not truncated;</li>
 * <li>a value must have its field's JSON type: a string for a number ({@code "5"}, {@code ""}), a number
 * or a boolean for a text are refused, not converted;</li>
 * <li>a field given twice, or anything after the body's JSON value, is refused, not resolved quietly;</li>
 * <li>text must follow {@link TextRules} (no NUL, no lone surrogate, no stray control character).</li>
 * </ul>
 * Only what comes over HTTP is checked this way (a {@code ContextResolver} for the REST layer):
 * the application's own JSON (cached pages in Redis, events) goes through Quarkus's mapper as it
 * is, without a check per string on every cache read.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    /** A body value refused for what it contains; the path of the field is added by Jackson. */
    public static final class RefusedValue extends JsonMappingException {
        RefusedValue(JsonParser p, String reason) {
            super(p, reason);
        }

        /** The reason alone, without Jackson's location and path decorations. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    @Inject
    ObjectMapper application;

    private volatile ObjectMapper strict;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        ObjectMapper m = strict;
        if (m == null) {
            m = application.copy(); // Quarkus's settings (snake_case, unknown fields refused, ...) and these
            m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            // one JSON value, each field once: Jackson would take the last of two values for a field (or,
            // for a record's last field, fail with a 500), and ignore what follows the first value
            m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            // a value of the field's own JSON type: no "12" for a number, no 12 or true for a text,
            // no "" for null (Jackson would convert them, and read "٣" as 3)
            m.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
                m.coercionConfigFor(scalar)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            m.registerModule(new SimpleModule("tsh-text-rules").addDeserializer(String.class, new CheckedString()));
            strict = m;
        }
        return m;
    }

    /** Jackson's own String reading, then {@link TextRules}. */
    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = TextRules.problem(value);
            if (problem != null) {
                throw new RefusedValue(p, problem);
            }
            return value;
        }
    }
}
