package io.directline.sla.clock;

import io.directline.sla.LateCaseHandler;
import io.directline.sla.Promise;
import io.directline.sla.PromiseBroken;
import io.directline.sla.SlaBreached;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that records a case as late: publishes {@link SlaBreached} or {@link PromiseBroken} and hands
 * the case to every {@link LateCaseHandler}, in the caller's transaction (see the handler for why).
 */
@Component
public class LateCases {

    private final ApplicationEventPublisher events;
    private final ObjectProvider<LateCaseHandler> handlers;

    LateCases(ApplicationEventPublisher events, ObjectProvider<LateCaseHandler> handlers) {
        this.events = events;
        this.handlers = handlers;
    }

    /** A clock whose breach was just recorded, detected {@code now}. */
    public void clockBreached(StoredClock stored, Instant now) {
        var breach = new SlaBreached(
                stored.getCaseId(),
                stored.getId(),
                stored.getKind(),
                stored.getPolicyId(),
                stored.getBreachedAt(),
                now);
        events.publishEvent(breach);
        var reason = reasonFor(stored);
        var running = stored.getState() == SlaClock.State.RUNNING;
        handlers.orderedStream().forEach(h -> h.slaBreached(breach, reason, running));
    }

    /** A promise just broken. */
    public void promiseBroken(Promise promise) {
        var broken = new PromiseBroken(
                promise.getCaseId(),
                promise.getId(),
                promise.getResponsible(),
                promise.getDueAt(),
                promise.getBrokenAt());
        events.publishEvent(broken);
        var reason = reasonFor(promise);
        handlers.orderedStream().forEach(h -> h.promiseBroken(broken, reason));
    }

    /** The reason recorded when a clock breaches, in words the holder and the owner understand. */
    static String reasonFor(StoredClock clock) {
        var what = switch (clock.getKind()) {
            case FIRST_RESPONSE -> "the owner has waited for a first answer";
            case NEXT_RESPONSE -> "the owner has waited for an answer";
            case RESOLUTION -> "the case has waited for a resolution";
        };
        return clock.getKind().label() + " target of " + hours(clock.getTarget()) + " missed: " + what + " since "
                + clock.getStartedAt() + ".";
    }

    static String reasonFor(Promise promise) {
        return "Promise broken: \"" + promise.getDescription() + "\" was due " + promise.getDueAt() + " ("
                + promise.getResponsible() + ").";
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return (minutes / 60) + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }
}
