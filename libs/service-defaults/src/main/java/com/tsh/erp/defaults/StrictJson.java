package com.tsh.erp.defaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read as written, or refused with the field named; nothing is changed quietly:
 * <ul>
 * <li>a fraction for a whole-number field ({@code "stock_on_hand": 5.7}) is refused, not truncated;</li>
 * <li>text must follow {@link TextRules} (no NUL, no lone surrogate, no stray control character).</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

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

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("tsh-text-rules").addDeserializer(String.class, new CheckedString()));
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
