/** The email channel: plain text and HTML over SMTP. */
package io.tierwatch.notification.email;
