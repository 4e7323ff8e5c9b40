package io.directline.journey.delay;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.CaseOpened;
import io.directline.cases.Direction;
import io.directline.journey.Milestone;
import io.directline.journey.Orders;
import io.directline.journey.OwnerHadToAsk;
import io.directline.journey.OwnerToldBeforeAsking;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, for every new case about a delayed order, whether the owner had to ask or had been told before asking
 * (see {@link AskRule}), and publishes {@link OwnerHadToAsk} or {@link OwnerToldBeforeAsking}.
 */
@Service
public class Asks {

    /** What a case about a delayed order recorded. */
    public record Ask(
            long caseId, String orderRef, Milestone milestone, boolean told, Instant toldAt, Instant askedAt) {

        /** The words on the case page. */
        public String label() {
            return told ? "told before asking" : "had to ask";
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Orders orders;
    private final CaseManagement cases;
    private final ApplicationEventPublisher events;

    Asks(NamedParameterJdbcTemplate jdbc, Orders orders, CaseManagement cases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.cases = cases;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        record(opened.caseId(), opened.customerId(), opened.openedAt());
    }

    /** Decides and records one case (once: a case heard again changes nothing). */
    @Transactional
    public Optional<Ask> record(long caseId, long customerId, Instant askedAt) {
        var existing = ofCase(caseId);
        if (existing.isPresent()) {
            return existing;
        }
        var supportCase = cases.get(caseId);
        var firstMessage = cases.conversation(caseId, false).stream()
                .filter(m -> m.getDirection() == Direction.INBOUND)
                .map(CaseMessage::getBody)
                .findFirst()
                .orElse("");
        var decision = AskRule.decide(
                supportCase.getOrderId(),
                supportCase.getSubject() + " " + firstMessage,
                candidates(customerId),
                askedAt);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        var about = decision.get().about();
        var told = decision.get().told();
        var ask = new Ask(
                caseId,
                about.orderRef(),
                about.milestone(),
                told,
                decision.get().toldAt(),
                askedAt);
        jdbc.update(
                "insert into journey_delay_ask (case_id, customer_id, order_ref, milestone, told, told_at, asked_at)"
                        + " values (:caseId, :customerId, :ref, :milestone, :told, :toldAt, :askedAt)",
                new MapSqlParameterSource()
                        .addValue("caseId", caseId)
                        .addValue("customerId", customerId)
                        .addValue("ref", ask.orderRef())
                        .addValue("milestone", ask.milestone().name())
                        .addValue("told", told)
                        .addValue("toldAt", DelayRows.at(ask.toldAt()))
                        .addValue("askedAt", DelayRows.at(askedAt)));
        if (told) {
            events.publishEvent(new OwnerToldBeforeAsking(
                    caseId, customerId, ask.orderRef(), ask.milestone(), ask.toldAt(), askedAt));
        } else {
            events.publishEvent(new OwnerHadToAsk(caseId, customerId, ask.orderRef(), ask.milestone(), askedAt));
        }
        return Optional.of(ask);
    }

    /**
     * The owner's milestones as the journey has them now: delayed or not, and when the owner was told of the current
     * estimate (by a personal notice or a broadcast).
     */
    private List<AskRule.Candidate> candidates(long customerId) {
        return orders.ofCustomer(customerId).stream()
                .flatMap(order -> order.milestones().stream()
                        .map(m -> new AskRule.Candidate(
                                order.ref(),
                                m.milestone(),
                                m.delayed(),
                                m.toldEstimate() != null && m.toldEstimate().equals(m.estimate()) ? m.toldAt() : null)))
                .toList();
    }

    /** What a case recorded, if it was about a delayed order. */
    @Transactional(readOnly = true)
    public Optional<Ask> ofCase(long caseId) {
        return jdbc
                .query(
                        "select case_id, order_ref, milestone, told, told_at, asked_at from journey_delay_ask"
                                + " where case_id = :caseId",
                        Map.of("caseId", caseId),
                        (rs, n) -> new Ask(
                                rs.getLong("case_id"),
                                rs.getString("order_ref"),
                                Milestone.valueOf(rs.getString("milestone")),
                                rs.getBoolean("told"),
                                instant(rs.getObject("told_at", OffsetDateTime.class)),
                                instant(rs.getObject("asked_at", OffsetDateTime.class))))
                .stream()
                .findFirst();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
