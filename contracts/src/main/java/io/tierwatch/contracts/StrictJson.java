package io.tierwatch.contracts;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON rules of every Tierwatch event and REST body, in one place: the consumers read
 * records with them ({@link CloudEventsKafka}) and order-service reads request bodies with them,
 * so a value one accepts the other accepts too.
 * <ul>
 * <li>a JSON key given twice is an error, not "the last one wins";</li>
 * <li>no coercion between JSON's scalar kinds: {@code "quantity": 2.5} is not 2, {@code "10"} is not
 *     a number, an id or an amount sent as a number or a boolean is not a string (amounts are decimal
 *     strings, so {@code 0.1} never passes through a binary fraction);</li>
 * <li>instants and dates are RFC 3339 strings, never numbers of epoch seconds;</li>
 * <li>a missing primitive fails (a truncated record is not read as zeros); unknown fields are
 *     ignored, so adding an optional field to a v1 type breaks no consumer.</li>
 * </ul>
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The rules, with the codec's fast paths (which also refuse instants and dates that are not strings). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return rules(builder).addModule(new CodecModule());
    }

    /** The rules alone, without the codec's fast paths (tests compare the two). */
    static JsonMapper.Builder rules(JsonMapper.Builder builder) {
        return builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
