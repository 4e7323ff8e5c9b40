package io.directline.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds owners by an exact e-mail address, a phone number in any format, a social handle with or without its
 * {@code @}, or the start of their name; each through its own index (customer_email_uk, customer_phone_uk,
 * customer_social_handle_handle_idx, customer_name_key_idx).
 */
@Component
@Order(1)
class OwnerFinder implements Finder {

    /** What a typed phone number may look like: digits, spaces, + ( ) . - */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().\\-]+");

    private static final int MIN_PHONE_DIGITS = 5;

    private final CustomerRepository customers;

    OwnerFinder(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Found> find(String query, int limit) {
        var found = new LinkedHashMap<Long, Customer>();
        if (query.indexOf('@') > 0) {
            customers.findByEmail(Customer.normalizeEmail(query)).ifPresent(c -> found.put(c.getId(), c));
        }
        if (PHONE_LIKE.matcher(query).matches()) {
            String digits = query.replaceAll("\\D", "");
            if (digits.length() >= MIN_PHONE_DIGITS) {
                customers
                        .findByPhoneIn(List.of("+" + digits, digits), Limit.of(limit))
                        .forEach(c -> found.put(c.getId(), c));
            }
        }
        if (query.chars().noneMatch(Character::isWhitespace)) {
            String bare = query.startsWith("@") ? query.substring(1) : query;
            if (!bare.isEmpty()) {
                customers
                        .findBySocialHandleIn(List.of(bare, "@" + bare), Limit.of(limit))
                        .forEach(c -> found.put(c.getId(), c));
            }
        }
        if (found.size() < limit) {
            customers
                    .findByNameKeyStartingWith(
                            query.toLowerCase(Locale.ROOT), PageRequest.of(0, limit, Sort.by("nameKey", "id")))
                    .forEach(c -> found.putIfAbsent(c.getId(), c));
        }
        var matches = new ArrayList<Found>();
        for (var owner : found.values()) {
            if (matches.size() == limit) {
                break;
            }
            matches.add(new Found(
                    Found.Kind.OWNER, owner.getId(), owner.getName(), detail(owner), "/customers/" + owner.getId()));
        }
        return matches;
    }

    private static String detail(Customer owner) {
        return Stream.of(owner.getEmail(), owner.getPhone())
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining(" · "));
    }
}
