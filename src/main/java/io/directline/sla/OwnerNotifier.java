package io.directline.sla;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.sla.clock.SlaProperties;
import io.directline.sla.notice.OwnerNotice;
import io.directline.sla.notice.OwnerNoticeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic notices to owners that we are late. An owner gets at most one per
 * {@code directline.sla.owner-notice-gap}; a notice due in the owner's quiet hours waits for them to end
 * (and is rewritten if a newer truth comes first).
 */
@Service
@Transactional(readOnly = true)
public class OwnerNotifier {

    private final OwnerNoticeRepository notices;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final SlaProperties properties;
    private final Clock clock;

    OwnerNotifier(
            OwnerNoticeRepository notices,
            CaseManagement cases,
            CustomerManagement customers,
            SlaProperties properties,
            Clock clock) {
        this.notices = notices;
        this.cases = cases;
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    /** The notices of a case, oldest first. */
    public List<OwnerNotice> ofCase(long caseId) {
        return notices.findByCaseIdOrderByIdAsc(caseId);
    }

    /** The moment a notice may reach this owner: now, or the end of their quiet hours. */
    public Instant sendableAt(Customer owner, Instant now) {
        var quiet = owner.getQuietHours();
        var zone = ZoneId.of(owner.getTimeZone());
        var local = now.atZone(zone);
        if (quiet == null || !quiet.contains(local)) {
            return now;
        }
        var end = ZonedDateTime.of(local.toLocalDate(), quiet.end(), zone);
        if (!end.toInstant().isAfter(now)) {
            end = ZonedDateTime.of(local.toLocalDate().plusDays(1), quiet.end(), zone);
        }
        return end.toInstant();
    }

    /**
     * Tells the owner of a case {@code body}: at once, after their quiet hours, or not at all when they
     * were told less than the notice gap ago. Returns the notice as recorded.
     */
    @Transactional
    public OwnerNotice tell(long caseId, String body) {
        var supportCase = cases.get(caseId);
        var owner = customers.get(supportCase.getCustomerId());
        var now = clock.instant();
        var sendAt = sendableAt(owner, now);
        var latest = notices.findLatest(owner.getId());
        if (latest.isPresent()) {
            var previous = latest.get();
            if (previous.getStatus() == OwnerNotice.Status.PENDING && previous.getCaseId() == caseId) {
                previous.rewrite(body);
                return previous;
            }
            if (previous.getSendAt().plus(properties.ownerNoticeGap()).isAfter(sendAt)) {
                return notices.save(new OwnerNotice(caseId, owner.getId(), body, sendAt, OwnerNotice.Status.SKIPPED));
            }
        }
        var notice = notices.save(new OwnerNotice(caseId, owner.getId(), body, sendAt, OwnerNotice.Status.PENDING));
        if (!sendAt.isAfter(now)) {
            send(notice, now);
        }
        return notice;
    }

    /** Sends a pending notice on the case's channel; a closed case needs no notice any more. */
    public void send(OwnerNotice notice, Instant now) {
        var supportCase = cases.get(notice.getCaseId());
        if (supportCase.getStatus() == CaseStatus.CLOSED) {
            notice.skipped();
            return;
        }
        cases.notifyOwner(
                notice.getCaseId(), notice.getBody(), new Actor("system", "Direct Line", supportCase.getChannel()));
        notice.sent(now);
    }
}
