package io.directline.journey.delay;

import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.CustomerManagement;
import io.directline.journey.OrderEstimateChanged;
import io.directline.journey.OrderSegments;
import io.directline.journey.Orders;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells an owner personally, once per estimate, that an order's milestone slipped past the delay threshold: the
 * delay is held for {@code directline.journey.delay-notice-hold} (a broadcast that covers it in the meantime wins),
 * waits for the owner's notice gap when they were told of another delay shortly before, and then goes to the outbox
 * on the owner's channel, which keeps their quiet hours.
 */
@Service
@Transactional
public class DelayNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final DelayRows rows;
    private final Orders orders;
    private final OrderSegments segments;
    private final ObjectProvider<Notices> notices;
    private final CustomerManagement customers;
    private final DelayNoticeProperties properties;
    private final Clock clock;

    DelayNotices(
            DelayRows rows,
            Orders orders,
            OrderSegments segments,
            ObjectProvider<Notices> notices,
            CustomerManagement customers,
            DelayNoticeProperties properties,
            Clock clock) {
        this.rows = rows;
        this.orders = orders;
        this.segments = segments;
        this.notices = notices;
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a moved estimate: a delayed one is held for its notice (replacing a notice still held for an older
     * estimate); one back within the threshold withdraws a held notice. The same estimate heard twice changes nothing.
     */
    public void estimateChanged(OrderEstimateChanged change) {
        var latest = rows.latest(change.orderRef(), change.milestone());
        if (change.delayed()) {
            if (latest.isPresent()
                    && latest.get().delayed()
                    && latest.get().newDate().equals(change.current())) {
                return;
            }
            rows.supersedeHeld(change.orderRef(), change.milestone());
            var at = change.at() == null ? clock.instant() : change.at();
            rows.insert(
                    change.orderRef(),
                    change.milestone(),
                    change.customerId(),
                    change.promised(),
                    change.current(),
                    change.reason(),
                    DelayStatus.HELD,
                    at,
                    at.plus(properties.delayNoticeHold()));
        } else if (latest.isPresent() && latest.get().delayed()) {
            rows.supersedeHeld(change.orderRef(), change.milestone());
            rows.insert(
                    change.orderRef(),
                    change.milestone(),
                    change.customerId(),
                    change.promised(),
                    change.current(),
                    change.reason(),
                    DelayStatus.ON_TIME,
                    change.at() == null ? clock.instant() : change.at(),
                    null);
        }
    }

    /** The ids of the held notices due now, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> due(int limit) {
        return rows.due(clock.instant(), limit);
    }

    /**
     * Sends one held notice if this node can claim it and it is still due: queued in the outbox now, or postponed to
     * the end of the owner's notice gap. Returns false when another node has it or it is no longer due.
     */
    public boolean sendIfDue(long id) {
        var now = clock.instant();
        if (!rows.claim(id, now)) {
            return false;
        }
        var row = rows.find(id).orElseThrow();
        var milestone = orders.find(row.orderRef()).map(o -> o.milestone(row.milestone()));
        if (milestone.isEmpty()
                || milestone.get() == null
                || !row.newDate().equals(milestone.get().estimate())) {
            // the estimate moved again (its own notice is held) or the order is gone
            rows.supersede(id);
            return true;
        }
        var status = milestone.get();
        if (status.toldEstimate() != null && status.toldEstimate().equals(row.newDate())) {
            rows.covered(id, status.toldAt(), status.toldSource());
            return true;
        }
        var lastSent = rows.lastSentTo(row.customerId());
        if (lastSent.isPresent()) {
            var gapEnds = lastSent.get().plus(properties.delayNoticeGap());
            if (gapEnds.isAfter(now)) {
                rows.postpone(id, gapEnds);
                return true;
            }
        }
        var known = rows.latestTold(row.orderRef(), row.milestone())
                .map(DelayRow::newDate)
                .orElse(status.toldEstimate() != null ? status.toldEstimate() : row.promisedDate());
        var notice = notice(row, known);
        notices.getObject().queue(notice);
        rows.sent(id, known, now);
        segments.markTold(List.of(row.orderRef()), row.milestone(), notice.source(), now);
        return true;
    }

    private Notice notice(DelayRow row, LocalDate known) {
        var owner = customers.get(row.customerId());
        var firstName = owner.getName() == null ? "" : owner.getName().strip().split("\\s+")[0];
        var stage = Stages.label(row.milestone()).toLowerCase(Locale.ENGLISH);
        var from = known == null ? "" : " from " + DAY.format(known);
        var why = row.reason() == null || row.reason().isBlank()
                ? ""
                : " The reason: " + row.reason().strip() + ".";
        var full = "Dear " + firstName + ",\n\nthe " + stage + " of your order " + row.orderRef() + " moves" + from
                + " to " + DAY.format(row.newDate()) + "." + why
                + "\n\nWe are sorry for the wait, and we wanted you to hear it from us first. Answer this message"
                + " if you have a question; your order's timeline is on the portal.\n\nDirect Line";
        var shortText = "Order " + row.orderRef() + ": " + stage + " moves" + from + " to " + DAY.format(row.newDate())
                + "." + why;
        if (shortText.length() > 280) {
            shortText = shortText.substring(0, 279) + "…";
        }
        return new Notice(
                row.customerId(),
                "delay:" + row.orderRef() + ":" + row.milestone().name(),
                "Your order " + row.orderRef() + ": a new date for " + stage,
                full,
                shortText,
                "Direct Line",
                null,
                "delay:" + row.id());
    }
}
