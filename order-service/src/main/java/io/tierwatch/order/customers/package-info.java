/** Customer master data: {@code PUT/GET /api/v1/customers/{id}}, published to the compacted customers topic. */
package io.tierwatch.order.customers;
