package io.directline.identity.ownersignin;

import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.customer.HandleKind;
import io.directline.customer.OwnerHandles;
import io.directline.identity.DirectLineUser;
import io.directline.identity.OwnerCaseLinks;
import io.directline.identity.OwnerSignInCodeIssued;
import io.directline.identity.UserManagement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners sign in without a password: they ask for a code for an e-mail address or phone number, and if it is a
 * verified handle of an owner a six-digit code (by e-mail also a link) goes out through the channel outbox. The
 * answer to the asking is the same whether or not the handle is known. Signing in creates the owner's login when
 * they have none (claiming the account).
 */
@Service
class OwnerSignIn implements OwnerCaseLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an asking gets: nothing to tell (a code may be on its way), or a wait because of the rate limits. */
    record Asked(Optional<Duration> retryAfter) {}

    private final SignInCodeRepository codes;
    private final CustomerManagement customers;
    private final OwnerHandles handles;
    private final UserManagement users;
    private final io.directline.customer.OwnerMerges merges;
    private final SignInRequestLimit limit;
    private final OwnerSignInProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String portalUrl;

    OwnerSignIn(
            SignInCodeRepository codes,
            CustomerManagement customers,
            OwnerHandles handles,
            UserManagement users,
            io.directline.customer.OwnerMerges merges,
            SignInRequestLimit limit,
            OwnerSignInProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${directline.portal-url:http://localhost:8080}") String portalUrl) {
        this.codes = codes;
        this.customers = customers;
        this.handles = handles;
        this.users = users;
        this.merges = merges;
        this.limit = limit;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    /**
     * Sends a code when {@code handle} is a verified handle of an owner; says nothing either way. Throws
     * {@link IllegalArgumentException} with a sentence for a handle that is neither an e-mail address nor a phone
     * number (which tells nothing about any account).
     */
    @Transactional
    Asked ask(String handle, String clientAddress) {
        var parsed = Handle.parse(handle);
        var wait = limit.requestCode(parsed.key(), clientAddress);
        if (wait.isPresent()) {
            return new Asked(wait);
        }
        var code = newCode();
        var link = parsed.channel() == Channel.EMAIL ? newToken() : null;
        var now = clock.instant();
        customers.ownerOfVerifiedHandle(parsed.channel(), parsed.key()).ifPresent(owner -> {
            var row = codes.save(new SignInCode(
                    owner.getId(), parsed.channel(), parsed.key(), code, link, now.plus(properties.codeTtl()), now));
            events.publishEvent(new OwnerSignInCodeIssued(
                    row.getId(),
                    owner.getId(),
                    parsed.channel(),
                    parsed.key(),
                    "Your Direct Line sign-in code: " + code,
                    text(code, link)));
        });
        return new Asked(Optional.empty());
    }

    private String text(String code, String link) {
        long minutes = Math.max(1, properties.codeTtl().toMinutes());
        if (link == null) {
            return "Your Direct Line sign-in code is " + code + ". It is valid for " + minutes
                    + " minutes. Never share it.";
        }
        return "Hello,\n\nYour Direct Line sign-in code is " + code + ".\n\nOr follow this link to sign in: "
                + portalUrl + "/login/owner/link?t=" + link + "\n\nBoth work once, for " + minutes
                + " minutes. If you did not ask for them, ignore this message: nobody can sign in without them.";
    }

    /**
     * Signs in with the code last sent to {@code handle}; empty when the code is wrong, expired, used or locked, or
     * when the client address tried too often (a wrong code counts towards locking the code).
     */
    @Transactional
    Optional<DirectLineUser> signInWithCode(String handle, String code, String clientAddress) {
        Handle parsed;
        try {
            parsed = Handle.parse(handle);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (limit.attempt(clientAddress).isPresent()) {
            return Optional.empty();
        }
        var typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return Optional.empty();
        }
        var now = clock.instant();
        return codes.findFirstByHandleKeyAndPurposeOrderByCreatedAtDescIdDesc(parsed.key(), SignInCode.Purpose.SIGN_IN)
                .filter(row -> row.tryCode(typed, properties.maxCodeFailures(), now))
                .map(row -> users.ownerLogin(row.getCustomerId()))
                .filter(DirectLineUser::isEnabled);
    }

    /** Who a link signed in, and the case it opens (null for a plain sign-in link). */
    record FollowedLink(DirectLineUser user, Long caseId) {}

    /**
     * Signs in with a link's token: once, before it expires; empty otherwise (unknown, forged, used, expired, or the
     * client address tried too often).
     */
    @Transactional
    Optional<FollowedLink> signInWithLink(String token, String clientAddress) {
        if (token == null
                || token.length() != 43
                || limit.attempt(clientAddress).isPresent()) {
            return Optional.empty();
        }
        var now = clock.instant();
        return codes.findByLinkHash(SignInCode.digest(token))
                .filter(row -> !needsClaim(row))
                .filter(row -> row.useLink(now))
                .map(row -> new FollowedLink(users.ownerLogin(row.getCustomerId()), row.getCaseId()))
                .filter(followed -> followed.user().isEnabled());
    }

    @Override
    @Transactional
    public String caseLink(long customerId, long caseId, Channel via, String recipient) {
        var token = newToken();
        var now = clock.instant();
        codes.save(SignInCode.caseLink(
                customerId,
                caseId,
                via == null ? Channel.PORTAL : via,
                recipient,
                token,
                now.plus(properties.caseLinkTtl()),
                now));
        return portalUrl + "/login/owner/link?t=" + token;
    }

    /** What a link's page offers: nothing (spent), to sign in, or to claim the account with a code. */
    enum Offer {
        SPENT,
        SIGN_IN,
        CLAIM
    }

    /**
     * A link as its page shows it.
     *
     * @param where for {@link Offer#CLAIM}, where the code goes, as the owner knows it ("your X account @sam")
     */
    record LinkView(Offer offer, String where) {}

    /** Looks at a link without using it (a mail scanner or a preview opening it changes nothing). */
    @Transactional(readOnly = true)
    LinkView look(String token) {
        var link = usableLink(token);
        if (link.isEmpty()) {
            return new LinkView(Offer.SPENT, null);
        }
        return needsClaim(link.get())
                ? new LinkView(Offer.CLAIM, where(link.get()))
                : new LinkView(Offer.SIGN_IN, null);
    }

    /**
     * Sends a code that claims the account to where the case link went (the X or Mastodon account by private
     * message, the phone by SMS). Empty when the link is spent or claims nothing; otherwise what the asking got (a
     * wait when asked too often for this recipient or from this address).
     */
    @Transactional
    Optional<Asked> sendClaimCode(String token, String clientAddress) {
        var link = usableLink(token).filter(this::needsClaim);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        var wait = limit.requestCode(link.get().getHandleKey(), clientAddress);
        if (wait.isPresent()) {
            return Optional.of(new Asked(wait));
        }
        var code = newCode();
        var now = clock.instant();
        var row = codes.save(SignInCode.claim(link.get(), code, now.plus(properties.codeTtl()), now));
        events.publishEvent(new OwnerSignInCodeIssued(
                row.getId(),
                row.getCustomerId(),
                link.get().getChannel(),
                link.get().recipient(),
                "Your Direct Line code: " + code,
                "Your Direct Line code is " + code + ". It opens your account and your case, once, for "
                        + Math.max(1, properties.codeTtl().toMinutes())
                        + " minutes. Never share it: we never ask for it."));
        return Optional.of(new Asked(Optional.empty()));
    }

    /** How claiming went: signed in, a wrong (expired, used, locked) code, or a spent link. */
    record Claimed(Optional<FollowedLink> followed, boolean linkSpent) {}

    /**
     * Claims the account with the link and the code sent for it: creates the owner's login, uses the link up and
     * returns who is signed in and the case to open. A wrong code counts towards locking it.
     */
    @Transactional
    Claimed claim(String token, String code, String clientAddress) {
        var link = usableLink(token).filter(this::needsClaim);
        if (link.isEmpty()) {
            return new Claimed(Optional.empty(), true);
        }
        var typed = code == null ? "" : code.replaceAll("\\s", "");
        if (limit.attempt(clientAddress).isPresent() || !typed.matches("\\d{6}")) {
            return new Claimed(Optional.empty(), false);
        }
        var now = clock.instant();
        var owner = link.get().getCustomerId();
        var proven = codes.findFirstByHandleKeyAndPurposeOrderByCreatedAtDescIdDesc(
                        link.get().getHandleKey(), SignInCode.Purpose.CLAIM)
                .filter(row -> row.getCustomerId() == owner)
                .filter(row -> row.tryCode(typed, properties.maxCodeFailures(), now));
        if (proven.isEmpty() || !link.get().useLink(now)) {
            return new Claimed(Optional.empty(), false);
        }
        var user = users.ownerLogin(owner);
        return user.isEnabled()
                ? new Claimed(Optional.of(new FollowedLink(user, link.get().getCaseId())), false)
                : new Claimed(Optional.empty(), true);
    }

    private Optional<SignInCode> usableLink(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        var now = clock.instant();
        return codes.findByLinkHash(SignInCode.digest(token)).filter(row -> row.usable(now));
    }

    /** A case link sent somewhere a code can follow, to an owner who has no login yet: claimed with a code. */
    private boolean needsClaim(SignInCode link) {
        return link.getPurpose() == SignInCode.Purpose.CASE_LINK
                && link.recipient() != null
                && !users.hasOwnerLogin(link.getCustomerId());
    }

    private String where(SignInCode link) {
        var owner = customers.get(link.getCustomerId());
        return switch (link.getChannel()) {
            case X ->
                "by direct message to your X account"
                        + shown("@", owner.getSocialHandles().get("x"));
            case MASTODON ->
                "by direct message to your Mastodon account"
                        + shown("@", owner.getSocialHandles().get("mastodon"));
            case SMS, PHONE -> {
                var digits = link.recipient().replaceAll("\\D", "");
                yield "by SMS to your phone number"
                        + (digits.length() >= 4 ? " ending in " + digits.substring(digits.length() - 2) : "");
            }
            default -> "to where we sent you this link";
        };
    }

    private static String shown(String prefix, String handle) {
        if (handle == null || handle.isBlank()) {
            return "";
        }
        var h = handle.strip();
        return " " + (h.startsWith(prefix) ? h : prefix + h);
    }

    /**
     * What adding a handle came to: the handle (unproven, a code on its way; or proven already), a wait (asked too
     * often), or a refusal because the handle is another owner's (staff get a merge suggestion).
     */
    record Adding(io.directline.customer.Handle handle, Optional<Duration> retryAfter, boolean elsewhere) {}

    /**
     * Adds an e-mail address or phone number to the owner's handles, unproven, and sends a code to it. The rate limits
     * per handle and per client address come first, before the handle is looked up, so a refusal for asking too often
     * says nothing about the handle. A handle the owner has proven already is returned as it is. A handle of another
     * owner is refused and becomes a merge suggestion for staff: owners never merge themselves. Throws {@link
     * IllegalArgumentException} with a sentence for another kind, or a value that is no handle of the kind.
     *
     * @param kind EMAIL or PHONE; null to tell from the value
     */
    @Transactional
    Adding addHandle(long customerId, HandleKind kind, String value, String clientAddress) {
        if (kind != null && kind != HandleKind.EMAIL && kind != HandleKind.PHONE) {
            throw new IllegalArgumentException("Only an e-mail address or a phone number can be proven with a code; "
                    + kind + " accounts are proven when their owner writes from them.");
        }
        var parsed = Handle.parse(value);
        var channel = parsed.channel();
        if (kind != null && channel != (kind == HandleKind.EMAIL ? Channel.EMAIL : Channel.SMS)) {
            throw new IllegalArgumentException("'" + Handle.abbreviate(value.strip()) + "' is not "
                    + (kind == HandleKind.EMAIL ? "an e-mail address." : "a phone number."));
        }
        var handleKind = channel == Channel.EMAIL ? HandleKind.EMAIL : HandleKind.PHONE;
        var wait = limit.requestCode(parsed.key(), clientAddress);
        if (wait.isPresent()) {
            return new Adding(null, wait, false);
        }
        var known = handles.findByHandle(handleKind, value);
        if (known.isPresent() && known.get().customerId() != customerId) {
            merges.suggest(
                    customerId,
                    known.get().customerId(),
                    "they asked to add "
                            + (handleKind == HandleKind.EMAIL ? "the e-mail address " : "the phone number ")
                            + known.get().value() + " to their account, and it is the other owner's");
            return new Adding(null, Optional.empty(), true);
        }
        if (known.isPresent() && known.get().verified()) {
            return new Adding(known.get(), Optional.empty(), false);
        }
        var handle = handles.addHandle(customerId, handleKind, value, false);
        var code = newCode();
        var now = clock.instant();
        var row = codes.save(
                SignInCode.addHandle(customerId, channel, parsed.key(), code, now.plus(properties.codeTtl()), now));
        events.publishEvent(new OwnerSignInCodeIssued(
                row.getId(),
                customerId,
                channel,
                handle.value(),
                "Your Direct Line code: " + code,
                "Your Direct Line code is " + code + ". It adds this "
                        + (channel == Channel.EMAIL ? "address" : "number")
                        + " to your account and is valid for "
                        + Math.max(1, properties.codeTtl().toMinutes())
                        + " minutes. If you did not ask for it, ignore this message."));
        return new Adding(handle, Optional.empty(), false);
    }

    /** The sentence for a handle that is another owner's: it names no one, and says what happens next. */
    static String elsewhere(String value) {
        return "'" + Handle.abbreviate(value.strip()) + "' is already on another account with us, so it cannot be"
                + " added to yours. We never join accounts on our own: our staff will check whether both are yours"
                + " and, if so, join them and let you know.";
    }

    /**
     * Proves one of the owner's handles with the code sent to it. Empty when the owner has no handle with this id;
     * a handle that is not verified after the call means the code was wrong, expired, used or locked.
     */
    @Transactional
    Optional<io.directline.customer.Handle> verifyHandle(long customerId, long handleId, String code) {
        var handle = handles.handlesOf(customerId).stream()
                .filter(h -> h.id() == handleId)
                .findFirst();
        if (handle.isEmpty() || handle.get().verified()) {
            return handle;
        }
        var typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return handle;
        }
        var now = clock.instant();
        var proven = codes.findFirstByHandleKeyAndPurposeOrderByCreatedAtDescIdDesc(
                        handle.get().lookupKey(), SignInCode.Purpose.ADD_HANDLE)
                .filter(row -> row.getCustomerId() == customerId)
                .filter(row -> row.tryCode(typed, properties.maxCodeFailures(), now));
        if (proven.isEmpty()) {
            return handle;
        }
        return Optional.of(handles.markVerified(
                customerId, handle.get().kind(), handle.get().value()));
    }

    Duration codeTtl() {
        return properties.codeTtl();
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** 256 random bits, URL-safe (43 characters). */
    private static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An e-mail address or a phone number as typed, and the key it is looked up by. */
    record Handle(Channel channel, String key) {

        static Handle parse(String typed) {
            var value = typed == null ? "" : typed.strip();
            if (value.isEmpty() || value.length() > 320) {
                throw new IllegalArgumentException("Enter the e-mail address or phone number of your account.");
            }
            if (value.contains("@")) {
                if (!value.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
                    throw new IllegalArgumentException("'" + abbreviate(value) + "' is not an e-mail address.");
                }
                return new Handle(Channel.EMAIL, CustomerManagement.handleKey(Channel.EMAIL, value));
            }
            if (!value.matches("\\+?[\\d ().-]{7,30}")) {
                throw new IllegalArgumentException(
                        "'" + abbreviate(value) + "' is neither an e-mail address nor a phone number.");
            }
            return new Handle(Channel.SMS, CustomerManagement.handleKey(Channel.SMS, value));
        }

        static String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
