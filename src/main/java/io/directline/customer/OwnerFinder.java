package io.directline.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds owners by a handle typed whole (an e-mail address, a phone number in any format, an X or Mastodon handle
 * with or without its {@code @}: customer_handle_key_uk), which settles the query; otherwise by the start of their
 * name (customer_name_key_idx) and by the start of any handle (customer_handle_prefix_idx), in that order. Merged owners are left out: their
 * handles and cases are on the owner they were merged into.
 */
@Component
@Order(1)
class OwnerFinder implements Finder {

    private final CustomerRepository customers;
    private final OwnerHandles handles;

    OwnerFinder(CustomerRepository customers, OwnerHandles handles) {
        this.customers = customers;
        this.handles = handles;
    }

    /** The owner whose handle is exactly what was typed: at most two unique-key lookups, then the owner. */
    @Override
    @Transactional(readOnly = true)
    public List<Found> exact(String query) {
        var handle = exactHandle(query);
        if (handle.isEmpty()) {
            return List.of();
        }
        return customers
                .findById(handle.get().customerId())
                .filter(owner -> owner.getMergedInto() == null)
                .map(owner -> List.of(found(owner)))
                .orElse(List.of());
    }

    /**
     * Owners by an X handle typed without its {@code @}, by the start of their name, then by the start of any
     * handle. Asked when {@link #exact} found no owner, so no whole handle it tried is looked up again.
     */
    @Override
    @Transactional(readOnly = true)
    public List<Found> find(String query, int limit) {
        var ids = new LinkedHashSet<Long>();
        if (maybeBareXHandle(query)) {
            handles.findByHandle(HandleKind.X, query).ifPresent(h -> ids.add(h.customerId()));
        }
        var byName = customers
                .findByNameKeyStartingWith(
                        query.toLowerCase(Locale.ROOT), PageRequest.of(0, limit, Sort.by("nameKey", "id")))
                .getContent();
        byName.forEach(c -> ids.add(c.getId()));
        if (ids.size() < limit) {
            handles.findByHandlePrefix(query, limit).forEach(h -> ids.add(h.customerId()));
        }
        var owners = Stream.concat(
                        byName.stream(),
                        customers
                                .findAllById(ids.stream()
                                        .filter(id -> byName.stream()
                                                .noneMatch(c -> c.getId().equals(id)))
                                        .toList())
                                .stream())
                .collect(Collectors.toMap(Customer::getId, Function.identity(), (a, b) -> a));
        var matches = new ArrayList<Found>();
        for (long id : ids) {
            var owner = owners.get(id);
            if (matches.size() == limit) {
                break;
            }
            if (owner != null && owner.getMergedInto() == null) {
                matches.add(found(owner));
            }
        }
        return matches;
    }

    private static Found found(Customer owner) {
        return new Found(
                Found.Kind.OWNER, owner.getId(), owner.getName(), detail(owner), "/customers/" + owner.getId());
    }

    /**
     * The handle that is exactly what was typed, when it can only be a handle, looked up by its kind's unique key,
     * stopping at the first hit: an address with an {@code @} inside (an e-mail address, else a Mastodon account), a
     * handle typed with its leading {@code @} (X, or Mastodon for {@code @user@instance}), a phone number with and
     * without the country's {@code +}. A plain word may be a name as well as an X handle: {@link #find} has it.
     */
    private Optional<Handle> exactHandle(String query) {
        if (query.chars().anyMatch(Character::isWhitespace) && !OwnerHandles.looksLikePhone(query)) {
            return Optional.empty();
        }
        var lookups = new ArrayList<java.util.function.Supplier<Optional<Handle>>>();
        if (query.indexOf('@') > 0) {
            lookups.add(() -> handles.findByHandle(HandleKind.EMAIL, query));
            lookups.add(() -> handles.findByHandle(HandleKind.MASTODON, query));
        } else if (query.startsWith("@")) {
            var kind = query.indexOf('@', 1) > 1 ? HandleKind.MASTODON : HandleKind.X;
            lookups.add(() -> handles.findByHandle(kind, query));
        } else if (OwnerHandles.looksLikePhone(query)) {
            String digits = query.replaceAll("\\D", "");
            // typed with or without the country's +: "+1 (555) 010-2000" and "15550102000" are one number
            lookups.add(() -> handles.findByHandle(HandleKind.PHONE, "+" + digits));
            lookups.add(() -> handles.findByHandle(HandleKind.PHONE, digits));
        }
        for (var lookup : lookups) {
            var hit = lookup.get();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** A plain word (no {@code @}, no space, not a phone number) may be an X handle typed without its {@code @}. */
    private static boolean maybeBareXHandle(String query) {
        return query.indexOf('@') < 0
                && query.chars().noneMatch(Character::isWhitespace)
                && !OwnerHandles.looksLikePhone(query);
    }

    private static String detail(Customer owner) {
        return Stream.of(owner.getEmail(), owner.getPhone())
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining(" · "));
    }
}
