package io.directline.broadcast.note;

import io.directline.broadcast.sending.BroadcastProblems;
import io.directline.broadcast.sending.Broadcasts;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An executive's personal notes: to one owner or a short list (picked by hand or the owners of a small broadcast's
 * segment), each signed by the executive, delivered as a notice on the owner's channel, with a case held by the
 * executive in the executive office so the owner's reply reaches them.
 */
@Service
@Transactional(readOnly = true)
class PersonalNotes {

    static final String OFFICE_TEAM = "executive-office";
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 10_000;

    private final PersonalNoteRepository notes;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Notices notices;
    private final Broadcasts broadcasts;
    private final Clock clock;

    PersonalNotes(
            PersonalNoteRepository notes,
            CaseManagement cases,
            CustomerManagement customers,
            Notices notices,
            Broadcasts broadcasts,
            Clock clock) {
        this.notes = notes;
        this.cases = cases;
        this.customers = customers;
        this.notices = notices;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    /** The signature under every note: the executive's name and where a reply goes. */
    static String signed(String body, String name) {
        return body.strip() + "\n\n— " + name + "\nExecutive office";
    }

    /**
     * Sends the note to each owner (by hand) or to the owners of a broadcast's segment. Throws a 400 problem for an
     * empty subject or text, no owner, an unknown owner, more owners than the cap, or a broadcast whose segment is
     * larger than the cap.
     */
    @Transactional
    List<PersonalNote> send(List<Long> customerIds, Long broadcastId, String subject, String body, DirectLineUser by) {
        return send(customerIds, broadcastId, subject, body, by, null).notes();
    }

    /** @param isNew false when an earlier send of this executive with the same idempotency key made them */
    record Sent(List<PersonalNote> notes, boolean isNew) {}

    /**
     * As {@link #send(List, Long, String, String, DirectLineUser)}; with an idempotency key this executive used
     * before, the notes made then are returned and nothing is sent again. Throws a 400 problem for a key over 200
     * characters as well.
     */
    @Transactional
    Sent send(
            List<Long> customerIds,
            Long broadcastId,
            String subject,
            String body,
            DirectLineUser by,
            String idempotencyKey) {
        var key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw BroadcastProblems.invalidField(
                    "Idempotency-Key", "The Idempotency-Key is longer than 200 characters.");
        }
        if (key != null) {
            var earlier = madeWithKey(by.getUsername(), key);
            if (!earlier.isEmpty()) {
                return new Sent(earlier, false);
            }
        }
        var title = required(subject, "subject", MAX_SUBJECT);
        var text = required(body, "body", MAX_BODY);
        int cap = broadcasts.noteCap();
        var owners = new LinkedHashSet<Long>();
        if (customerIds != null) {
            owners.addAll(
                    customerIds.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (broadcastId != null) {
            owners.addAll(broadcasts.ownersForNote(broadcastId, cap));
        }
        if (owners.isEmpty()) {
            throw BroadcastProblems.invalidField("customerIds", "Please pick at least one owner to write to.");
        }
        if (owners.size() > cap) {
            throw BroadcastProblems.invalidField(
                    "customerIds",
                    "A personal note goes to at most " + cap + " owners; you picked " + owners.size() + ".");
        }
        for (long id : owners) {
            if (!customers.exists(id)) {
                throw BroadcastProblems.invalidField("customerIds", "There is no owner with id " + id + ".");
            }
        }
        var actor = Actor.of(by, Channel.PORTAL);
        var signedText = signed(text, by.displayName());
        // as the database keeps it, so a repeated send answers exactly what the first did
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var made = new ArrayList<PersonalNote>();
        for (long owner : owners) {
            var supportCase = cases.openFromCompany(owner, title, signedText, by.getUsername(), OFFICE_TEAM, actor);
            made.add(new PersonalNote(
                    by.getUsername(),
                    by.displayName(),
                    owner,
                    broadcastId,
                    supportCase.getId(),
                    title,
                    signedText,
                    key,
                    now));
        }
        var saved = notes.saveAllAndFlush(made);
        var source = "note:" + saved.get(0).getId();
        notices.queueAll(saved.stream()
                .map(n -> new Notice(
                        n.getCustomerId(),
                        source,
                        title,
                        signedText,
                        null,
                        by.displayName() + ", Executive office",
                        n.getCaseId(),
                        source + ":" + n.getCustomerId()))
                .toList());
        return new Sent(saved, true);
    }

    /** The notes an earlier send of this executive with this key made (one per owner), empty if none. */
    List<PersonalNote> madeWithKey(String username, String idempotencyKey) {
        return idempotencyKey == null
                ? List.of()
                : notes.findByAuthorAndIdempotencyKeyOrderById(username, idempotencyKey.strip());
    }

    List<PersonalNote> writtenBy(String username, int limit) {
        return notes.findByAuthorOrderByCreatedAtDescIdDesc(username, PageRequest.of(0, limit));
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw BroadcastProblems.invalidField(
                    field, field.equals("subject") ? "Please write a subject." : "Please write your note.");
        }
        var stripped = value.strip();
        if (stripped.length() > max) {
            throw BroadcastProblems.invalidField(
                    field, "The " + field + " is " + stripped.length() + " characters; at most " + max + ".");
        }
        return stripped;
    }
}
