/** The event contracts every Tierwatch service shares: event records, topics, money and the CloudEvents envelope. */
package io.tierwatch.contracts;
