package io.directline.sla.promise;

import io.directline.sla.Promise;
import io.directline.sla.PromiseStatus;
import java.time.Instant;
import java.util.List;

/** What the API shows of promises. */
final class PromiseViews {

    private PromiseViews() {}

    record PromiseView(
            long id,
            long caseId,
            String description,
            Instant dueAt,
            String responsible,
            PromiseStatus status,
            String createdBy,
            Instant createdAt,
            Instant keptAt,
            Instant brokenAt) {

        static PromiseView of(Promise p) {
            return new PromiseView(
                    p.getId(),
                    p.getCaseId(),
                    p.getDescription(),
                    p.getDueAt(),
                    p.getResponsible(),
                    p.getStatus(),
                    p.getCreatedBy(),
                    p.getCreatedAt(),
                    p.getKeptAt(),
                    p.getBrokenAt());
        }
    }

    /** What the owner sees: what was promised, by when, and where it stands; not who inside answers for it. */
    record OwnerPromiseView(long id, String description, Instant dueAt, PromiseStatus status, Instant keptAt) {

        static OwnerPromiseView of(Promise p) {
            return new OwnerPromiseView(p.getId(), p.getDescription(), p.getDueAt(), p.getStatus(), p.getKeptAt());
        }
    }

    record PromiseList<T>(List<T> items) {}
}
