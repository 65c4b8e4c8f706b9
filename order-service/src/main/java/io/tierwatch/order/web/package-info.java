/** What every endpoint shares: RFC 9457 problem responses, request limits and field formats. */
package io.tierwatch.order.web;
