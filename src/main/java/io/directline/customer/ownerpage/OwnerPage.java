package io.directline.customer.ownerpage;

import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import io.directline.customer.Finder;
import io.directline.customer.Found;
import io.directline.customer.OwnerHandles;
import io.directline.customer.OwnerPageSection;
import io.directline.customer.OwnerSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/** Puts the owner page together from every module's section, and the find box's matches from every finder. */
@Service
public class OwnerPage {

    /** The most matches the find box shows. */
    public static final int MAX_FOUND = 10;

    private final CustomerManagement customers;
    private final OwnerHandles handles;
    private final List<OwnerPageSection> sections;
    private final List<Finder> finders;

    OwnerPage(
            CustomerManagement customers, OwnerHandles handles, List<OwnerPageSection> sections, List<Finder> finders) {
        this.customers = customers;
        this.handles = handles;
        this.sections = List.copyOf(sections);
        this.finders = List.copyOf(finders);
    }

    /** An owner with their handles and every module's section; throws a 404 problem for an unknown owner. */
    public View of(long customerId) {
        var owner = customers.get(customerId);
        return new View(
                owner,
                handles.handlesOf(customerId).stream()
                        .map(h -> new OwnerHandle(h.kind().name(), h.value(), h.verified()))
                        .toList(),
                sections.stream().map(s -> s.sectionFor(customerId)).toList());
    }

    /**
     * What the find box shows for what was typed: the owner of a handle typed whole and nothing else (one or two
     * indexed lookups); otherwise owners first, then cases, at most {@link #MAX_FOUND}; nothing for fewer than {@link Finder#MIN_QUERY_LENGTH} or more than {@link Finder#MAX_QUERY_LENGTH} characters.
     */
    public List<Found> find(String typed) {
        String query = typed == null ? "" : typed.strip();
        if (query.length() < Finder.MIN_QUERY_LENGTH || query.length() > Finder.MAX_QUERY_LENGTH) {
            return List.of();
        }
        for (var finder : finders) {
            var exact = finder.exact(query);
            if (!exact.isEmpty()) {
                // a whole handle names its owner: no prefix lookups, no other finder
                return exact.size() > MAX_FOUND ? exact.subList(0, MAX_FOUND) : exact;
            }
        }
        var found = new ArrayList<Found>();
        var seen = new HashSet<String>();
        for (var finder : finders) {
            for (var match : finder.find(query, MAX_FOUND - found.size())) {
                if (seen.add(match.kind() + ":" + match.id())) {
                    found.add(match);
                }
            }
            if (found.size() >= MAX_FOUND) {
                break;
            }
        }
        return found;
    }

    /** An owner, their handles and the sections of their page, in page order. */
    public record View(Customer owner, List<OwnerHandle> handles, List<OwnerSection> sections) {}
}
