package com.tsh.erp.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of events. Times are ISO-8601 instants, money is a decimal number with its
 * scale kept, unknown fields are ignored (contracts change only by adding fields).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an envelope with its payload left as JSON.
     *
     * @throws InvalidEventException when the text is not JSON or misses a required envelope field
     */
    public static EventEnvelope<JsonNode> read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty message");
        }
        try {
            return MAPPER.readValue(json, TypeFactory.defaultInstance()
                    .constructParametricType(EventEnvelope.class, JsonNode.class));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a valid event envelope: " + e.getOriginalMessage());
        } catch (RuntimeException e) { // the envelope's own checks (a required field missing)
            throw new InvalidEventException("not a valid event envelope: " + e.getMessage());
        }
    }

    /**
     * Reads the payload of an envelope as the record of its event type.
     *
     * @throws InvalidEventException when the envelope is of another type or the payload does not fit the record
     */
    public static <P> EventEnvelope<P> payload(EventEnvelope<JsonNode> envelope, EventType<P> type) {
        if (!type.name().equals(envelope.eventType())) {
            throw new InvalidEventException("expected " + type.name() + " but got " + envelope.eventType());
        }
        try {
            return envelope.withPayload(MAPPER.treeToValue(envelope.payload(), type.payloadClass()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("payload of " + type.name() + " " + envelope.eventId()
                    + " does not fit the contract: " + e.getMessage());
        }
    }
}
