package io.tierwatch.notification.delivery;

import io.tierwatch.notification.reps.Rep;

/** One way of reaching a rep. A failed send throws; the worker retries it with backoff. */
public interface ChannelSender {

    Channel channel();

    /** Whether this rep can be reached this way (a webhook URL, an email address and a mail server). */
    boolean reaches(Rep rep);

    void send(Rep rep, Notice notice) throws Exception;
}
