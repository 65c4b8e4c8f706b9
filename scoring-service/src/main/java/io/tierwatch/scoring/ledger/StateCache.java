package io.tierwatch.scoring.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state hashes this instance last committed (or read), by customer, least recently used
 * first out: a customer met again skips its {@code HGETALL}. Never trusted blindly: the commit
 * still checks the stored {@code rev}, so an entry made stale by another writer (the sweep of
 * another instance, a consumer that had the partition meanwhile) fails that check, is dropped,
 * and the customer is read from Redis. Cleared whenever Redis fails or lost the scripts (a
 * restart or a fail-over may have rolled the data back, and a rolled-back {@code rev} could be
 * reached again with other content). The maps held are never modified.
 */
final class StateCache {

    private final int capacity;
    private final Map<String, Map<String, String>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** {@code capacity} 0 turns the cache off. */
    StateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("state cache capacity must be >= 0, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    /** The state as this instance last knew it, or null. */
    Map<String, String> get(String customerId) {
        if (capacity == 0) {
            return null;
        }
        Map<String, String> state;
        synchronized (entries) {
            state = entries.get(customerId);
        }
        (state == null ? misses : hits).incrementAndGet();
        return state;
    }

    void put(String customerId, Map<String, String> stored) {
        if (capacity > 0) {
            synchronized (entries) {
                entries.put(customerId, stored);
            }
        }
    }

    /** Drops {@code field} from the customer's cached state, if cached and there (a copy: held maps are never modified). */
    void remove(String customerId, String field) {
        if (capacity > 0) {
            synchronized (entries) {
                Map<String, String> state = entries.get(customerId);
                if (state != null && state.containsKey(field)) {
                    Map<String, String> copy = new java.util.HashMap<>(state);
                    copy.remove(field);
                    entries.put(customerId, copy);
                }
            }
        }
    }

    void invalidate(String customerId) {
        if (capacity > 0) {
            synchronized (entries) {
                entries.remove(customerId);
            }
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
