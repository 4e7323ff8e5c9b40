package io.directline.cases.audit;

import io.directline.cases.Actor;
import io.directline.cases.CaseStatus;
import io.directline.cases.CaseStatusChanged;
import io.directline.cases.SupportCase;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes a case's audit trail, and publishes a status change with the line that records it. */
@Component
public class CaseTrail {

    private final CaseAuditRepository audit;
    private final ApplicationEventPublisher events;

    CaseTrail(CaseAuditRepository audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    /** One line on the case's trail; {@code detail} may be null. */
    public void record(SupportCase supportCase, Instant now, Actor actor, String action, String detail) {
        audit.save(new CaseAudit(supportCase.getId(), now, actor, action, detail));
    }

    /** Lines written before, such as those of imported cases, stored as they are. */
    public void recordAll(List<CaseAudit> lines) {
        audit.saveAll(lines);
    }

    /**
     * Records and publishes the move from status {@code from} to the case's status now, with {@code why} (may be
     * null) after it; nothing when the status did not change.
     */
    public void statusChanged(SupportCase supportCase, CaseStatus from, Instant now, Actor actor, String why) {
        if (from == supportCase.getStatus()) {
            return;
        }
        record(
                supportCase,
                now,
                actor,
                "STATUS_CHANGED",
                from + " → " + supportCase.getStatus() + (why == null ? "" : " (" + why + ")"));
        events.publishEvent(
                new CaseStatusChanged(supportCase.getId(), from, supportCase.getStatus(), actor.username(), now));
    }
}
