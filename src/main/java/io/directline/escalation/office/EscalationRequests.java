package io.directline.escalation.office;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.cases.SupportCase;
import io.directline.customer.CustomerManagement;
import io.directline.escalation.guard.Attempt;
import io.directline.escalation.guard.AttemptRecord;
import io.directline.escalation.guard.AttemptRecordRepository;
import io.directline.escalation.guard.CaseBelongsToOwner;
import io.directline.escalation.guard.EscalatingOwner;
import io.directline.escalation.guard.EscalatingOwnerRepository;
import io.directline.escalation.guard.EscalationGuard;
import io.directline.escalation.guard.GuardDecision;
import io.directline.escalation.guard.PreApproval;
import io.directline.escalation.guard.RuleDecision;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's request to take a case to an executive: the guard decides each attempt, and an allowed one becomes an
 * executive escalation, routed at once or held for the executive office's approval. Every attempt is kept, allowed or
 * refused, with every rule's decision.
 */
@Service
@Transactional(readOnly = true)
public class EscalationRequests {

    /** The domains an owner may pick when none are configured, and always offered. */
    static final List<String> DEFAULT_DOMAINS = List.of("delivery", "service", "billing", "product");

    static final String DEFAULT_DOMAIN = "service";

    private static final int LOCK_ATTEMPTS = 5;

    /**
     * What became of one request: the guard's decision and the escalation it made (or, for a repeat, had made).
     *
     * @param decision the guard's decision; null for a repeat, which is not decided again
     * @param escalation the escalation made; null when the guard refused
     * @param repeated whether an earlier request with the same key had made it
     */
    public record RequestResult(GuardDecision decision, ExecutiveEscalation escalation, boolean repeated) {}

    /** What the owner's page shows before they press the button. */
    record Eligibility(GuardDecision decision, Optional<ExecutiveEscalation> open, List<ExecutiveEscalation> all) {}

    private final ExecutiveEscalationRepository escalations;
    private final AttemptRecordRepository attempts;
    private final EscalationStepRepository steps;
    private final EscalatingOwnerRepository owners;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final SlaClockService clocks;
    private final Promises promises;
    private final EscalationGuard guard;
    private final ExecutiveRouting routing;
    private final EscalationProperties properties;
    private final JsonMapper json;
    private final TransactionTemplate write;
    private final TransactionTemplate writeAlone;
    private final Clock clock;

    EscalationRequests(
            ExecutiveEscalationRepository escalations,
            AttemptRecordRepository attempts,
            EscalationStepRepository steps,
            EscalatingOwnerRepository owners,
            CaseManagement cases,
            CustomerManagement customers,
            SlaClockService clocks,
            Promises promises,
            EscalationGuard guard,
            ExecutiveRouting routing,
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
        this.clocks = clocks;
        this.promises = promises;
        this.guard = guard;
        this.routing = routing;
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
        var decision = guard.check(gather(caseId, customerId, "x".repeat(properties.minReasonLength()), now));
        if (decision.refusal() != null && decision.refusal().rule().equals(CaseBelongsToOwner.NAME)) {
            throw CaseProblems.caseNotFound(caseId);
        }
        var all = escalations.findByCaseIdOrderByRequestedAtAscIdAsc(caseId);
        var open = all.stream().filter(e -> e.getState().isOpen()).reduce((a, b) -> b);
        return new Eligibility(decision, open, all);
    }

    /**
     * An owner's attempt to take their case to an executive. The owner's attempts are decided one at a time (their
     * row is locked), so parallel attempts cannot beat the quota; the attempt is recorded whether allowed or
     * refused. A repeat with the same idempotency key gives the first attempt's escalation again. Throws a 404
     * problem for another owner's case and a 400 problem for an unknown domain or a key over 200 characters; a
     * refusal is in the result.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // each try is a transaction of its own
    public RequestResult request(
            long caseId, long customerId, String reason, String domain, String idempotencyKey, Actor actor) {
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
    private Optional<RequestResult> repeat(long customerId, String key) {
        return attempts.findByCustomerIdAndIdempotencyKey(customerId, key)
                .filter(a -> a.getEscalationId() != null)
                .flatMap(a -> escalations.findById(a.getEscalationId()))
                .map(e -> new RequestResult(null, e, true));
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

    private RequestResult decide(
            long caseId, long customerId, String reason, String domain, String requestKey, Actor actor) {
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
        var decision = guard.check(attempt);
        if (!attempt.ownersCase()) {
            // another owner's case: nothing about it is recorded
            return new RequestResult(decision, null, false);
        }
        owner.attempted(now);
        ExecutiveEscalation made = null;
        if (decision.allowed()) {
            var startsIn = decision.startsIn();
            var executive = startsIn == EscalationState.OPEN ? routing.executiveFor(domain) : null;
            made = escalations.save(new ExecutiveEscalation(
                    caseId, customerId, domain, reason, attempt.companyFailed(), startsIn, now));
            steps.record(
                    made,
                    now,
                    actor.username(),
                    EscalationStep.Kind.REQUESTED,
                    "The owner escalated: " + made.getReason());
            if (executive != null) {
                routing.route(made, executive, now);
            } else {
                var why = decision.decisionOf(PreApproval.NAME)
                        .map(RuleDecision::reason)
                        .orElse("");
                steps.record(made, now, "system", EscalationStep.Kind.AWAITING_APPROVAL, why);
            }
        }
        attempts.save(new AttemptRecord(
                customerId, caseId, now, decision, decisionsJson(decision), made == null ? null : made.getId(), key));
        return new RequestResult(decision, made, false);
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

    private String decisionsJson(GuardDecision decision) {
        var list = new ArrayList<Map<String, Object>>();
        for (var d : decision.decisions()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("rule", d.rule());
            map.put("outcome", d.kind().name());
            map.put("reason", d.reason());
            if (d.retryAfter() != null) {
                map.put("retryAfter", d.retryAfter().toString());
            }
            list.add(map);
        }
        return json.writeValueAsString(list);
    }
}
