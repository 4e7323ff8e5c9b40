package io.directline.journey.timeline;

import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.SupportCase;
import io.directline.channel.Notices;
import io.directline.channel.SentNotice;
import io.directline.customer.Channel;
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
            List<CaseLink> cases,
            List<NoticeLink> notices) {}

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

    /**
     * A notice we sent the owner about the order (a personal delay notice, their share of a broadcast), newest first.
     *
     * @param at when it went out (or was queued, while it waits)
     * @param channel how, in words
     * @param status SENT, QUEUED, WAITING (quiet hours) or FAILED
     */
    record NoticeLink(long id, Instant at, String channel, String subject, String text, String status) {}

    /** The owner's latest notices looked at for the ones about an order. */
    static final int NOTICES_LOOKED_AT = 200;

    private final Orders orders;
    private final CaseManagement cases;
    private final Notices notices;

    OrderTimelines(Orders orders, CaseManagement cases, Notices notices) {
        this.orders = orders;
        this.cases = cases;
        this.notices = notices;
    }

    List<Timeline> ofOwner(long customerId) {
        var owned = orders.ofCustomer(customerId);
        if (owned.isEmpty()) {
            return List.of();
        }
        var ownerCases = cases.search(
                        new CaseFilter(null, null, null, customerId, null, CaseFilter.Sort.UPDATED), 0, CASES_LOOKED_AT)
                .items();
        var sent = notices.ofOwner(customerId, NOTICES_LOOKED_AT).stream()
                .filter(n -> !"CANCELLED".equals(n.status()))
                .toList();
        return owned.stream().map(o -> timeline(o, ownerCases, sent)).toList();
    }

    static Timeline timeline(Order order, List<SupportCase> ownerCases, List<SentNotice> ownerNotices) {
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
        var told = ownerNotices.stream()
                .filter(n -> isAbout(n, order))
                .map(n -> new NoticeLink(
                        n.id(),
                        n.sentAt() != null ? n.sentAt() : n.queuedAt(),
                        channel(n.channel()),
                        n.subject(),
                        n.text(),
                        n.status()))
                .toList();
        return new Timeline(
                order.ref(),
                order.model(),
                order.configuration(),
                Stages.label(order.stage()),
                order.milestones().stream().anyMatch(MilestoneStatus::delayed),
                steps,
                changes,
                about,
                told);
    }

    /**
     * A notice is about an order when it is the order's delay notice ({@code delay:<ref>:<milestone>}), the sending
     * the journey recorded as telling a milestone of it (a broadcast that covered its delay), or its subject or text
     * names the order (a broadcast's {@code {orderRef}}).
     */
    static boolean isAbout(SentNotice notice, Order order) {
        var ref = order.ref();
        var source = notice.source() == null ? "" : notice.source();
        if (source.regionMatches(true, 0, "delay:" + ref + ":", 0, ref.length() + 7)) {
            return true;
        }
        if (!source.isEmpty() && order.milestones().stream().anyMatch(m -> source.equals(m.toldSource()))) {
            return true;
        }
        var upper = ref.toUpperCase(Locale.ROOT);
        return (notice.subject() != null && mentions(notice.subject().toUpperCase(Locale.ROOT), upper))
                || (notice.text() != null && mentions(notice.text().toUpperCase(Locale.ROOT), upper));
    }

    private static String channel(Channel channel) {
        return switch (channel) {
            case EMAIL -> "by e-mail";
            case SMS, PHONE -> "by text message";
            case X -> "on X";
            case MASTODON -> "on Mastodon";
            case PORTAL -> "on the portal";
        };
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
