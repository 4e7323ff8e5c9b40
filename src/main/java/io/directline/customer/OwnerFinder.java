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
 * with or without its {@code @}: customer_handle_key_uk), by the start of their name (customer_name_key_idx), and
 * by the start of any handle (customer_handle_prefix_idx), in that order. Merged owners are left out: their
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

    @Override
    @Transactional(readOnly = true)
    public List<Found> find(String query, int limit) {
        var ids = new LinkedHashSet<Long>();
        exactHandles(query).forEach(h -> ids.add(h.customerId()));
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
                matches.add(new Found(Found.Kind.OWNER, id, owner.getName(), detail(owner), "/customers/" + id));
            }
        }
        return matches;
    }

    /** The handles that are exactly what was typed, each looked up by its kind's unique key. */
    private List<Handle> exactHandles(String query) {
        var found = new ArrayList<Optional<Handle>>();
        if (query.indexOf('@') > 0) {
            found.add(handles.findByHandle(HandleKind.EMAIL, query));
        }
        if (OwnerHandles.looksLikePhone(query)) {
            String digits = query.replaceAll("\\D", "");
            // typed with or without the country's +: "+1 (555) 010-2000" and "15550102000" are one number
            found.add(handles.findByHandle(HandleKind.PHONE, "+" + digits));
            found.add(handles.findByHandle(HandleKind.PHONE, digits));
        }
        if (query.chars().noneMatch(Character::isWhitespace)) {
            found.add(handles.findByHandle(HandleKind.X, query));
            found.add(handles.findByHandle(HandleKind.MASTODON, query));
        }
        return found.stream().flatMap(Optional::stream).toList();
    }

    private static String detail(Customer owner) {
        return Stream.of(owner.getEmail(), owner.getPhone())
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining(" · "));
    }
}
