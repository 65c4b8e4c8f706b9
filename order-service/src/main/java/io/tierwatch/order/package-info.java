/** Tierwatch order-service. */
package io.tierwatch.order;
