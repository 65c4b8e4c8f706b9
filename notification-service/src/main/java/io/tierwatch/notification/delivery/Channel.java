package io.tierwatch.notification.delivery;

/** Where an alert goes besides the live page. */
public enum Channel { WEBHOOK, EMAIL }
