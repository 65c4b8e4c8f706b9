/** Tierwatch notification-service. */
package io.tierwatch.notification;
