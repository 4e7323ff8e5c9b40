package io.directline.sla;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.identity.UserManagement;
import io.directline.sla.promise.PromiseProblems;
import io.directline.sla.promise.PromiseRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The promises made to owners: records them, keeps them by telling the owner, and lists them per case.
 * Every method that changes state publishes its event in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Promises {

    private final PromiseRepository promises;
    private final CaseManagement cases;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Promises(
            PromiseRepository promises,
            CaseManagement cases,
            UserManagement users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.promises = promises;
        this.cases = cases;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a promise on a case. Throws a 404 problem for an unknown case, and a 400 problem when the
     * description is empty or too long, the due time is not in the future ({@code dueAt}), or the
     * responsible is not an active staff member ({@code responsible}). Never returns null.
     */
    @Transactional
    public Promise record(long caseId, String description, Instant dueAt, String responsible, Actor actor) {
        var supportCase = cases.get(caseId);
        if (description == null || description.isBlank() || description.strip().length() > Promise.MAX_DESCRIPTION) {
            throw PromiseProblems.emptyDescription();
        }
        var now = clock.instant();
        if (dueAt == null || !dueAt.isAfter(now)) {
            throw PromiseProblems.dueNotInFuture();
        }
        var who = responsible == null ? "" : responsible.strip();
        if (who.isEmpty() || users.staffMember(who).isEmpty()) {
            throw PromiseProblems.unknownResponsible(who);
        }
        var promise =
                promises.save(new Promise(supportCase.getId(), description.strip(), dueAt, who, actor.username(), now));
        events.publishEvent(new PromiseMade(
                caseId,
                promise.getId(),
                promise.getDescription(),
                who,
                promise.getDueAt(),
                actor.username(),
                promise.getCreatedAt()));
        return promise;
    }

    /**
     * Keeps a promise by sending {@code messageToOwner} to the case's owner. Throws a 404 problem for an
     * unknown case or promise, a 400 problem for an empty message, and a 409 problem when the promise is
     * no longer open or its due time has come.
     */
    @Transactional
    public Promise keep(long caseId, long promiseId, String messageToOwner, Actor actor) {
        cases.get(caseId);
        var promise = promises.findByIdAndCaseId(promiseId, caseId)
                .orElseThrow(() -> PromiseProblems.notFound(caseId, promiseId));
        if (messageToOwner == null || messageToOwner.isBlank()) {
            throw PromiseProblems.emptyMessage();
        }
        var now = clock.instant();
        promise.keep(actor.username(), now);
        var message = cases.reply(caseId, messageToOwner, null, actor);
        events.publishEvent(new PromiseKept(
                caseId, promise.getId(), message.getId(), actor.username(), promise.getDueAt(), promise.getKeptAt()));
        return promise;
    }

    /** Whether a promise on the case was broken by {@code now}: recorded, or still open past its due time. */
    public boolean brokenOn(long caseId, Instant now) {
        return promises.findByCaseIdOrderByDueAtAscIdAsc(caseId).stream()
                .anyMatch(p ->
                        p.getStatus() == PromiseStatus.BROKEN || (p.getStatus() == PromiseStatus.OPEN && p.isDue(now)));
    }

    /** A promise of a case, if it exists. */
    public Optional<Promise> find(long caseId, long promiseId) {
        return promises.findByIdAndCaseId(promiseId, caseId);
    }

    /** The promises of a case, earliest due first; a 404 problem for an unknown case. */
    public List<Promise> ofCase(long caseId) {
        cases.get(caseId);
        return promises.findByCaseIdOrderByDueAtAscIdAsc(caseId);
    }

    /** The promises of an owner's own case; a 404 problem when the case is not this owner's. */
    public List<Promise> ofOwnersCase(long caseId, long customerId) {
        cases.getForOwner(caseId, customerId);
        return promises.findByCaseIdOrderByDueAtAscIdAsc(caseId);
    }
}
