package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schemas in docs/events.md describe exactly what the services write. */
class JsonSchemaTest {

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Schema schemaOf(EventType type) {
        InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + type.type() + ".json");
        assertThat(in).as("schema of " + type.type()).isNotNull();
        return REGISTRY.getSchema(in);
    }

    static JsonNode json(Object data) {
        return CloudEventsKafka.json().valueToTree(data);
    }

    @Test
    void everyEventTypeHasASchemaThatItsRecordsSatisfy() {
        for (Object data : SampleEvents.all()) {
            EventType type = EventType.ofData(data);
            List<Error> errors = schemaOf(type).validate(json(data));
            assertThat(errors).as(type.type()).isEmpty();
        }
        assertThat(SampleEvents.all()).extracting(EventType::ofData).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void schemasRejectMoneyWrittenAsANumber() {
        ObjectNode order = (ObjectNode) json(SampleEvents.order());
        order.put("shippingCost", 4.5);

        assertThat(schemaOf(EventType.ORDER_PLACED).validate(order)).isNotEmpty();
    }

    @Test
    void schemasStateTheContractsIdRule() {
        for (EventType type : EventType.values()) {
            JsonNode schema = CloudEventsKafka.json().readTree(
                    JsonSchemaTest.class.getResourceAsStream("/schemas/" + type.type() + ".json"));
            JsonNode customerId = schema.path("properties").path("customerId");
            assertThat(customerId.path("pattern").asString()).as(type.type()).isEqualTo("^" + Ids.PATTERN + "$");
            assertThat(customerId.path("maxLength").asInt()).as(type.type()).isEqualTo(Ids.MAX_LENGTH);
        }
        ObjectNode order = (ObjectNode) json(SampleEvents.order());
        order.put("customerId", "c".repeat(Ids.MAX_LENGTH + 1));
        assertThat(schemaOf(EventType.ORDER_PLACED).validate(order)).isNotEmpty();
    }
}
