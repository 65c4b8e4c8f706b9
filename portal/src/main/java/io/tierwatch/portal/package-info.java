/** The portal: server-rendered pages over scoring-service's and notification-service's APIs. */
package io.tierwatch.portal;
