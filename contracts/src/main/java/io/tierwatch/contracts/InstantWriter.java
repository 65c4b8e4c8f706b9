package io.tierwatch.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Jackson's own Instant serializer, except that the plain RFC 3339 string it writes by default
 * comes from {@link Timestamps#format} instead of {@code DateTimeFormatter}. Numeric timestamps,
 * truncation and any property with format overrides stay with Jackson's serializer.
 */
final class InstantWriter extends ValueSerializer<Instant> {

    private final ValueSerializer<Instant> standard = InstantSerializer.INSTANCE;

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
        if (ctxt.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                || ctxt.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)) {
            standard.serialize(value, gen, ctxt);
        } else {
            gen.writeString(Timestamps.format(value));
        }
    }

    /** Jackson's serializer copies itself even for an empty format, so the format itself decides. */
    @Override
    public ValueSerializer<?> createContextual(SerializationContext ctxt, BeanProperty property) {
        JsonFormat.Value format = property != null ? property.findPropertyFormat(ctxt.getConfig(), Instant.class)
                : ctxt.getDefaultPropertyFormat(Instant.class);
        return format == null || format.equals(JsonFormat.Value.empty()) ? this
                : standard.createContextual(ctxt, property);
    }

    @Override
    public void serializeWithType(Instant value, JsonGenerator gen, SerializationContext ctxt,
            TypeSerializer typeSer) throws JacksonException {
        standard.serializeWithType(value, gen, ctxt, typeSer);
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) {
        standard.acceptJsonFormatVisitor(visitor, type);
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }
}
