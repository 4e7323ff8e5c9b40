package io.directline.broadcast.sending;

import io.directline.channel.NoticeProgress;
import io.directline.channel.Notices;
import io.directline.customer.CustomerManagement;
import io.directline.journey.OrderSegments;
import io.directline.journey.Segment;
import io.directline.journey.SegmentMember;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Broadcasts from their making to their progress: create (once per idempotency key), preview, approve (four eyes above
 * the threshold), cancel, and where their notices stand. The fan-out itself runs off the request thread in
 * {@link FanOut}.
 */
@Service
@Transactional(readOnly = true)
public class Broadcasts {

    /** How many owners a preview shows with their personal text. */
    static final int SAMPLES = 5;

    private final BroadcastRepository broadcasts;
    private final OrderSegments segments;
    private final Notices notices;
    private final CustomerManagement customers;
    private final FanOut fanOut;
    private final BroadcastProperties properties;
    private final Clock clock;

    Broadcasts(
            BroadcastRepository broadcasts,
            OrderSegments segments,
            Notices notices,
            CustomerManagement customers,
            FanOut fanOut,
            BroadcastProperties properties,
            Clock clock) {
        this.broadcasts = broadcasts;
        this.segments = segments;
        this.notices = notices;
        this.customers = customers;
        this.fanOut = fanOut;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who does something, for the record: a staff username and the name shown. */
    public record Staff(String username, String displayName) {}

    /** One owner of a preview with their personal text (null when no template was given yet). */
    public record Sample(long customerId, String name, String orderRef, Template.Rendered text) {}

    public record Preview(long count, boolean needsSecondApproval, List<Sample> samples) {}

    /** How many owners the segment reaches and a few of them with their text; the template may be null. */
    public Preview preview(Segment segment, Template template) {
        Segments.check(segment);
        long count = segments.count(segment);
        var members = count == 0 ? List.<SegmentMember>of() : segments.page(segment, 0, SAMPLES);
        var names = customers.namesOf(
                members.stream().map(SegmentMember::customerId).toList());
        var samples = members.stream()
                .map(m -> new Sample(
                        m.customerId(),
                        names.getOrDefault(m.customerId(), "owner " + m.customerId()),
                        m.orderRef(),
                        template == null ? null : template.render(personal(m, names.get(m.customerId())))))
                .toList();
        return new Preview(count, count > properties.fourEyesAbove(), samples);
    }

    /**
     * A new broadcast awaiting approval. With an idempotency key this creator used before, the broadcast made then is
     * returned and nothing new is made. Throws a 400 problem for an empty segment (nothing is made), an unknown
     * placeholder or an impossible segment.
     */
    @Transactional
    public Created create(Segment segment, Template template, Staff creator, String idempotencyKey) {
        var key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw BroadcastProblems.invalidField(
                    "Idempotency-Key", "The Idempotency-Key is longer than 200 characters.");
        }
        if (key != null) {
            var earlier = broadcasts.findByCreatedByAndIdempotencyKey(creator.username(), key);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        Segments.check(segment);
        long count = segments.count(segment);
        if (count == 0) {
            throw BroadcastProblems.emptySegment();
        }
        var made = broadcasts.saveAndFlush(new Broadcast(
                creator.username(), creator.displayName(), key, segment, template, count, clock.instant()));
        return new Created(made, true);
    }

    /** @param isNew false when an earlier create with the same idempotency key made it */
    public record Created(Broadcast broadcast, boolean isNew) {}

    /** The broadcast an earlier create with this key made, if any (a create that lost a race to its twin). */
    public Optional<Broadcast> madeWithKey(String username, String idempotencyKey) {
        return idempotencyKey == null
                ? Optional.empty()
                : broadcasts.findByCreatedByAndIdempotencyKey(username, idempotencyKey.strip());
    }

    /**
     * Approves the broadcast and, once that is committed, starts its fan-out. Throws a 409 problem when it is not
     * awaiting approval or when its creator approves a broadcast over the four-eyes threshold, and a 400 problem when
     * its segment has become empty.
     */
    @Transactional
    public Broadcast approve(long id, Staff approver) {
        var broadcast = broadcasts.lockById(id).orElseThrow(() -> BroadcastProblems.notFound(id));
        broadcast.approve(approver.username(), new FourEyes(properties.fourEyesAbove()), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOut.start(id);
                }
            });
        }
        return broadcast;
    }

    /**
     * Cancels the broadcast: its fan-out stops at the next page, and every notice not yet sent is stopped. Throws a
     * 409 problem when it was already cancelled.
     */
    @Transactional
    public Broadcast cancel(long id, Staff by) {
        var broadcast = broadcasts.lockById(id).orElseThrow(() -> BroadcastProblems.notFound(id));
        broadcast.cancel(by.username(), clock.instant());
        notices.cancel(broadcast.source());
        return broadcast;
    }

    public Broadcast get(long id) {
        return broadcasts.findById(id).orElseThrow(() -> BroadcastProblems.notFound(id));
    }

    public List<Broadcast> newest(int limit) {
        return broadcasts.newestFirst(PageRequest.of(0, limit));
    }

    public NoticeProgress progress(Broadcast broadcast) {
        return notices.progress(broadcast.source());
    }

    /** The most owners a personal note goes to. */
    public int noteCap() {
        return properties.noteCap();
    }

    /**
     * The owners of a broadcast's segment, at most {@code limit}, for a personal note; a segment of more owners is
     * refused with a 400 problem saying how many it has, so a note never goes to a crowd by mistake.
     */
    public List<Long> ownersForNote(long broadcastId, int limit) {
        var segment = get(broadcastId).segment();
        var members = segments.page(segment, 0, limit + 1);
        if (members.size() > limit) {
            throw BroadcastProblems.invalidField(
                    "broadcastId",
                    "Broadcast " + broadcastId + " reaches more than " + limit
                            + " owners; a personal note goes to at most " + limit + ". Pick the owners by hand.");
        }
        return members.stream().map(SegmentMember::customerId).toList();
    }

    static Template.Personal personal(SegmentMember member, String name) {
        return new Template.Personal(
                Template.firstName(name), member.orderRef(), member.previousDate(), member.newDate(), member.reason());
    }
}
