package io.tierwatch.contracts;

import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * One of Jackson's own deserializers with a fast path in front: a string of the common shape
 * (see {@link Timestamps}) is read there; every other token, and any property with format
 * overrides, goes to Jackson's deserializer unchanged, with its results and errors.
 */
final class CommonShapeReader<T> extends ValueDeserializer<T> {

    private final Class<T> type;
    private final ValueDeserializer<T> standard;
    /** The value of a string of the common shape, or null to leave it to {@link #standard}. */
    private final Function<String, T> commonShape;

    CommonShapeReader(Class<T> type, ValueDeserializer<T> standard, Function<String, T> commonShape) {
        this.type = type;
        this.standard = standard;
        this.commonShape = commonShape;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            T value = commonShape.apply(p.getString());
            if (value != null) {
                return value;
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
        return type;
    }
}
