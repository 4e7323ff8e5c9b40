package io.directline.escalation;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseProblems;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.ladder.EscalationLadder;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.OwnerNotifier;
import io.directline.sla.PromiseBroken;
import io.directline.sla.PromiseStatus;
import io.directline.sla.Promises;
import io.directline.sla.SlaClockService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owners' executive escalations: the guard decides each attempt, an allowed one is routed by domain to a named
 * executive who owes the owner a personal first response, and the executive office answers, hands back, closes,
 * approves, refuses or marks it frivolous. Every attempt, and every step of every escalation, is kept.
 */
@Service
@Transactional(readOnly = true)
class ExecutiveEscalations {

    /** The domains an owner may pick when none are configured, and always offered. */
    static final List<String> DEFAULT_DOMAINS = List.of("delivery", "service", "billing", "product");

    static final String DEFAULT_DOMAIN = "service";

    private static final int LOCK_ATTEMPTS = 5;

    /** What became of one request: the guard's verdict and the escalation it made (or, for a repeat, had made). */
    record Outcome(Verdict verdict, ExecutiveEscalation escalation, boolean repeated) {}

    /** What the owner's page shows before they press the button. */
    record Eligibility(Verdict verdict, Optional<ExecutiveEscalation> open, List<ExecutiveEscalation> all) {}

    private final ExecutiveEscalationRepository escalations;
    private final AttemptRecordRepository attempts;
    private final EscalationStepRepository steps;
    private final EscalatingOwnerRepository owners;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final SlaClockService clocks;
    private final Promises promises;
    private final EscalationLadder ladder;
    private final OwnerNotifier notices;
    private final EscalationGuard guard;
    private final EscalationProperties properties;
    private final JsonMapper json;
    private final TransactionTemplate write;
    private final TransactionTemplate writeAlone;
    private final Clock clock;

    ExecutiveEscalations(
            ExecutiveEscalationRepository escalations,
            AttemptRecordRepository attempts,
            EscalationStepRepository steps,
            EscalatingOwnerRepository owners,
            CaseManagement cases,
            CustomerManagement customers,
            UserManagement users,
            SlaClockService clocks,
            Promises promises,
            EscalationLadder ladder,
            OwnerNotifier notices,
            EscalationGuard guard,
            EscalationProperties properties,
            JsonMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.escalations = escalations;
        this.attempts = attempts;
        this.steps = steps;
        this.owners = owners;
        this.cases = cases;
        this.customers = customers;
        this.users = users;
        this.clocks = clocks;
        this.promises = promises;
        this.ladder = ladder;
        this.notices = notices;
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.write = new TransactionTemplate(transactions);
        this.writeAlone = new TransactionTemplate(transactions);
        this.writeAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The domains an owner may choose: the usual four and every configured one. */
    List<String> domains() {
        var all = new LinkedHashSet<>(DEFAULT_DOMAINS);
        properties.domains().keySet().forEach(d -> all.add(d.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(all);
    }

    int minReasonLength() {
        return properties.minReasonLength();
    }

    /**
     * Whether the owner could escalate the case now, before they write a reason: the guard asked with a reason
     * long enough, so only what the owner cannot fix by typing shows. A 404 problem for another owner's case.
     */
    Eligibility eligibility(long caseId, long customerId) {
        var now = clock.instant();
        var verdict = guard.check(gather(caseId, customerId, "x".repeat(properties.minReasonLength()), now));
        if (verdict.refusal() != null && verdict.refusal().rule().equals(OwnersCase.NAME)) {
            throw CaseProblems.caseNotFound(caseId);
        }
        var all = escalations.findByCaseIdOrderByRequestedAtAscIdAsc(caseId);
        var open = all.stream().filter(e -> e.getState().isOpen()).reduce((a, b) -> b);
        return new Eligibility(verdict, open, all);
    }

    /**
     * An owner's attempt to take their case to an executive. The owner's attempts are decided one at a time (their
     * row is locked), so parallel attempts cannot beat the quota; the attempt is recorded whether allowed or
     * refused. A repeat with the same idempotency key gives the first attempt's escalation again. Throws a 404
     * problem for another owner's case and a 400 problem for an unknown domain or a key over 200 characters; a refusal is
     * in the outcome.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // each try is a transaction of its own
    Outcome request(long caseId, long customerId, String reason, String domain, String idempotencyKey, Actor actor) {
        var chosen = domain == null || domain.isBlank()
                ? DEFAULT_DOMAIN
                : domain.strip().toLowerCase(Locale.ROOT);
        if (!domains().contains(chosen)) {
            throw EscalationProblems.unknownDomain(domain, domains());
        }
        var key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > AttemptRecord.MAX_IDEMPOTENCY_KEY) {
            throw EscalationProblems.invalidField(
                    "requestKey",
                    "The request key has at most " + AttemptRecord.MAX_IDEMPOTENCY_KEY + " characters; this one has "
                            + key.length() + ".");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ensureOwnerRow(customerId);
                return write.execute(tx -> decide(caseId, customerId, reason, chosen, key, actor));
            } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
                // another attempt of this owner held the lock too long, or recorded the same key first
                if (attempt == LOCK_ATTEMPTS) {
                    throw EscalationProblems.busy();
                }
            }
        }
    }

    /**
     * The escalation an earlier attempt with this key made, if any. A key whose attempt was refused is spent: the
     * owner may fix what was refused and send the same request again, which is decided afresh.
     */
    private Optional<Outcome> repeat(long customerId, String key) {
        return attempts.findByCustomerIdAndIdempotencyKey(customerId, key)
                .filter(a -> a.getEscalationId() != null)
                .flatMap(a -> escalations.findById(a.getEscalationId()))
                .map(e -> new Outcome(null, e, true));
    }

    private void ensureOwnerRow(long customerId) {
        if (owners.existsById(customerId)) {
            return;
        }
        try {
            writeAlone.executeWithoutResult(
                    tx -> owners.saveAndFlush(new EscalatingOwner(customerId, clock.instant())));
        } catch (DataIntegrityViolationException raced) {
            // a parallel attempt of the same owner created it: it exists now, which is all we need
        }
    }

    private Outcome decide(long caseId, long customerId, String reason, String domain, String requestKey, Actor actor) {
        var owner = owners.lock(customerId).orElseThrow();
        // under the owner's lock, so two requests with one key cannot both pass
        var key = requestKey;
        if (key != null) {
            var repeated = repeat(customerId, key);
            if (repeated.isPresent()) {
                return repeated.get();
            }
            if (attempts.findByCustomerIdAndIdempotencyKey(customerId, key).isPresent()) {
                key = null;
            }
        }
        var now = clock.instant();
        var attempt = gather(caseId, customerId, reason, now);
        var verdict = guard.check(attempt);
        if (!attempt.ownersCase()) {
            // another owner's case: nothing about it is recorded
            return new Outcome(verdict, null, false);
        }
        owner.attempted(now);
        ExecutiveEscalation made = null;
        if (verdict.allowed()) {
            var startsIn = verdict.startsIn();
            var executive = startsIn == EscalationState.OPEN ? executiveFor(domain) : null;
            made = escalations.save(new ExecutiveEscalation(
                    caseId, customerId, domain, reason, attempt.companyFailed(), startsIn, now));
            step(
                    made,
                    now,
                    actor.username(),
                    EscalationStep.Kind.REQUESTED,
                    "The owner escalated: " + made.getReason());
            if (executive != null) {
                route(made, executive, now);
            } else {
                var why = verdict.decisionOf(PreApproval.NAME)
                        .map(Decision::reason)
                        .orElse("");
                step(made, now, "system", EscalationStep.Kind.AWAITING_APPROVAL, why);
            }
        }
        attempts.save(new AttemptRecord(
                customerId, caseId, now, verdict, decisionsJson(verdict), made == null ? null : made.getId(), key));
        return new Outcome(verdict, made, false);
    }

    private Attempt gather(long caseId, long customerId, String reason, Instant now) {
        var owner = customers.get(customerId);
        var zone = ZoneId.of(owner.getTimeZone());
        var found = cases.findForOwner(caseId, customerId);
        if (found.isEmpty()) {
            return Attempt.onAnotherOwnersCase(now, caseId, reason, zone);
        }
        SupportCase supportCase = found.get();
        var since = now.minus(properties.quotaWindow());
        var previous =
                escalations
                        .findByCustomerIdAndRequestedAtGreaterThanEqualOrderByRequestedAtDesc(customerId, since)
                        .stream()
                        .map(ExecutiveEscalation::past)
                        .toList();
        // open escalations of the case matter whenever they were made
        var openOnCase = escalations.findByCaseIdOrderByRequestedAtAscIdAsc(caseId).stream()
                .filter(e -> e.getState().isOpen() && e.getRequestedAt().isBefore(since))
                .map(ExecutiveEscalation::past)
                .toList();
        var all = new ArrayList<>(previous);
        all.addAll(openOnCase);
        var failed = clocks.breachedOn(caseId, now) || promises.brokenOn(caseId, now);
        return new Attempt(
                now, caseId, true, supportCase.getStatus(), supportCase.getCreatedAt(), failed, all, reason, zone);
    }

    /** The executive of a domain: the configured one when they are an executive, else the first executive. */
    private StaffMember executiveFor(String domain) {
        var configured = properties.domains().entrySet().stream()
                .filter(e -> e.getKey().strip().equalsIgnoreCase(domain))
                .map(e -> e.getValue().strip())
                .findFirst()
                .flatMap(users::staffMember)
                .filter(s -> s.roles().contains(Role.EXECUTIVE));
        return configured
                .or(() -> users.withRole(Role.EXECUTIVE).stream().findFirst())
                .orElseThrow(EscalationProblems::noExecutive);
    }

    private void route(ExecutiveEscalation escalation, StaffMember executive, Instant now) {
        escalation.routeTo(executive.username(), properties.firstResponse(), now);
        var caseId = escalation.getCaseId();
        ladder.toExecutive(
                caseId, executive.username(), "The owner took the case to an executive: " + escalation.getReason());
        var supportCase = cases.get(caseId);
        var system = Actor.system(supportCase.getChannel());
        var promise = promises.record(
                caseId,
                "A personal answer from " + executive.displayName() + " to the owner's executive escalation",
                escalation.getFirstResponseDue(),
                executive.username(),
                system);
        escalation.promised(promise.getId());
        var zone = ZoneId.of(customers.get(supportCase.getCustomerId()).getTimeZone());
        var due = Wording.time(escalation.getFirstResponseDue(), zone);
        step(
                escalation,
                now,
                "system",
                EscalationStep.Kind.ROUTED,
                "Routed to " + executive.displayName() + " (" + escalation.getDomain() + "); personal answer due by "
                        + due + ".");
        cases.notifyOwner(
                caseId,
                "Your case " + supportCase.reference() + " is now with " + executive.displayName()
                        + ", our executive for " + escalation.getDomain() + ", who will answer you personally by "
                        + due + ".",
                system);
    }

    private void step(ExecutiveEscalation escalation, Instant at, String actor, EscalationStep.Kind kind, String text) {
        steps.save(new EscalationStep(escalation, at, actor, kind, text));
    }

    private String decisionsJson(Verdict verdict) {
        var list = new ArrayList<Map<String, Object>>();
        for (var d : verdict.decisions()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("rule", d.rule());
            map.put("outcome", d.outcome().name());
            map.put("reason", d.reason());
            if (d.retryAfter() != null) {
                map.put("retryAfter", d.retryAfter().toString());
            }
            list.add(map);
        }
        return json.writeValueAsString(list);
    }

    // ---- the executive office ----

    /** EscalationLadder in {@code states}, the most pressing first. */
    List<ExecutiveEscalation> queue(Set<EscalationState> states, int limit) {
        return escalations.queue(states, PageRequest.of(0, limit));
    }

    /** A 404 problem for an unknown case. */
    void requireCase(long caseId) {
        cases.get(caseId);
    }

    ExecutiveEscalation get(long id) {
        return escalations.findById(id).orElseThrow(() -> EscalationProblems.notFound(id));
    }

    List<ExecutiveEscalation> ofCase(long caseId) {
        return escalations.findByCaseIdOrderByRequestedAtAscIdAsc(caseId);
    }

    List<EscalationStep> trailOf(long caseId) {
        return steps.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    List<AttemptRecord> attemptsOn(long caseId) {
        return attempts.findByCaseIdOrderByAtAscIdAsc(caseId);
    }

    /** The executive office lets an escalation awaiting approval through: it is routed like any other. */
    @Transactional
    ExecutiveEscalation approve(long id, Actor actor) {
        var escalation = get(id);
        escalation.requirePending();
        var now = clock.instant();
        step(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.APPROVED,
                "Approved by " + actor.displayName() + ".");
        route(escalation, executiveFor(escalation.getDomain()), now);
        return escalation;
    }

    /** The executive office refuses an escalation awaiting approval, telling the owner why, signed. */
    @Transactional
    ExecutiveEscalation refuse(long id, String messageToOwner, Actor actor) {
        var message = required(messageToOwner, "messageToOwner", "a message telling the owner why");
        var escalation = get(id);
        var now = clock.instant();
        escalation.refuse(now);
        step(escalation, now, actor.username(), EscalationStep.Kind.REFUSED, message);
        cases.notifyOwner(escalation.getCaseId(), signed(message, actor, escalation), actor);
        return escalation;
    }

    /**
     * The executive answers the owner personally, signed, on the owner's channel. The first answer keeps the
     * executive's promise when it is still open.
     */
    @Transactional
    ExecutiveEscalation answer(long id, String body, Actor actor) {
        var text = required(body, "body", "your answer");
        var escalation = get(id);
        var now = clock.instant();
        escalation.answered(now);
        sendSigned(escalation, text, actor, now);
        step(escalation, now, actor.username(), EscalationStep.Kind.ANSWERED, text);
        return escalation;
    }

    /**
     * The executive gives the case back to a team with instructions (an internal note), tells the owner personally
     * and keeps the escalation on their watch list.
     */
    @Transactional
    ExecutiveEscalation handBack(long id, String team, String instructions, String messageToOwner, Actor actor) {
        var toTeam = required(SupportCase.team(team), "team", "the team that takes the case");
        var what = required(instructions, "instructions", "the instructions for the team");
        var message = required(messageToOwner, "messageToOwner", "a message to the owner");
        var escalation = get(id);
        var now = clock.instant();
        escalation.handedBack(toTeam, now);
        cases.change(escalation.getCaseId(), new CaseChanges(null, "", null, null, toTeam), actor);
        cases.addNote(escalation.getCaseId(), "Instructions from " + actor.displayName() + ": " + what, actor);
        sendSigned(escalation, message, actor, now);
        step(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.HANDED_BACK,
                "Handed back to team " + toTeam + ": " + what);
        return escalation;
    }

    @Transactional
    ExecutiveEscalation close(long id, String note, Actor actor) {
        var escalation = get(id);
        var now = clock.instant();
        escalation.close(now);
        step(
                escalation,
                now,
                actor.username(),
                EscalationStep.Kind.CLOSED,
                note == null || note.isBlank() ? "Closed by " + actor.displayName() + "." : note);
        return escalation;
    }

    @Transactional
    ExecutiveEscalation markFrivolous(long id, String note, Actor actor) {
        var why = required(note, "note", "why the escalation was frivolous");
        var escalation = get(id);
        if (escalation.isFrivolous()) {
            return escalation;
        }
        escalation.markFrivolous();
        step(escalation, clock.instant(), actor.username(), EscalationStep.Kind.MARKED_FRIVOLOUS, why);
        return escalation;
    }

    private void sendSigned(ExecutiveEscalation escalation, String text, Actor actor, Instant now) {
        var signed = signed(text, actor, escalation);
        var promise = escalation.getPromiseId() == null
                ? Optional.<io.directline.sla.Promise>empty()
                : promises.find(escalation.getCaseId(), escalation.getPromiseId());
        if (promise.isPresent()
                && promise.get().getStatus() == PromiseStatus.OPEN
                && !promise.get().isDue(now)) {
            promises.keep(escalation.getCaseId(), escalation.getPromiseId(), signed, actor);
        } else {
            cases.reply(escalation.getCaseId(), signed, null, actor);
        }
    }

    /** The executive's words with their signature: the owner knows who answered. */
    static String signed(String text, Actor actor, ExecutiveEscalation escalation) {
        return text.strip() + "\n\n— " + actor.displayName() + "\nExecutive office, " + escalation.getDomain();
    }

    private static String required(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw EscalationProblems.emptyText(field, what);
        }
        return text.strip();
    }

    /**
     * The executive did not answer by the time they promised: the escalation is marked late, the trail says so and
     * the owner is told the truth (the watchdog's ladder has already reminded the executive office).
     */
    @ApplicationModuleListener
    void on(PromiseBroken broken) {
        escalations.findByPromiseId(broken.promiseId()).ifPresent(escalation -> {
            if (escalation.getFirstResponseAt() != null || escalation.isFirstResponseLate()) {
                return;
            }
            escalation.firstResponseLate();
            var executive = users.staffMember(escalation.getExecutive())
                    .map(StaffMember::displayName)
                    .orElse(escalation.getExecutive());
            step(
                    escalation,
                    broken.brokenAt(),
                    "system",
                    EscalationStep.Kind.FIRST_RESPONSE_LATE,
                    executive + " did not answer by " + broken.dueAt() + "; the executive office was reminded.");
            var supportCase = cases.get(escalation.getCaseId());
            notices.tell(
                    escalation.getCaseId(),
                    "We are sorry: " + executive + " has not answered you on " + supportCase.reference()
                            + " by the time we promised. The executive office has been told and your case stays"
                            + " with them until you have a personal answer.");
        });
    }
}
