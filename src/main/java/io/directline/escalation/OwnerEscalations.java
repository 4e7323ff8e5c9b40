package io.directline.escalation;

import io.directline.cases.Actor;
import io.directline.escalation.office.EscalationRequests;
import io.directline.escalation.office.ExecutiveEscalation;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The executive escalation as other modules may start it for an owner — the demo data, an import — through the
 * same guard as the owner's button, so nothing the guard refuses is made.
 */
@Service
public class OwnerEscalations {

    private final EscalationRequests requests;

    OwnerEscalations(EscalationRequests requests) {
        this.requests = requests;
    }

    /**
     * Takes the owner's case to an executive of {@code domain} with {@code reason}, as {@code owner}. Returns the
     * escalation's id, or empty when the guard refused (the refused attempt is recorded like any other). Throws a
     * 404 problem for another owner's case and a 400 problem for an unknown domain.
     */
    public Optional<Long> escalate(long caseId, long customerId, String reason, String domain, Actor owner) {
        var result = requests.request(caseId, customerId, reason, domain, null, owner);
        return Optional.ofNullable(result.escalation()).map(ExecutiveEscalation::getId);
    }
}
