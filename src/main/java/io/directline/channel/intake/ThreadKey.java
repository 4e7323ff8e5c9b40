package io.directline.channel.intake;

import io.directline.customer.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A key by which a channel threads messages into a case (a Message-ID, a conversation id). */
@Entity
@Table(name = "channel_thread_key")
class ThreadKey {

    @Embeddable
    record Id(
            @Enumerated(EnumType.STRING) Channel channel,
            @Column(name = "thread_key") String key) implements Serializable {}

    @EmbeddedId
    private Id id;

    private long caseId;
    private Instant createdAt;

    protected ThreadKey() {}

    ThreadKey(Channel channel, String key, long caseId, Instant createdAt) {
        this.id = new Id(channel, key);
        this.caseId = caseId;
        this.createdAt = createdAt;
    }

    long caseId() {
        return caseId;
    }

    String key() {
        return id.key();
    }

    void pointTo(long caseId) {
        this.caseId = caseId;
    }
}
