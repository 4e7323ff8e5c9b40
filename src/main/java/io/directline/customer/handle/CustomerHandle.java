package io.directline.customer.handle;

import io.directline.customer.Handle;
import io.directline.customer.HandleKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A row of {@code customer_handle}: one handle of one owner, unique per kind and lookup key. */
@Entity
public class CustomerHandle {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_handle_seq")
    @SequenceGenerator(name = "customer_handle_seq", sequenceName = "customer_handle_seq", allocationSize = 50)
    private Long id;

    private long customerId;

    @Enumerated(EnumType.STRING)
    private HandleKind kind;

    /** As given and shown; {@code value} is a keyword in H2. */
    @Column(name = "shown_value")
    private String value;

    private String lookupKey;
    private boolean verified;
    private Instant verifiedAt;
    private Instant createdAt;

    protected CustomerHandle() {}

    public CustomerHandle(
            long customerId, HandleKind kind, String value, String lookupKey, boolean verified, Instant now) {
        this.customerId = customerId;
        this.kind = kind;
        this.value = value;
        this.lookupKey = lookupKey;
        this.verified = verified;
        this.verifiedAt = verified ? now : null;
        this.createdAt = now;
    }

    public void markVerified(Instant now) {
        if (!verified) {
            verified = true;
            verifiedAt = now;
        }
    }

    public void show(String shownValue) {
        this.value = shownValue;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public HandleKind getKind() {
        return kind;
    }

    public String getLookupKey() {
        return lookupKey;
    }

    public boolean isVerified() {
        return verified;
    }

    public Handle view() {
        return new Handle(id, customerId, kind, value, lookupKey, verified, verifiedAt, createdAt);
    }
}
