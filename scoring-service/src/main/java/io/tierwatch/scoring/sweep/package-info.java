/** The scheduled sweep that ages the windows of customers without new events, so a dormant customer's tier follows. */
package io.tierwatch.scoring.sweep;
