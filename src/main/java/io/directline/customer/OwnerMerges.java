package io.directline.customer;

import io.directline.customer.merge.MatchRules;
import io.directline.customer.merge.OwnerMergeRepository;
import io.directline.customer.merge.OwnerMergeRow;
import io.directline.customer.merge.SuggestionRepository;
import io.directline.customer.merge.SuggestionRow;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The customer module's API for merging owners who are one person. A merge moves everything of one owner to another
 * in one transaction: the handles here, and, through {@link OwnersMerged}, every module's rows by owner; the merged
 * owner stays (marked {@link Customer#getMergedInto()}) so links to it still resolve. Within the undo window
 * ({@code directline.customer.merge-undo-window}, 30 days by default) a merge can be undone: exactly the rows that
 * moved go back. Owners are never merged automatically: {@link #suggestFor} only suggests.
 */
@Service
@Transactional(readOnly = true)
public class OwnerMerges {

    /** The table name under which the moved handles are recorded. */
    static final String HANDLES = "customer_handle";

    private static final int MAX_CANDIDATES_BY_NAME = 20;
    private static final int MAX_REASON = 1000;

    private final CustomerRepository customers;
    private final OwnerHandles handles;
    private final OwnerMergeRepository merges;
    private final SuggestionRepository suggestions;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration undoWindow;

    OwnerMerges(
            CustomerRepository customers,
            OwnerHandles handles,
            OwnerMergeRepository merges,
            SuggestionRepository suggestions,
            JdbcTemplate jdbc,
            EntityManager entityManager,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${directline.customer.merge-undo-window:30d}") Duration undoWindow) {
        this.customers = customers;
        this.handles = handles;
        this.merges = merges;
        this.suggestions = suggestions;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
        this.undoWindow = undoWindow;
    }

    /**
     * Merges owner {@code from} into owner {@code into}: its handles, cases (with their messages and promises),
     * escalations, notices and login follow, in this one transaction.
     *
     * @throws CustomerNotFoundException (404) for an unknown owner
     * @throws MergeConflictException (409) for an owner merged into itself, or either owner merged already
     * @throws ErrorResponseException (400) without a reason
     */
    @Transactional
    public MergeRecord merge(long into, long from, String reason, String mergedBy) {
        if (reason == null || reason.isBlank()) {
            throw badRequest("Say why these owners are one person: the reason is kept with the merge.");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw badRequest("The reason is longer than " + MAX_REASON + " characters.");
        }
        if (into == from) {
            throw new MergeConflictException("Owner " + into + " cannot be merged into itself.");
        }
        var survivor = customers.findById(into).orElseThrow(() -> new CustomerNotFoundException(into));
        var merged = customers.findById(from).orElseThrow(() -> new CustomerNotFoundException(from));
        if (survivor.getMergedInto() != null) {
            throw new MergeConflictException("Owner " + into + " was merged into owner " + survivor.getMergedInto()
                    + " already: merge into that owner instead.");
        }
        if (merged.getMergedInto() != null) {
            throw MergeConflictException.alreadyMerged(from, merged.getMergedInto());
        }
        var now = clock.instant();
        var row = merges.saveAndFlush(new OwnerMergeRow(from, into, reason.strip(), mergedBy, now));
        recordMoved(row.getId(), HANDLES, handles.idsOf(from));
        handles.moveAll(from, into);
        // moveAll cleared the persistence context: load the two owners again to change them
        customers.getReferenceById(from).mergeInto(into, now);
        customers.getReferenceById(into).touch(now);
        suggestions
                .findByCustomerIdAndCandidateId(from, into)
                .or(() -> suggestions.findByCustomerIdAndCandidateId(into, from))
                .ifPresent(s -> s.decide(SuggestionRow.MERGED, mergedBy, now));
        entityManager.flush();
        events.publishEvent(new OwnersMerged(row.getId(), from, into, mergedBy, reason.strip(), now));
        entityManager.flush();
        return view(row);
    }

    /**
     * Undoes a merge into {@code into}: exactly the rows that moved go back, and the merged owner stands again.
     *
     * @throws ErrorResponseException (404) for a merge that is not one into this owner
     * @throws MergeConflictException (409) when undone already, past the undo window, or {@code into} was merged
     *     on since (undo that merge first)
     */
    @Transactional
    public MergeRecord undo(long into, long mergeId, String undoneBy) {
        var row = merges.findById(mergeId)
                .filter(m -> m.getInto() == into)
                .orElseThrow(() -> notFound("Owner " + into + " has no merge " + mergeId + "."));
        if (row.getUndoneAt() != null) {
            throw new MergeConflictException("Merge " + mergeId + " was undone already by " + row.getUndoneBy() + ".");
        }
        var now = clock.instant();
        if (now.isAfter(row.getMergedAt().plus(undoWindow))) {
            throw new MergeConflictException("Merge " + mergeId + " is older than the undo window of "
                    + undoWindow.toDays() + " days and can no longer be undone.");
        }
        var survivor = customers.findById(into).orElseThrow(() -> new CustomerNotFoundException(into));
        if (survivor.getMergedInto() != null) {
            throw new MergeConflictException("Owner " + into + " was merged into owner " + survivor.getMergedInto()
                    + " since: undo that merge first.");
        }
        long from = row.getFrom();
        handles.moveBack(movedRows(mergeId, HANDLES), into, from);
        customers.getReferenceById(from).unmerge(now);
        customers.getReferenceById(into).touch(now);
        var undone = merges.getReferenceById(mergeId);
        undone.undo(undoneBy, now);
        entityManager.flush();
        events.publishEvent(new OwnerMergeUndone(mergeId, from, into, undoneBy, now));
        entityManager.flush();
        return view(undone);
    }

    /** The merges into an owner, newest first. */
    public List<MergeRecord> mergesInto(long into) {
        return merges.findByIntoOrderByMergedAtDesc(into).stream()
                .map(this::view)
                .toList();
    }

    /**
     * Records that a merge moved these rows of a table (called by each module's {@link OwnersMerged} listener).
     *
     * @param table the table's name, as the module will ask for it again on undo
     */
    @Transactional
    public void recordMoved(long mergeId, String table, Collection<Long> rowIds) {
        if (rowIds.isEmpty()) {
            return;
        }
        var rows = rowIds.stream().map(id -> new Object[] {mergeId, table, id}).toList();
        jdbc.batchUpdate("insert into owner_merge_moved (merge_id, table_name, row_id) values (?, ?, ?)", rows);
    }

    /** Throws unless a merge with this id is being made or was made (a listener is called for a real merge). */
    void requireMerge(long mergeId) {
        if (!merges.existsById(mergeId)) {
            throw new IllegalStateException("No merge " + mergeId);
        }
    }

    /** The ids of the rows of a table that a merge moved, for its undo. */
    public List<Long> movedRows(long mergeId, String table) {
        return jdbc.queryForList(
                "select row_id from owner_merge_moved where merge_id = ? and table_name = ? order by row_id",
                Long.class,
                mergeId,
                table);
    }

    /**
     * Looks for owners that {@code ownerId} (just registered for an unknown handle) may be, and records a suggestion
     * with its reasons for each: the same phone number written another way or the same address held as another kind
     * of handle, a handle named in {@code messageText}, the same name in the same city. Merges nothing.
     *
     * @return the suggestions made now
     */
    @Transactional
    public List<MergeSuggestion> suggestFor(long ownerId, String messageText) {
        var owner = customers.findById(ownerId).orElseThrow(() -> new CustomerNotFoundException(ownerId));
        var reasons = new LinkedHashMap<Long, Set<String>>();
        for (var handle : handles.handlesOf(ownerId)) {
            if (handle.kind() == HandleKind.PHONE) {
                handles.ownersOf(HandleKind.PHONE, MatchRules.phoneVariants(handle.lookupKey()))
                        .forEach((key, other) -> reason(reasons, other, "the same phone number, written " + key));
            }
            var cross = MatchRules.crossKind(handle.kind());
            if (cross != null) {
                handles.ownersOf(cross, List.of(handle.lookupKey()))
                        .forEach((key, other) -> reason(
                                reasons,
                                other,
                                "their " + label(cross) + " is this " + label(handle.kind()) + " " + key));
            }
        }
        for (var email : MatchRules.emailsIn(messageText)) {
            handles.ownersOf(HandleKind.EMAIL, List.of(email))
                    .forEach((key, other) -> reason(reasons, other, "the message names their e-mail address " + key));
        }
        for (var phone : MatchRules.phonesIn(messageText)) {
            var keys = new LinkedHashSet<>(MatchRules.phoneVariants(phone));
            keys.add(phone);
            handles.ownersOf(HandleKind.PHONE, keys)
                    .forEach((key, other) -> reason(reasons, other, "the message names their phone number " + key));
        }
        var address = owner.getAddress();
        if (address != null && address.city() != null && !address.city().isBlank()) {
            for (var other :
                    customers.findTop20ByNameKeyOrderByIdAsc(owner.getName().toLowerCase(java.util.Locale.ROOT))) {
                if (other.getAddress() != null
                        && MatchRules.sameNameSameCity(
                                owner.getName(),
                                address.city(),
                                other.getName(),
                                other.getAddress().city())) {
                    reason(
                            reasons,
                            other.getId(),
                            "the same name in the same city (" + address.city().strip() + ")");
                }
            }
        }
        reasons.remove(ownerId);
        var made = new ArrayList<MergeSuggestion>();
        if (reasons.isEmpty()) {
            return made;
        }
        var names = namesOf(reasons.keySet());
        var now = clock.instant();
        for (var entry : reasons.entrySet()) {
            long candidate = entry.getKey();
            var candidateOwner = customers.findById(candidate);
            if (candidateOwner.isEmpty() || candidateOwner.get().getMergedInto() != null) {
                continue;
            }
            boolean known = suggestions
                            .findByCustomerIdAndCandidateId(ownerId, candidate)
                            .isPresent()
                    || suggestions
                            .findByCustomerIdAndCandidateId(candidate, ownerId)
                            .isPresent();
            if (!known) {
                var row = suggestions.save(
                        new SuggestionRow(ownerId, candidate, String.join("; ", entry.getValue()), now));
                made.add(view(row, ownerId, names));
            }
        }
        return made;
    }

    /**
     * Records that {@code ownerId} may be {@code candidateId}, for a reason staff read (an owner tried to add a handle
     * that is the other's); nothing when the two are one already, either of them is merged, or a suggestion for the
     * pair exists either way round. Merges nothing.
     */
    @Transactional
    public Optional<MergeSuggestion> suggest(long ownerId, long candidateId, String reason) {
        if (ownerId == candidateId) {
            return Optional.empty();
        }
        var owner = customers.findById(ownerId);
        var candidate = customers.findById(candidateId);
        if (owner.isEmpty()
                || candidate.isEmpty()
                || owner.get().getMergedInto() != null
                || candidate.get().getMergedInto() != null
                || suggestions
                        .findByCustomerIdAndCandidateId(ownerId, candidateId)
                        .isPresent()
                || suggestions
                        .findByCustomerIdAndCandidateId(candidateId, ownerId)
                        .isPresent()) {
            return Optional.empty();
        }
        var row = suggestions.save(new SuggestionRow(ownerId, candidateId, reason, clock.instant()));
        return Optional.of(view(row, ownerId, namesOf(List.of(candidateId))));
    }

    /**
     * The suggestions that involve an owner, either way round, newest first.
     *
     * @throws CustomerNotFoundException for an unknown owner
     */
    public List<MergeSuggestion> suggestionsFor(long ownerId) {
        if (!customers.existsById(ownerId)) {
            throw new CustomerNotFoundException(ownerId);
        }
        var rows = suggestions.involving(ownerId);
        var others = new HashSet<Long>();
        rows.forEach(r -> others.add(r.getCustomerId() == ownerId ? r.getCandidateId() : r.getCustomerId()));
        var names = namesOf(others);
        return rows.stream().map(r -> view(r, ownerId, names)).toList();
    }

    /**
     * Dismisses a suggestion (the two are not one person); dismissing it again changes nothing.
     *
     * @throws ErrorResponseException (404) for a suggestion that does not involve this owner
     * @throws MergeConflictException (409) for a suggestion that was merged
     */
    @Transactional
    public MergeSuggestion dismiss(long ownerId, long suggestionId, String by) {
        var row = suggestions
                .findById(suggestionId)
                .filter(s -> s.involves(ownerId))
                .orElseThrow(() -> notFound("Owner " + ownerId + " has no merge suggestion " + suggestionId + "."));
        if (SuggestionRow.MERGED.equals(row.getState())) {
            throw new MergeConflictException("Suggestion " + suggestionId + " was merged; undo the merge instead.");
        }
        if (SuggestionRow.OPEN.equals(row.getState())) {
            row.decide(SuggestionRow.DISMISSED, by, clock.instant());
        }
        long other = row.getCustomerId() == ownerId ? row.getCandidateId() : row.getCustomerId();
        return view(row, ownerId, namesOf(List.of(other)));
    }

    private static void reason(Map<Long, Set<String>> reasons, long owner, String why) {
        reasons.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(why);
    }

    private static String label(HandleKind kind) {
        return switch (kind) {
            case EMAIL -> "e-mail address";
            case PHONE -> "phone number";
            case X -> "X account";
            case MASTODON -> "Mastodon account";
        };
    }

    private Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        customers.findNames(ids).forEach(n -> names.put(n.getId(), n.getName()));
        return names;
    }

    private MergeSuggestion view(SuggestionRow row, long askedFor, Map<Long, String> names) {
        long other = row.getCustomerId() == askedFor ? row.getCandidateId() : row.getCustomerId();
        return new MergeSuggestion(
                row.getId(),
                row.getCustomerId(),
                row.getCandidateId(),
                other,
                names.get(other),
                row.getReasons(),
                row.getCreatedAt(),
                row.getState(),
                row.getDecidedBy(),
                row.getDecidedAt());
    }

    private MergeRecord view(OwnerMergeRow row) {
        var moved = new LinkedHashMap<String, Integer>();
        jdbc.query(
                "select table_name, count(*) from owner_merge_moved where merge_id = ? group by table_name"
                        + " order by table_name",
                rs -> {
                    moved.put(rs.getString(1), rs.getInt(2));
                },
                row.getId());
        return new MergeRecord(
                row.getId(),
                row.getFrom(),
                row.getInto(),
                row.getReason(),
                row.getMergedBy(),
                row.getMergedAt(),
                row.getMergedAt().plus(undoWindow),
                row.getUndoneBy(),
                row.getUndoneAt(),
                moved);
    }

    private static ErrorResponseException badRequest(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Cannot merge");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException notFound(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
