package io.directline.identity.ownersignin;

import io.directline.customer.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** A one-time code (and link) sent to an owner's handle; only digests are kept. Single-use, expiring, lockable. */
@Entity
@Table(name = "owner_sign_in_code")
class SignInCode {

    enum Purpose {
        /** A code (and by e-mail a link) to sign in with. */
        SIGN_IN,
        /** A link in a long answer that signs in and opens a case. */
        CASE_LINK,
        /** A code that proves a handle the owner is adding. */
        ADD_HANDLE,
        /**
         * A code sent to where a case link went (a phone number, a network account), which claims the account of an
         * owner who has no login yet; good only together with that link.
         */
        CLAIM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "owner_sign_in_code_seq")
    @SequenceGenerator(name = "owner_sign_in_code_seq", sequenceName = "owner_sign_in_code_seq", allocationSize = 50)
    private Long id;

    private long customerId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String handleKey;
    private String codeHash;
    private String linkHash;
    private Long caseId;
    private int failures;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant createdAt;

    @Version
    private long version;

    protected SignInCode() {}

    /**
     * A link that signs in and opens a case; it has no code anyone could type.
     *
     * @param recipient where the link was sent privately (a claim code goes there too); null for nowhere
     */
    static SignInCode caseLink(
            long customerId,
            long caseId,
            Channel channel,
            String recipient,
            String linkToken,
            Instant expiresAt,
            Instant now) {
        var key = recipient == null || recipient.isBlank() || recipient.length() > 300
                ? "case:" + caseId
                : channel.name().toLowerCase(java.util.Locale.ROOT) + ":" + recipient.strip();
        var row = new SignInCode(customerId, channel, key, linkToken, linkToken, expiresAt, now);
        row.purpose = Purpose.CASE_LINK;
        row.caseId = caseId;
        return row;
    }

    /** A code that proves a handle being added. */
    static SignInCode addHandle(
            long customerId, Channel channel, String handleKey, String code, Instant expiresAt, Instant now) {
        var row = new SignInCode(customerId, channel, handleKey, code, null, expiresAt, now);
        row.purpose = Purpose.ADD_HANDLE;
        return row;
    }

    /** A code that claims the account from a case link; sent to the link's recipient, bound to its owner. */
    static SignInCode claim(SignInCode link, String code, Instant expiresAt, Instant now) {
        var row = new SignInCode(link.customerId, link.channel, link.handleKey, code, null, expiresAt, now);
        row.purpose = Purpose.CLAIM;
        row.caseId = link.caseId;
        return row;
    }

    SignInCode(
            long customerId,
            Channel channel,
            String handleKey,
            String code,
            String linkToken,
            Instant expiresAt,
            Instant now) {
        this.customerId = customerId;
        this.purpose = Purpose.SIGN_IN;
        this.channel = channel;
        this.handleKey = handleKey;
        this.codeHash = digest(handleKey + ":" + code);
        this.linkHash = linkToken == null ? null : digest(linkToken);
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /**
     * Tries a code: true (and the code is used up) when it matches; otherwise counts a failure and locks the code
     * after {@code maxFailures}.
     */
    boolean tryCode(String code, int maxFailures, Instant now) {
        if (!usable(now)) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(
                codeHash.getBytes(StandardCharsets.US_ASCII),
                digest(handleKey + ":" + code).getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            usedAt = now;
            return true;
        }
        failures++;
        if (failures >= maxFailures) {
            usedAt = now;
        }
        return false;
    }

    /** Uses the link up: true once, while it has not expired. */
    boolean useLink(Instant now) {
        if (!usable(now)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    Long getId() {
        return id;
    }

    Purpose getPurpose() {
        return purpose;
    }

    Channel getChannel() {
        return channel;
    }

    String getHandleKey() {
        return handleKey;
    }

    /** Where a claim code goes: the address the case link was sent to; null when the link names none. */
    String recipient() {
        if (purpose != Purpose.CASE_LINK || handleKey.startsWith("case:")) {
            return null;
        }
        return handleKey.substring(handleKey.indexOf(':') + 1);
    }

    long getCustomerId() {
        return customerId;
    }

    Long getCaseId() {
        return caseId;
    }
}
