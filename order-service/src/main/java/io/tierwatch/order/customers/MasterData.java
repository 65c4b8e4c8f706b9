package io.tierwatch.order.customers;

import java.util.Objects;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerUpserted;

/**
 * What order-service keeps once Kafka acknowledged a customer's master data, from a PUT or an
 * import: the current record for GET, and an audit entry when the owner changed.
 */
@Component
public class MasterData {

    private final CustomerStore store;
    private final OwnerChanges ownerChanges;

    MasterData(CustomerStore store, OwnerChanges ownerChanges) {
        this.store = store;
        this.ownerChanges = ownerChanges;
    }

    /** @param changedBy who sent it: the token's name */
    public void published(CustomerUpserted customer, String changedBy) {
        String ownerBefore = store.get(customer.customerId()).map(CustomerUpserted::ownerRepId).orElse(null);
        store.put(customer);
        if (!Objects.equals(ownerBefore, customer.ownerRepId())) {
            ownerChanges.record(new OwnerChanges.OwnerChange(customer.customerId(), ownerBefore, customer.ownerRepId(),
                    changedBy, customer.updatedAt()));
        }
    }
}
