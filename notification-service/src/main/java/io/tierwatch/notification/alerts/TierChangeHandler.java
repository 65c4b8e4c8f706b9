package io.tierwatch.notification.alerts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.customers.Customer;
import io.tierwatch.notification.customers.CustomerDirectory;
import io.tierwatch.notification.delivery.Channel;
import io.tierwatch.notification.delivery.ChannelSender;
import io.tierwatch.notification.delivery.DeliveryWorker;
import io.tierwatch.notification.reps.Rep;
import io.tierwatch.notification.reps.RepDirectory;

/** Routes a tier change to its owner (or the fallback rep) as an alert, once. */
@Component
class TierChangeHandler {

    private static final Logger log = LoggerFactory.getLogger(TierChangeHandler.class);

    private final CustomerDirectory customers;
    private final RepDirectory reps;
    private final AlertRecorder recorder;
    private final List<ChannelSender> senders;
    private final AlertEvents events;
    private final AlertPolicy policy;
    private final String fallbackRepId;
    private final Clock clock;
    private final DeliveryWorker worker;

    TierChangeHandler(CustomerDirectory customers, RepDirectory reps, AlertRecorder recorder,
            List<ChannelSender> senders, AlertEvents events, NotificationProperties properties, Clock clock,
            DeliveryWorker worker) {
        this.customers = customers;
        this.reps = reps;
        this.recorder = recorder;
        this.senders = senders;
        this.events = events;
        NotificationProperties.Rules rules = properties.rules();
        this.policy = new AlertPolicy(rules.protectiveTraits(), rules.headsUpOnLeavingA(), rules.recoveries());
        this.fallbackRepId = rules.fallbackRepId();
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Routes one poll's tier changes, in order, with a handful of round trips whatever their number:
     * the customers of those that may alert in one pipeline, each owner's rep once, the alerts
     * recorded in one pipeline. Most changes cannot alert (a new customer's first tier, moves
     * between profitable tiers) and cost no round trip at all.
     */
    void handle(List<CustomerTierChanged> changes) {
        List<CustomerTierChanged> candidates = changes.stream().filter(policy::mayAlert).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Customer> known = customers.findAll(candidates.stream().map(CustomerTierChanged::customerId).toList());
        Map<String, Optional<Rep>> repsById = new HashMap<>();
        List<AlertRecorder.Pending> pending = new ArrayList<>();
        List<AlertRule> rules = new ArrayList<>();
        for (CustomerTierChanged change : candidates) {
            Customer customer = known.getOrDefault(change.customerId(), Customer.unknown(change.customerId()));
            Set<Trait> traits = EnumSet.noneOf(Trait.class);
            traits.addAll(change.traits());
            if (customer.strategic()) {
                traits.add(Trait.STRATEGIC);
            }
            Optional<AlertPolicy.Decision> decision = policy.decide(change, traits);
            if (decision.isEmpty()) {
                continue;
            }
            AlertRule rule = decision.get().rule();
            Optional<Rep> recipient = repsById.computeIfAbsent(customer.ownerRepId(), reps::find)
                    .or(() -> repsById.computeIfAbsent(fallbackRepId, reps::find));
            if (recipient.isEmpty()) {
                log.warn("No owner and no fallback rep for tier event {}; alert not routed", change.eventId());
                events.recorded(rule, AlertRecorder.Outcome.NO_RECIPIENT);
                continue;
            }
            Rep rep = recipient.get();
            Alert alert = new Alert(change.eventId(), rep.id(), customer.customerId(), customer.name(),
                    customer.ownerRepId(), rule, decision.get().action(), change.previousTier(), change.newTier(),
                    change.windowDays(), change.window(), change.lifetime(), traits, change.reason(),
                    change.contributors(), change.occurredAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            List<Channel> channels = senders.stream().filter(s -> s.reaches(rep)).map(ChannelSender::channel).toList();
            pending.add(new AlertRecorder.Pending(alert, rep, channels));
            rules.add(rule);
        }
        List<AlertRecorder.Outcome> outcomes = recorder.recordAll(pending);
        boolean due = false;
        for (int i = 0; i < outcomes.size(); i++) {
            AlertRecorder.Outcome outcome = outcomes.get(i);
            events.recorded(rules.get(i), outcome);
            due |= outcome == AlertRecorder.Outcome.ACCEPTED
                    && pending.get(i).rep().delivery() == Rep.DeliveryMode.IMMEDIATE;
        }
        if (due) {
            worker.wake(); // deliver now, not at the next poll of the due queue
        }
    }
}
