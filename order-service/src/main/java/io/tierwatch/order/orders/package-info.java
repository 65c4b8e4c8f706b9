/** Orders: {@code POST /api/v1/orders} to {@code OrderPlaced}. */
package io.tierwatch.order.orders;
