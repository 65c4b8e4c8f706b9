package io.tierwatch.order.customers;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.order.redis.Keys;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.JedisPooled;

/**
 * The current master data of each customer, as last acknowledged by Kafka. Written only after
 * the ack, so GET never shows what the compacted topic does not hold; the topic stays the record.
 */
@Component
public class CustomerStore {

    private final JedisPooled redis;
    private final LuaScript upsert;

    CustomerStore(JedisPooled redis) {
        this.redis = redis;
        this.upsert = LuaScript.load(redis, CustomerStore.class, "/redis/customer-upsert.lua");
    }

    public void put(CustomerUpserted customer) {
        upsert.run(List.of(Keys.customer(customer.customerId())),
                List.of(String.valueOf(customer.updatedAt().toEpochMilli()),
                        CloudEventsKafka.json().writeValueAsString(customer)));
    }

    Optional<CustomerUpserted> get(String customerId) {
        String json = redis.hget(Keys.customer(customerId), "json");
        return Optional.ofNullable(json).map(j -> CloudEventsKafka.json().readValue(j, CustomerUpserted.class));
    }
}
