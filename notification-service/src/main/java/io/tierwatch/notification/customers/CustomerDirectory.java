package io.tierwatch.notification.customers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Customers and their owners, kept in Redis so every instance and every restart sees the same
 * owners. A record older than the one stored (by {@code updatedAt}) is ignored, so replaying the
 * compacted topic never turns an owner back.
 */
@Component
public class CustomerDirectory {

    static final String PREFIX = "tw:notify:customer:";

    private final JedisPooled jedis;
    private final LuaScript upsert;

    CustomerDirectory(JedisPooled jedis) {
        this.jedis = jedis;
        this.upsert = LuaScript.load(jedis, CustomerDirectory.class, "upsert-customer.lua");
    }

    public void apply(CustomerUpserted customer) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", customer.name());
        fields.put("owner", customer.ownerRepId() == null ? "" : customer.ownerRepId());
        fields.put("since", customer.customerSince() == null ? "" : customer.customerSince().toString());
        fields.put("strategic", Boolean.toString(customer.strategic()));
        List<String> args = new java.util.ArrayList<>(List.of(Long.toString(customer.updatedAt().toEpochMilli())));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        upsert.run(List.of(PREFIX + customer.customerId()), args);
    }

    public Optional<Customer> find(String customerId) {
        return parse(customerId, jedis.hgetAll(PREFIX + customerId));
    }

    /** The customers known of these ids, read in one pipeline; unknown ids are absent. */
    public Map<String, Customer> findAll(Collection<String> customerIds) {
        Map<String, Response<Map<String, String>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            customerIds.forEach(id -> replies.computeIfAbsent(id, k -> pipeline.hgetAll(PREFIX + k)));
            pipeline.sync();
        }
        Map<String, Customer> found = new HashMap<>();
        replies.forEach((id, reply) -> parse(id, reply.get()).ifPresent(c -> found.put(id, c)));
        return found;
    }

    private static Optional<Customer> parse(String customerId, Map<String, String> f) {
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Customer(customerId, f.get("name"), blankToNull(f.get("owner")),
                f.getOrDefault("since", "").isEmpty() ? null : LocalDate.parse(f.get("since")),
                Boolean.parseBoolean(f.get("strategic"))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
