/**
 * What every service does with a bearer token: validate it, turn its claims into a
 * {@link io.tierwatch.security.Caller}, and answer 401/403 as problem details. Each service keeps
 * its own rules: which scope or role an endpoint needs, and whose book a caller sees.
 */
package io.tierwatch.security;
