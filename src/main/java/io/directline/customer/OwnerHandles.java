package io.directline.customer;

import io.directline.customer.handle.CustomerHandle;
import io.directline.customer.handle.CustomerHandleRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The customer module's API for handles: every e-mail address, phone number and social account of an owner, each
 * verified or not, found by its normalized lookup key ({@link HandleKind#lookupKey(String)}). An owner's e-mail,
 * phone and social handles on {@link Customer} are their preferred ones and always have a row here too; every
 * lookup by handle goes through this table.
 */
@Service
@Transactional(readOnly = true)
public class OwnerHandles {

    /** The most handles one prefix search answers. */
    public static final int MAX_PREFIX_RESULTS = 50;

    private final CustomerHandleRepository handles;
    private final CustomerRepository customers;
    private final Clock clock;

    OwnerHandles(CustomerHandleRepository handles, CustomerRepository customers, Clock clock) {
        this.handles = handles;
        this.customers = customers;
        this.clock = clock;
    }

    /** The owner's handles, by kind; empty for an unknown owner. */
    public List<Handle> handlesOf(long customerId) {
        return handles.findByCustomerIdOrderByKindAscIdAsc(customerId).stream()
                .map(CustomerHandle::view)
                .toList();
    }

    /** The handle of this kind whose lookup key equals that of {@code value}, exactly. */
    public Optional<Handle> findByHandle(HandleKind kind, String value) {
        var key = kind.lookupKey(value);
        return key == null
                ? Optional.empty()
                : handles.findByKindAndLookupKey(kind, key).map(CustomerHandle::view);
    }

    /**
     * The owners of many handles of one kind at once, keyed by each handle's lookup key
     * ({@link HandleKind#lookupKey(String)}); handles nobody has are left out. One indexed query per hundred (H2 tests
     * each found row against the list one parameter at a time).
     */
    public Map<String, Long> ownerIdsByHandle(HandleKind kind, Collection<String> values) {
        var keys = values.stream()
                .map(kind::lookupKey)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        var owners = new java.util.HashMap<String, Long>();
        for (int from = 0; from < keys.size(); from += 100) {
            handles.findByKindAndLookupKeyIn(kind, keys.subList(from, Math.min(keys.size(), from + 100)))
                    .forEach(h -> owners.put(h.getLookupKey(), h.getCustomerId()));
        }
        return owners;
    }

    /**
     * Handles of any kind whose lookup key starts with what was typed (lower-cased; a phone number reduced to its
     * digits), in key order, from the lookup-key index. Blank input finds nothing.
     *
     * @param limit at most {@link #MAX_PREFIX_RESULTS}
     */
    public List<Handle> findByHandlePrefix(String prefix, int limit) {
        if (prefix == null || prefix.isBlank() || limit < 1) {
            return List.of();
        }
        var typed = prefix.strip();
        var key = looksLikePhone(typed) ? HandleKind.PHONE.lookupKey(typed) : HandleKind.X.lookupKey(typed);
        if (key == null) {
            return List.of();
        }
        var escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return handles.findByLookupKeyPrefix(escaped, PageRequest.of(0, Math.min(limit, MAX_PREFIX_RESULTS))).stream()
                .map(CustomerHandle::view)
                .toList();
    }

    static boolean looksLikePhone(String typed) {
        return typed.chars().anyMatch(Character::isDigit)
                && typed.chars().allMatch(c -> Character.isDigit(c) || " +-().".indexOf(c) >= 0);
    }

    /**
     * Gives an owner a handle. Adding a handle the owner has already is harmless (it is verified if {@code verified}).
     *
     * @throws CustomerNotFoundException for an unknown owner
     * @throws DuplicateHandleException (409) when the handle belongs to another owner
     * @throws ErrorResponseException (400) when {@code value} is no handle of this kind, (409) for a merged owner
     */
    @Transactional
    public Handle addHandle(long customerId, HandleKind kind, String value, boolean verified) {
        var owner = customers.findById(customerId).orElseThrow(() -> new CustomerNotFoundException(customerId));
        if (owner.getMergedInto() != null) {
            throw MergeConflictException.alreadyMerged(customerId, owner.getMergedInto());
        }
        var key = kind.lookupKey(value);
        if (key == null || key.length() > HandleKind.MAX_LENGTH || value.strip().length() > HandleKind.MAX_LENGTH) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "'" + abbreviate(value) + "' is no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " handle (at most " + HandleKind.MAX_LENGTH + " characters).");
            problem.setTitle("Not a handle");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return ensure(customerId, kind, value.strip(), key, verified).view();
    }

    /**
     * Marks an owner's handle as proven theirs (a code sent to it came back).
     *
     * @throws ErrorResponseException (404) when the owner has no such handle
     */
    @Transactional
    public Handle markVerified(long customerId, HandleKind kind, String value) {
        var key = kind.lookupKey(value);
        var handle = Optional.ofNullable(key)
                .flatMap(k -> handles.findByKindAndLookupKey(kind, k))
                .filter(h -> h.getCustomerId() == customerId)
                .orElseThrow(() -> {
                    var problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "Owner " + customerId + " has no such " + kind + " handle.");
                    problem.setTitle("Unknown handle");
                    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
                });
        handle.markVerified(clock.instant());
        return handle.view();
    }

    /** The owners among {@code ids}' handles of a kind, for match rules: lookup key to owner id. */
    Map<String, Long> ownersOf(HandleKind kind, Collection<String> lookupKeys) {
        if (lookupKeys.isEmpty()) {
            return Map.of();
        }
        var found = new java.util.HashMap<String, Long>();
        handles.findByKindAndLookupKeyIn(kind, lookupKeys).forEach(h -> found.put(h.getLookupKey(), h.getCustomerId()));
        return found;
    }

    Optional<Long> ownerIdOf(HandleKind kind, String value) {
        return findByHandle(kind, value).map(Handle::customerId);
    }

    /**
     * Keeps the rows of an owner's preferred handles (e-mail, phone and social handles on {@link Customer}) in step
     * with them: a changed one is released and the new one recorded.
     *
     * @param before the owner's details before the change; null for a new owner
     */
    void syncPreferred(Customer owner, CustomerDetails before) {
        sync(owner, HandleKind.EMAIL, before == null ? null : before.email(), owner.getEmail());
        sync(owner, HandleKind.PHONE, before == null ? null : before.phone(), owner.getPhone());
        for (var kind : List.of(HandleKind.X, HandleKind.MASTODON)) {
            var network = CustomerManagement.networkKey(Channel.valueOf(kind.name()));
            sync(
                    owner,
                    kind,
                    before == null || before.socialHandles() == null
                            ? null
                            : before.socialHandles().get(network),
                    owner.getSocialHandles().get(network));
        }
    }

    /** Records the preferred handles of many new owners with batched inserts. */
    void recordPreferred(Collection<Customer> owners) {
        var rows = new ArrayList<CustomerHandle>();
        var now = clock.instant();
        for (var owner : owners) {
            add(rows, owner, HandleKind.EMAIL, owner.getEmail(), now);
            add(rows, owner, HandleKind.PHONE, owner.getPhone(), now);
            add(rows, owner, HandleKind.X, owner.getSocialHandles().get("x"), now);
            add(rows, owner, HandleKind.MASTODON, owner.getSocialHandles().get("mastodon"), now);
        }
        handles.saveAll(rows);
    }

    private static void add(
            List<CustomerHandle> rows, Customer owner, HandleKind kind, String value, java.time.Instant now) {
        var key = kind.lookupKey(value);
        if (key != null) {
            rows.add(new CustomerHandle(owner.getId(), kind, value.strip(), key, owner.isVerified(), now));
        }
    }

    /** Releases a handle an owner no longer shows (another account took it on the network). */
    void release(long customerId, HandleKind kind, String value) {
        var key = kind.lookupKey(value);
        if (key != null) {
            handles.release(customerId, kind, key);
        }
    }

    private void sync(Customer owner, HandleKind kind, String previous, String current) {
        var oldKey = kind.lookupKey(previous);
        var newKey = kind.lookupKey(current);
        if (oldKey != null && !oldKey.equals(newKey)) {
            handles.release(owner.getId(), kind, oldKey);
        }
        if (newKey != null) {
            ensure(owner.getId(), kind, current.strip(), newKey, owner.isVerified())
                    .show(current.strip());
        }
    }

    private CustomerHandle ensure(long customerId, HandleKind kind, String value, String key, boolean verified) {
        var existing = handles.findByKindAndLookupKey(kind, key);
        if (existing.isPresent()) {
            var handle = existing.get();
            if (handle.getCustomerId() != customerId) {
                throw new DuplicateHandleException(
                        kind.name().toLowerCase(java.util.Locale.ROOT) + " handle", value, handle.getCustomerId());
            }
            if (verified) {
                handle.markVerified(clock.instant());
            }
            return handle;
        }
        return handles.save(new CustomerHandle(customerId, kind, value, key, verified, clock.instant()));
    }

    List<Long> idsOf(long customerId) {
        return handles.idsOf(customerId);
    }

    int moveAll(long from, long into) {
        return handles.moveAll(from, into);
    }

    int moveBack(Collection<Long> ids, long from, long back) {
        return ids.isEmpty() ? 0 : handles.moveBack(ids, from, back);
    }

    private static String abbreviate(String value) {
        var v = Objects.requireNonNullElse(value, "").strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
