package io.directline.channel.outbox;

/**
 * QUEUED waits for its time; SENDING is claimed by a node (and retried when that node died); SENT, FAILED and
 * CANCELLED (a notice stopped before it was sent) are final.
 */
enum OutboxStatus {
    QUEUED,
    SENDING,
    SENT,
    FAILED,
    CANCELLED
}
