/**
 * Tierwatch's OAuth2/OIDC issuer for the local stack and the tests: people log in with
 * authorization code + PKCE, systems get tokens with client credentials, and every token carries
 * the claims the services authorize by ({@code roles}, {@code rep_id}, {@code team}). All accounts
 * come from configuration.
 */
package io.tierwatch.auth;
