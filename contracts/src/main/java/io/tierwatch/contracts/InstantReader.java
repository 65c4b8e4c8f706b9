package io.tierwatch.contracts;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Jackson's own Instant deserializer with a fast path in front: a string of the shape
 * {@link Timestamps#parseCommonShape} knows is read there; every other token, and any property
 * with format overrides, goes to Jackson's deserializer unchanged, with its results and errors.
 */
final class InstantReader extends ValueDeserializer<Instant> {

    private final ValueDeserializer<Instant> standard = InstantDeserializer.INSTANT;

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = Timestamps.parseCommonShape(p.getString());
            if (instant != null) {
                return instant;
            }
        }
        return standard.deserialize(p, ctxt);
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        ValueDeserializer<?> contextual = standard.createContextual(ctxt, property);
        return contextual == standard ? this : contextual;
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws JacksonException {
        return standard.deserializeWithType(p, ctxt, typeDeserializer);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
        return standard.getNullValue(ctxt);
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
        return standard.getEmptyValue(ctxt);
    }

    @Override
    public LogicalType logicalType() {
        return standard.logicalType();
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }
}
