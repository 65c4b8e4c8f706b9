/** Who may see what: reps see their own alerts, managers everyone's. */
package io.tierwatch.notification.security;
