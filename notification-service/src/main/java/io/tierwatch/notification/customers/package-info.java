/** Customer master data from the compacted customers topic: names and owners. */
package io.tierwatch.notification.customers;
