package io.directline.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the support mailbox over IMAP. Each unseen message goes through the {@link EmailIntake}; it is
 * marked seen only once the intake's transaction has committed, so a crash in between makes the next
 * poll take it again (and the intake recognise it as a duplicate). A message whose intake fails stays
 * unseen and is tried again next poll; after {@code max-failures} attempts, or at once when it can
 * never be read (too large, not MIME), it is moved to the quarantine folder and an alert is recorded.
 * Mail no person wrote (auto-replies, bounces, list mail) is moved to the ignored folder, where someone
 * may still look. Also the {@code emailFetcher} health indicator. Longer than 300 lines because the IMAP
 * session, the seen/quarantine/ignored moves and the health they report must agree on one connection.
 */
class MailboxPoller implements SchedulingConfigurer, HealthIndicator {

    /** Messages fetched and marked seen per IMAP round. */
    private static final int FETCH_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int MAX_ALERTS = 100;

    private final EmailIntake intake;
    private final EmailProperties.Imap imap;
    private final Clock clock;
    private final Session session;
    private final Map<String, Integer> failures = new HashMap<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private volatile Instant lastPoll;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /**
     * A message that was quarantined.
     *
     * @param messageId its Message-ID header, if it has one
     */
    record Alert(Instant at, String messageId, String from, String subject, int attempts, String reason) {}

    MailboxPoller(EmailIntake intake, EmailProperties properties, Clock clock) {
        this.intake = intake;
        this.imap = properties.imap();
        this.clock = clock;
        var props = new Properties();
        for (var protocol : new String[] {"imap", "imaps"}) {
            props.put("mail." + protocol + ".peek", "true");
            props.put("mail." + protocol + ".connectiontimeout", "10000");
            props.put("mail." + protocol + ".timeout", "30000");
            props.put("mail." + protocol + ".writetimeout", "30000");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (imap.host() != null && !imap.host().isBlank()) {
            registrar.addFixedDelayTask(this::pollSafely, imap.pollInterval());
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Polling {} failed; it runs again in {}", imap.host(), imap.pollInterval(), e);
        }
    }

    /** One poll: takes in every unseen message; returns how many were taken in or ignored. */
    synchronized int poll() {
        Store store;
        try {
            store = session.getStore(imap.ssl() ? "imaps" : "imap");
            store.connect(imap.host(), imap.effectivePort(), imap.username(), imap.password());
        } catch (MessagingException e) {
            failed("Cannot connect to " + imap.host() + ":" + imap.effectivePort() + ": " + e.getMessage());
            return 0;
        }
        try {
            int done = pollFolder(store);
            lastPoll = clock.instant();
            lastError = null;
            return done;
        } catch (MessagingException | RuntimeException e) {
            failed("Polling folder " + imap.folder() + " on " + imap.host() + " failed: " + e.getMessage());
            return 0;
        } finally {
            try {
                store.close();
            } catch (MessagingException e) {
                log.debug("Closing the IMAP connection failed", e);
            }
        }
    }

    private void failed(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
        log.warn(error);
    }

    private int pollFolder(Store store) throws MessagingException {
        var inbox = store.getFolder(imap.folder());
        inbox.open(Folder.READ_WRITE);
        int done = 0;
        var toQuarantine = new ArrayList<Message>();
        var toIgnore = new ArrayList<Message>();
        try {
            var unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            var uids = inbox instanceof UIDFolder u ? u : null;
            long validity = uids == null ? 0 : uids.getUIDValidity();
            for (int from = 0; from < unseen.length; from += FETCH_BATCH) {
                var batch = Arrays.copyOfRange(unseen, from, Math.min(unseen.length, from + FETCH_BATCH));
                done += takeBatch(inbox, batch, uids, validity, toQuarantine, toIgnore);
            }
            if (!toIgnore.isEmpty()) {
                move(store, inbox, toIgnore, imap.ignoredFolder());
            }
            if (!toQuarantine.isEmpty()) {
                move(store, inbox, toQuarantine, imap.quarantineFolder());
                quarantined.addAndGet(toQuarantine.size());
            }
        } finally {
            inbox.close(true);
        }
        return done;
    }

    /**
     * Takes in a batch of unseen messages: one FETCH for their ids, sizes and contents, the intake for
     * each, then one STORE marking the committed ones seen. A crash before that STORE leaves them
     * unseen, and the next poll's intake recognises them by Message-ID, so nothing is taken twice. Mail
     * no person wrote is set aside for the ignored folder.
     */
    private int takeBatch(
            Folder inbox,
            Message[] batch,
            UIDFolder uids,
            long validity,
            List<Message> toQuarantine,
            List<Message> toIgnore)
            throws MessagingException {
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        if (inbox instanceof IMAPFolder) {
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        }
        inbox.fetch(batch, profile);
        var committed = new ArrayList<Message>();
        int done = 0;
        for (var message : batch) {
            var key = uids == null ? headerOf(message, "Message-ID") : validity + ":" + uids.getUID(message);
            try {
                var outcome = intake.take(raw(message));
                // the intake has committed: only now is the message done
                failures.remove(key);
                if (outcome instanceof EmailIntake.Ignored) {
                    toIgnore.add(message);
                    ignored.incrementAndGet();
                } else {
                    committed.add(message);
                    taken.incrementAndGet();
                }
                done++;
            } catch (MimeMessages.Rejected rejected) {
                failures.remove(key);
                toQuarantine.add(message);
                alert(message, 1, rejected.getMessage());
            } catch (MessagingException | IOException | RuntimeException e) {
                int attempts = failures.merge(key, 1, Integer::sum);
                var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (attempts >= imap.maxFailures()) {
                    failures.remove(key);
                    toQuarantine.add(message);
                    alert(message, attempts, reason);
                } else {
                    log.info(
                            "Taking in an e-mail failed (attempt {} of {}), it stays unseen: {}",
                            attempts,
                            imap.maxFailures(),
                            reason);
                }
            }
        }
        if (!committed.isEmpty()) {
            inbox.setFlags(committed.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        }
        return done;
    }

    private byte[] raw(Message message) throws MessagingException, IOException {
        int size = message.getSize();
        if (size > intake.maxMessageSize()) {
            throw intake.tooLarge(size);
        }
        var out = new ByteArrayOutputStream(Math.max(size, 1024));
        message.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Moves messages to a folder, creating it when missing: copied there, then deleted here (expunged when
     * the folder closes). A crash in between leaves a copy in both, never none.
     */
    private static void move(Store store, Folder inbox, List<Message> messages, String folderName)
            throws MessagingException {
        var folder = store.getFolder(folderName);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Cannot create the folder " + folderName);
        }
        var array = messages.toArray(Message[]::new);
        inbox.copyMessages(array, folder);
        inbox.setFlags(array, new Flags(Flags.Flag.DELETED), true);
    }

    private void alert(Message message, int attempts, String reason) {
        var alert = new Alert(
                clock.instant(),
                headerOf(message, "Message-ID"),
                headerOf(message, "From"),
                headerOf(message, "Subject"),
                attempts,
                reason);
        alerts.add(alert);
        while (alerts.size() > MAX_ALERTS) {
            alerts.remove(0);
        }
        log.warn(
                "Moved an e-mail to {} after {} failed attempt(s): {} (Message-ID {})",
                imap.quarantineFolder(),
                attempts,
                reason,
                alert.messageId());
    }

    private static String headerOf(Message message, String name) {
        try {
            var values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The quarantined messages, newest last. */
    List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public Health health() {
        var details = new LinkedHashMap<String, Object>();
        details.put("mailbox", imap.username() + "@" + imap.host() + ":" + imap.effectivePort() + "/" + imap.folder());
        if (lastPoll != null) {
            details.put("lastPoll", lastPoll.toString());
        }
        details.put("taken", taken.get());
        details.put("ignored", ignored.get());
        details.put("quarantined", quarantined.get());
        if (!alerts.isEmpty()) {
            details.put(
                    "alerts",
                    alerts.stream()
                            .map(a -> {
                                var alert = new LinkedHashMap<String, Object>();
                                alert.put("at", a.at().toString());
                                alert.put("messageId", String.valueOf(a.messageId()));
                                alert.put("from", String.valueOf(a.from()));
                                alert.put("subject", String.valueOf(a.subject()));
                                alert.put("attempts", a.attempts());
                                alert.put("reason", a.reason());
                                alert.put("folder", imap.quarantineFolder());
                                return alert;
                            })
                            .toList());
        }
        var error = lastError;
        if (error != null) {
            details.put("lastError", error);
            details.put("lastErrorAt", String.valueOf(lastErrorAt));
            return Health.down().withDetails(details).build();
        }
        if (lastPoll == null) {
            return Health.unknown().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
