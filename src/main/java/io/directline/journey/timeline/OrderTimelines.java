package io.directline.journey.timeline;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.SupportCase;
import io.directline.journey.EstimateChange;
import io.directline.journey.Milestone;
import io.directline.journey.MilestoneStatus;
import io.directline.journey.Order;
import io.directline.journey.Orders;
import io.directline.journey.delay.Stages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** An owner's orders as timelines: each milestone promised, honestly estimated and done, and every change's reason. */
@Service
class OrderTimelines {

    /** The owner's latest cases looked at for the ones about an order. */
    static final int CASES_LOOKED_AT = 200;

    /**
     * One order as the owner reads it.
     *
     * @param stage the current stage, in words
     * @param delayed some milestone is later than its promise by more than the threshold
     */
    record Timeline(
            String ref,
            String model,
            String configuration,
            String stage,
            boolean delayed,
            List<Step> steps,
            List<Change> changes,
            List<CaseLink> cases) {}

    /**
     * One milestone.
     *
     * @param state {@code done}, {@code current} or {@code upcoming}
     * @param moved the estimate differs from the promise
     * @param toldAt when we told the owner of the current estimate, or null
     */
    record Step(
            String label,
            String state,
            LocalDate promised,
            LocalDate estimate,
            LocalDate actual,
            boolean moved,
            boolean delayed,
            String reason,
            Instant toldAt) {}

    record Change(String label, LocalDate previous, LocalDate current, String reason, Instant at) {}

    record CaseLink(long id, String reference, String subject, String status) {}

    private final Orders orders;
    private final CaseManagement cases;

    OrderTimelines(Orders orders, CaseManagement cases) {
        this.orders = orders;
        this.cases = cases;
    }

    List<Timeline> ofOwner(long customerId) {
        var owned = orders.ofCustomer(customerId);
        if (owned.isEmpty()) {
            return List.of();
        }
        var ownerCases = cases.search(
                        new CaseFilter(null, null, null, customerId, null, CaseFilter.Sort.UPDATED), 0, CASES_LOOKED_AT)
                .items();
        return owned.stream().map(o -> timeline(o, ownerCases)).toList();
    }

    static Timeline timeline(Order order, List<SupportCase> ownerCases) {
        var steps = new ArrayList<Step>();
        for (var m : order.milestones()) {
            steps.add(step(order, m));
        }
        var changes = order.history().stream()
                .filter(c -> c.previous() != null)
                .sorted(Comparator.comparing(EstimateChange::at).reversed())
                .map(c -> new Change(Stages.label(c.milestone()), c.previous(), c.current(), c.reason(), c.at()))
                .toList();
        var about = ownerCases.stream()
                .filter(c -> isAbout(c, order.ref()))
                .map(c -> new CaseLink(
                        c.getId(), c.reference(), c.getSubject(), c.getStatus().label()))
                .toList();
        return new Timeline(
                order.ref(),
                order.model(),
                order.configuration(),
                Stages.label(order.stage()),
                order.milestones().stream().anyMatch(MilestoneStatus::delayed),
                steps,
                changes,
                about);
    }

    /** A case is about an order when its order number is the reference, or its subject names it. */
    static boolean isAbout(SupportCase supportCase, String ref) {
        return (supportCase.getOrderId() != null && supportCase.getOrderId().equalsIgnoreCase(ref))
                || (supportCase.getSubject() != null
                        && mentions(supportCase.getSubject().toUpperCase(Locale.ROOT), ref.toUpperCase(Locale.ROOT)));
    }

    private static boolean mentions(String text, String ref) {
        int at = text.indexOf(ref);
        while (at >= 0) {
            int end = at + ref.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
            at = text.indexOf(ref, at + 1);
        }
        return false;
    }

    private static Step step(Order order, MilestoneStatus m) {
        String state;
        if (m.actual() != null) {
            state = "done";
        } else if (m.milestone() == order.stage() || isNextAfterStage(order, m.milestone())) {
            state = "current";
        } else {
            state = "upcoming";
        }
        var told = m.toldEstimate() != null && m.toldEstimate().equals(m.estimate()) ? m.toldAt() : null;
        return new Step(
                Stages.label(m.milestone()),
                state,
                m.promised(),
                m.estimate(),
                m.actual(),
                m.promised() != null && m.estimate() != null && !m.promised().equals(m.estimate()),
                m.delayed(),
                m.reason(),
                told);
    }

    /** The first milestone not yet done after the current stage is what the owner waits for now. */
    private static boolean isNextAfterStage(Order order, Milestone milestone) {
        var stageStatus = order.milestone(order.stage());
        if (stageStatus == null || stageStatus.actual() == null) {
            return false;
        }
        return order.milestones().stream()
                .filter(s -> s.actual() == null)
                .findFirst()
                .map(s -> s.milestone() == milestone)
                .orElse(false);
    }
}
