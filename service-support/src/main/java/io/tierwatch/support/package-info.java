/** The health and metrics every service shares; each service imports {@link io.tierwatch.support.Observability}. */
package io.tierwatch.support;
