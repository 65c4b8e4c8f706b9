package io.tierwatch.scoring.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.Tier;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.outbox.OutboxEntry;
import io.tierwatch.security.Books;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Reads customers from Redis for the API, a pipeline per request. */
@Component
class CustomerReader {

    private static final int CONTRIBUTORS_SHOWN = 3;

    private final JedisPooled jedis;
    private final ScoringProperties properties;

    CustomerReader(JedisPooled jedis, ScoringProperties properties) {
        this.jedis = jedis;
        this.properties = properties;
    }

    Optional<CustomerViews.Customer> customer(String id) {
        Response<Map<String, String>> state;
        Response<List<String>> history;
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            state = pipeline.hgetAll(LedgerKeys.state(id));
            history = pipeline.lrange(LedgerKeys.history(id), 0, -1);
            pipeline.sync();
        }
        List<String> contributors = LedgerKeys.contributors(state.get());
        StoredCustomer c = StoredCustomer.of(id, state.get());
        if (!c.exists()) {
            return Optional.empty();
        }
        return Optional.of(new CustomerViews.Customer(id, c.text("name"), c.text("owner"), c.day("since"),
                "1".equals(c.text("strat")), c.tier(), c.number("ver"), c.text("pol"), c.traits(),
                properties.scoring().windowDays(), c.day("asof"),
                CustomerViews.Period.of(c.window(), c.number("wo"), c.number("wt")),
                CustomerViews.Period.of(c.lifetime(), c.number("lo"), c.number("lt")),
                c.day("first"), c.day("last"),
                contributors.stream().limit(CONTRIBUTORS_SHOWN).map(OutboxEntry::contributor).toList(),
                history(id, history.get()), months(state.get())));
    }

    /** Oldest first. */
    private static List<CustomerViews.Month> months(Map<String, String> state) {
        Map<String, CustomerViews.Month> months = new java.util.TreeMap<>();
        state.forEach((field, value) -> {
            if (field.startsWith(LedgerKeys.MONTH_FIELD_PREFIX)) {
                long[] m = LedgerKeys.month(value);
                String month = field.substring(LedgerKeys.MONTH_FIELD_PREFIX.length());
                months.put(month, new CustomerViews.Month(month, io.tierwatch.contracts.Money.ofMinor(m[0]),
                        m[2] == 1 ? io.tierwatch.contracts.Money.ofMinor(m[1]) : null));
            }
        });
        return List.copyOf(months.values());
    }

    /** Newest first; a crash while publishing can repeat an entry, shown once. */
    private List<CustomerViews.HistoryItem> history(String id, List<String> entries) {
        var policy = properties.scoring().policy().settings();
        Map<Long, CustomerViews.HistoryItem> byVersion = new java.util.TreeMap<>(Comparator.reverseOrder());
        entries.forEach(json -> {
            CustomerViews.HistoryItem item = CustomerViews.HistoryItem.of(OutboxEntry.parse(id, json, policy));
            byVersion.putIfAbsent(item.stateVersion(), item);
        });
        return List.copyOf(byVersion.values());
    }

    /**
     * A page of customers after {@code cursor} (null: from the start). With owners (a rep, or a
     * manager's team), their customers ordered by id (a book is a handful to a few thousand: they
     * are filtered whole, since an owner set may hold past customers). Otherwise the tier sets one after the other, A to D, each walked
     * with SSCAN: every customer that stays in its tier during the listing is listed once; one
     * that moves meanwhile may be listed twice or not at all.
     */
    CustomerViews.Page list(Tier tier, Set<String> owners, ListCursor cursor, int size) {
        if (owners != null) {
            List<StoredCustomer> owned = summaries(ownedBy(owners))
                    .stream().filter(c -> owners.contains(c.text("owner")) && (tier == null || tier == c.tier()))
                    .sorted(Comparator.comparing(StoredCustomer::customerId)).toList();
            long from = cursor == null ? 0 : cursor.skip();
            List<StoredCustomer> slice = owned.stream().skip(from).limit(size).toList();
            String next = from + slice.size() < owned.size() ? ListCursor.of(0, "0", from + slice.size()).token() : null;
            return new CustomerViews.Page(withTrends(slice), size,
                    owned.size(), next);
        }
        List<Tier> tiers = tier == null ? List.of(Tier.values()) : List.of(tier);
        List<Response<Long>> counts = new ArrayList<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            tiers.forEach(t -> counts.add(pipeline.scard(LedgerKeys.tier(t))));
            pipeline.sync();
        }
        long total = counts.stream().mapToLong(Response::get).sum();
        ListCursor at = cursor == null ? ListCursor.START : cursor;
        int index = at.index();
        String scan = at.scan();
        long skip = at.skip();
        List<String> ids = new ArrayList<>(size);
        String next = null;
        ScanParams params = new ScanParams().count(size);
        while (index < tiers.size()) {
            if (counts.get(index).get() == 0) {
                index++; // an empty tier set: nothing to walk
                scan = ScanParams.SCAN_POINTER_START;
                skip = 0;
                continue;
            }
            ScanResult<String> batch = jedis.sscan(LedgerKeys.tier(tiers.get(index)), scan, params);
            List<String> members = batch.getResult();
            int from = (int) Math.min(skip, members.size());
            // once the page is full, the walk goes on only to see whether anything is left, so
            // that `next` is null exactly after the last customer (SSCAN can end on empty replies)
            int take = Math.min(size - ids.size(), members.size() - from);
            ids.addAll(members.subList(from, from + take));
            if (from + take < members.size()) {
                // the page is full inside this SSCAN reply: the next page asks for the same reply again
                next = ListCursor.of(index, scan, from + take).token();
                break;
            }
            skip = 0;
            scan = batch.getCursor();
            if (ScanParams.SCAN_POINTER_START.equals(scan)) {
                index++;
            }
        }
        return new CustomerViews.Page(withTrends(summaries(ids)), size,
                total, next);
    }

    /** The months a list's trend covers. */
    static final int TREND_MONTHS = 12;

    /** The page's customers with their monthly profit: one more pipelined read of the page's months. */
    private List<CustomerViews.Summary> withTrends(List<StoredCustomer> page) {
        List<Response<List<String>>> replies = new ArrayList<>(page.size());
        List<java.time.YearMonth> ends = new ArrayList<>(page.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (StoredCustomer c : page) {
                java.time.LocalDate end = c.day("asof");
                java.time.YearMonth to = end == null ? null : java.time.YearMonth.from(end);
                ends.add(to);
                if (to == null) {
                    replies.add(null);
                    continue;
                }
                String[] fields = new String[TREND_MONTHS];
                for (int k = 0; k < TREND_MONTHS; k++) {
                    fields[k] = LedgerKeys.MONTH_FIELD_PREFIX + to.minusMonths(TREND_MONTHS - 1 - k);
                }
                replies.add(pipeline.hmget(LedgerKeys.state(c.customerId()), fields));
            }
            pipeline.sync();
        }
        List<CustomerViews.Summary> summaries = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            List<io.tierwatch.contracts.Money> trend = new ArrayList<>(TREND_MONTHS);
            if (replies.get(i) != null) {
                for (String value : replies.get(i).get()) {
                    long[] m = value == null ? new long[] {0, 0, 1} : LedgerKeys.month(value);
                    trend.add(m[2] == 1 ? io.tierwatch.contracts.Money.ofMinor(m[1]) : null);
                }
            }
            summaries.add(CustomerViews.Summary.of(page.get(i), ends.get(i) == null ? null : ends.get(i).toString(),
                    java.util.Collections.unmodifiableList(trend)));
        }
        return summaries;
    }

    private List<String> ownedBy(Set<String> owners) {
        return owners.stream().flatMap(o -> jedis.smembers(LedgerKeys.owner(o)).stream()).distinct().sorted().toList();
    }

    private List<StoredCustomer> summaries(List<String> ids) {
        List<Response<List<String>>> replies = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            ids.forEach(id -> replies.add(pipeline.hmget(LedgerKeys.state(id),
                    LedgerKeys.SUMMARY_FIELDS.toArray(String[]::new))));
            pipeline.sync();
        }
        List<StoredCustomer> customers = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            customers.add(StoredCustomer.ofSummary(ids.get(i), replies.get(i).get()));
        }
        return customers;
    }
}
