package io.directline.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's API: registers, updates and finds owners. */
@Service
@Transactional(readOnly = true)
public class CustomerManagement {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerManagement(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** Registers a new owner; throws {@link DuplicateHandleException} when the email or phone is taken. */
    @Transactional
    public Customer register(CustomerDetails details) {
        rejectTakenHandles(details, null);
        return customers.save(new Customer(details, clock.instant()));
    }

    /** Registers many owners in one transaction, with batched inserts (demo data, imports). */
    @Transactional
    public List<Customer> registerAll(List<CustomerDetails> details) {
        var now = clock.instant();
        return customers.saveAll(details.stream().map(d -> new Customer(d, now)).toList());
    }

    /** Replaces the fields of {@code changes} that are not null; throws {@link CustomerNotFoundException}. */
    @Transactional
    public Customer update(long id, CustomerDetails changes) {
        var customer = get(id);
        var current = customer.details();
        var merged = new CustomerDetails(
                changes.name() != null ? changes.name() : current.name(),
                changes.email() != null ? changes.email() : current.email(),
                changes.phone() != null ? changes.phone() : current.phone(),
                changes.preferredChannel() != null ? changes.preferredChannel() : current.preferredChannel(),
                changes.quietHours() != null ? changes.quietHours() : current.quietHours(),
                changes.timeZone() != null ? changes.timeZone() : current.timeZone(),
                changes.address() != null ? changes.address() : current.address(),
                changes.lifetimeValue() != null ? changes.lifetimeValue() : current.lifetimeValue(),
                changes.socialHandles() != null ? changes.socialHandles() : current.socialHandles());
        rejectTakenHandles(merged, id);
        customer.apply(merged, clock.instant());
        return customer;
    }

    /** Never null; throws {@link CustomerNotFoundException} for an unknown id. */
    public Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }

    public Optional<Customer> find(long id) {
        return customers.findById(id);
    }

    public boolean exists(long id) {
        return customers.existsById(id);
    }

    public Optional<Customer> findByEmail(String email) {
        return customers.findByEmail(Customer.normalizeEmail(email));
    }

    public Slice<Customer> list(String namePrefix, Pageable pageable) {
        return namePrefix == null || namePrefix.isBlank()
                ? customers.findAllBy(pageable)
                : customers.findByNameKeyStartingWith(namePrefix.strip().toLowerCase(Locale.ROOT), pageable);
    }

    /** The names of the given owners in one query, for list pages. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return customers.findNames(ids).stream()
                .collect(Collectors.toMap(
                        CustomerRepository.CustomerName::getId, CustomerRepository.CustomerName::getName));
    }

    private void rejectTakenHandles(CustomerDetails details, Long self) {
        var email = Customer.normalizeEmail(details.email());
        if (email != null) {
            customers
                    .findByEmail(email)
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> {
                        throw new DuplicateHandleException("email address", email, other.getId());
                    });
        }
        if (details.phone() != null && !details.phone().isBlank()) {
            customers
                    .findByPhone(details.phone().strip())
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> {
                        throw new DuplicateHandleException(
                                "phone number", details.phone().strip(), other.getId());
                    });
        }
    }
}
