package io.tierwatch.order.customers;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.order.redis.Keys;
import redis.clients.jedis.JedisPooled;

/**
 * The audit of who moved a customer to another rep's book: one line in the log (category
 * {@code tierwatch.audit}) and the last {@value #KEPT} changes per customer in Redis, newest first.
 * A change of owner moves the customer's figures and alerts to the new rep, so it is never silent.
 */
@Component
class OwnerChanges {

    static final int KEPT = 100;
    private static final Logger AUDIT = LoggerFactory.getLogger("tierwatch.audit");

    /** One change: the owner before (null for a new customer) and after, who made it and when. */
    record OwnerChange(String customerId, String from, String to, String changedBy, Instant at) {
    }

    private final JedisPooled redis;

    OwnerChanges(JedisPooled redis) {
        this.redis = redis;
    }

    void record(OwnerChange change) {
        AUDIT.info("owner of customer {} changed from {} to {} by {}", change.customerId(),
                change.from() == null ? "(none)" : change.from(), change.to() == null ? "(none)" : change.to(),
                change.changedBy());
        String key = Keys.ownerChanges(change.customerId());
        redis.lpush(key, CloudEventsKafka.json().writeValueAsString(change));
        redis.ltrim(key, 0, KEPT - 1);
    }

    List<OwnerChange> of(String customerId) {
        return redis.lrange(Keys.ownerChanges(customerId), 0, KEPT - 1).stream()
                .map(json -> CloudEventsKafka.json().readValue(json, OwnerChange.class)).toList();
    }
}
