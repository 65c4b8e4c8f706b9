/** Login at the issuer, and who is looking. */
package io.tierwatch.portal.security;
