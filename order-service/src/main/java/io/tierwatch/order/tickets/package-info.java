/** Service tickets: {@code POST /api/v1/service-tickets} to {@code ServiceTicketClosed}, the cost to serve. */
package io.tierwatch.order.tickets;
