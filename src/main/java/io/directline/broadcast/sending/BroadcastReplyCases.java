package io.directline.broadcast.sending;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseNoticeLinks;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import io.directline.channel.NoticeReplyCases;
import io.directline.customer.Channel;
import io.directline.journey.OrderSegments;
import io.directline.journey.SegmentMember;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case an owner's reply to a broadcast threads into: one per owner and broadcast, opened by their first reply
 * with the notice they got as its first message ("Re: " its subject), about the order the broadcast told them of,
 * held by nobody so it waits in the queue; reused by later replies while it is not closed. The staff case page names
 * the broadcast.
 */
@Component
class BroadcastReplyCases implements NoticeReplyCases, CaseNoticeLinks {

    private static final Pattern SOURCE = Pattern.compile("broadcast:(\\d{1,18})");

    private final BroadcastRepository broadcasts;
    private final OrderSegments segments;
    private final CaseManagement cases;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BroadcastReplyCases(
            BroadcastRepository broadcasts,
            OrderSegments segments,
            CaseManagement cases,
            DataSource dataSource,
            Clock clock) {
        this.broadcasts = broadcasts;
        this.segments = segments;
        this.cases = cases;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public Optional<Long> caseFor(RepliedNotice notice) {
        var matcher = SOURCE.matcher(notice.source());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var broadcast = broadcasts.findById(Long.parseLong(matcher.group(1))).orElse(null);
        if (broadcast == null) {
            return Optional.empty();
        }
        long owner = notice.customerId();
        var earlier = jdbc.queryForList(
                "select case_id from broadcast_reply_case where broadcast_id = ? and customer_id = ?",
                Long.class,
                broadcast.getId(),
                owner);
        if (!earlier.isEmpty()) {
            var open = cases.findForOwner(earlier.get(0), owner).filter(c -> c.getStatus() != CaseStatus.CLOSED);
            if (open.isPresent()) {
                return Optional.of(open.get().getId());
            }
        }
        var orderRef = orderOf(broadcast, owner);
        var opened = cases.openFromCompany(
                owner,
                subject(notice.subject()),
                notice.text(),
                null,
                null,
                orderRef,
                new Actor(broadcast.getCreatedBy(), broadcast.getCreatedByName(), Channel.PORTAL));
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (earlier.isEmpty()) {
            // a reply of the same owner taken in at the same moment collides on the key: the caller's retry reuses it
            jdbc.update(
                    "insert into broadcast_reply_case (broadcast_id, customer_id, case_id, order_ref, opened_at)"
                            + " values (?, ?, ?, ?, ?)",
                    broadcast.getId(),
                    owner,
                    opened.getId(),
                    orderRef,
                    now);
        } else {
            jdbc.update(
                    "update broadcast_reply_case set case_id = ?, opened_at = ? where broadcast_id = ?"
                            + " and customer_id = ? and case_id = ?",
                    opened.getId(),
                    now,
                    broadcast.getId(),
                    owner,
                    earlier.get(0));
        }
        return Optional.of(opened.getId());
    }

    /** The order of this owner the broadcast's segment reaches (its first, as the notice named it), if any. */
    private String orderOf(Broadcast broadcast, long owner) {
        return segments.page(broadcast.segment(), owner - 1, 1).stream()
                .filter(m -> m.customerId() == owner)
                .map(SegmentMember::orderRef)
                .findFirst()
                .orElse(null);
    }

    static String subject(String noticeSubject) {
        var subject = "Re: " + noticeSubject.strip();
        return subject.length() > SupportCase.MAX_SUBJECT
                ? subject.substring(0, SupportCase.MAX_SUBJECT - 1) + "…"
                : subject;
    }

    @Override
    public Optional<CaseNotice> noticeOf(SupportCase supportCase) {
        var ids = jdbc.queryForList(
                "select broadcast_id from broadcast_reply_case where case_id = ?", Long.class, supportCase.getId());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0);
        var subject = broadcasts.findById(id).map(Broadcast::getSubject).orElse("");
        return Optional.of(new CaseNotice(
                "broadcast #" + id + (subject.isBlank() ? "" : " “" + subject + "”"), "/supervisor/broadcasts/" + id));
    }
}
