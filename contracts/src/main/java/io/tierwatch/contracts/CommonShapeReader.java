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
 * (see {@link Timestamps}) is read there; any other string, and every string of a property with
 * format overrides, goes to Jackson's deserializer unchanged, with its results and errors. A token that
 * is not a string (a number, which Jackson would read as epoch seconds) is rejected.
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
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            // a number would be read as epoch seconds or days: 12345 is not a 1970 date, it is a mistake
            return (T) ctxt.reportInputMismatch(this, "must be a string (RFC 3339%s), not %s",
                    type == java.time.LocalDate.class ? " date, yyyy-MM-dd" : " date-time, e.g. 2026-01-02T10:15:30Z",
                    p.currentToken());
        }
        T value = commonShape.apply(p.getString());
        return value != null ? value : standard.deserialize(p, ctxt);
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        ValueDeserializer<?> contextual = standard.createContextual(ctxt, property);
        if (contextual == standard) {
            return this;
        }
        // format overrides: Jackson's own reading of the string, still only of a string
        @SuppressWarnings("unchecked")
        ValueDeserializer<T> overridden = (ValueDeserializer<T>) contextual;
        return new CommonShapeReader<>(type, overridden, text -> null);
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
