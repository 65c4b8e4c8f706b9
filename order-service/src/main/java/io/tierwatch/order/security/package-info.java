/** Who may publish what: systems by scope, admins by role; reps read only their own customers. */
package io.tierwatch.order.security;
