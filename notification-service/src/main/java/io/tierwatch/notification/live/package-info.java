/** The live page: a Server-Sent Events stream of alerts, fed through Redis pub/sub from any instance. */
package io.tierwatch.notification.live;
