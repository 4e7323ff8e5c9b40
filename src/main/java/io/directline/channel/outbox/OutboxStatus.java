package io.directline.channel.outbox;

/** QUEUED waits for its time; SENDING is claimed by a node (and retried when that node died); SENT and FAILED are final. */
enum OutboxStatus {
    QUEUED,
    SENDING,
    SENT,
    FAILED
}
