package io.directline.sla;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SLA policies: which one applies to a case, and how administrators define and retire them. */
@Service
@Transactional(readOnly = true)
public class SlaPolicies {

    private final SlaPolicyRepository policies;
    private final Clock clock;
    private final Map<CalendarKey, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    SlaPolicies(SlaPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * The active policy for a case of this channel, priority and owner tier: the one naming the most of
     * them, the oldest among equals. Empty when no active policy applies.
     */
    public Optional<SlaPolicy> pick(Channel channel, Priority priority, Tier tier) {
        return policies.findByActiveTrueOrderByIdAsc().stream()
                .filter(p -> p.appliesTo(channel, priority, tier))
                .max(Comparator.comparingInt(SlaPolicy::specificity)
                        .thenComparing(SlaPolicy::getId, Comparator.reverseOrder()));
    }

    /** Every policy, retired ones included, oldest first. */
    public List<SlaPolicy> all() {
        return policies.findAllByOrderByIdAsc();
    }

    /** A 404 problem for an unknown id. */
    public SlaPolicy get(long id) {
        return policies.findById(id).orElseThrow(() -> SlaProblems.policyNotFound(id));
    }

    /** The business calendar of a policy, parsed once per version of the policy. */
    BusinessCalendar calendarOf(SlaPolicy policy) {
        return calendars.computeIfAbsent(new CalendarKey(policy.getId(), policy.getVersion()), k -> policy.calendar());
    }

    @Transactional
    SlaPolicy define(SlaPolicy.Definition definition) {
        return policies.save(new SlaPolicy(definition, clock.instant()));
    }

    @Transactional
    SlaPolicy redefine(long id, SlaPolicy.Definition definition) {
        var policy = get(id);
        policy.apply(definition, clock.instant());
        return policy;
    }

    @Transactional
    SlaPolicy retire(long id) {
        var policy = get(id);
        policy.retire(clock.instant());
        return policy;
    }

    private record CalendarKey(long id, long version) {}
}
