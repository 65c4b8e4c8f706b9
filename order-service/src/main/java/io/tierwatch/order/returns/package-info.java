/** Returns: {@code POST /api/v1/orders/{orderId}/returns} to {@code OrderLinesReturned}, never more than was ordered. */
package io.tierwatch.order.returns;
