package io.directline.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's API: registers, updates and finds owners. */
@Service
@Transactional(readOnly = true)
public class CustomerManagement {

    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerManagement(CustomerRepository customers, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
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
        var merged = changes.over(current);
        rejectTakenHandles(merged, id);
        var now = clock.instant();
        customer.apply(merged, now);
        if (merged.tier() != current.tier()) {
            events.publishEvent(new CustomerTierChanged(id, current.tier(), merged.tier(), now));
        }
        return customer;
    }

    /**
     * Keeps the owner's own choices. Throws {@link InvalidPreferencesException} (400) for a channel they cannot be
     * reached on (e-mail without an address, SMS without a number, a network they never used), only one end of the
     * quiet hours, a time zone that is not a region, or a language tag that names no language; and
     * {@link CustomerNotFoundException} for an unknown id.
     */
    @Transactional
    public Customer changePreferences(long id, OwnerPreferences preferences) {
        var customer = get(id);
        var channel = preferences.preferredChannel() == null ? Channel.EMAIL : preferences.preferredChannel();
        boolean reachable = switch (channel) {
            case PORTAL -> true;
            case EMAIL -> customer.getEmail() != null;
            case SMS, PHONE -> customer.getPhone() != null;
            case X, MASTODON -> customer.socialAddress(networkKey(channel)) != null;
        };
        if (!reachable) {
            throw new InvalidPreferencesException(
                    "preferredChannel",
                    "We cannot answer on " + channel + ": your account has no " + handleName(channel)
                            + " yet. Add one first, or choose another channel.");
        }
        if ((preferences.quietFrom() == null) != (preferences.quietUntil() == null)) {
            throw new InvalidPreferencesException(
                    "quietHours", "Quiet hours need both a start and an end (such as 22:00 and 07:00), or neither.");
        }
        var quiet = preferences.quietFrom() == null
                ? null
                : new QuietHours(preferences.quietFrom(), preferences.quietUntil());
        String zone;
        var zoneText =
                preferences.timeZone() == null ? "" : preferences.timeZone().strip();
        try {
            zone = zoneText.isEmpty() ? "UTC" : java.time.ZoneId.of(zoneText).getId();
        } catch (java.time.DateTimeException e) {
            throw new InvalidPreferencesException(
                    "timeZone",
                    "'" + abbreviate(zoneText) + "' is not a time zone; use a region such as Europe/Zurich.");
        }
        String language = null;
        var languageText =
                preferences.language() == null ? "" : preferences.language().strip();
        if (!languageText.isEmpty()) {
            var locale = languageText.length() > 35 ? Locale.ROOT : Locale.forLanguageTag(languageText);
            if (locale.getLanguage().isEmpty()
                    || !java.util.Set.of(Locale.getISOLanguages()).contains(locale.getLanguage())) {
                throw new InvalidPreferencesException(
                        "language",
                        "'" + abbreviate(languageText) + "' is not a language; use a tag such as en, fr or de-CH.");
            }
            language = locale.toLanguageTag();
        }
        customer.changePreferences(channel, quiet, zone, language, clock.instant());
        return customer;
    }

    private static String handleName(Channel channel) {
        return switch (channel) {
            case EMAIL -> "e-mail address";
            case SMS, PHONE -> "phone number";
            default -> channel + " account";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * The owner for whom {@code handle} is a proven way in: an e-mail address or phone number of a verified owner
     * (owners first met on a channel are verified by staff, or by proving a handle with a code). Empty for anything
     * else; never throws on odd input. This is the one place that decides which handles may receive a sign-in code.
     */
    public Optional<Customer> ownerOfVerifiedHandle(Channel channel, String handle) {
        if (channel != Channel.EMAIL && channel != Channel.SMS) {
            return Optional.empty();
        }
        return findByHandle(channel, handle).filter(Customer::isVerified);
    }

    /** The key a handle is looked up by: an e-mail address in lower case, a phone number as + and digits. */
    public static String handleKey(Channel channel, String handle) {
        return channel == Channel.EMAIL ? Customer.normalizeEmail(handle) : Customer.normalizePhone(handle);
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

    /**
     * The owner behind a handle on a channel: an e-mail address, a phone number (SMS, phone) or a
     * social-network handle (X, Mastodon).
     */
    public Optional<Customer> findByHandle(Channel channel, String handle) {
        if (handle == null || handle.isBlank()) {
            return Optional.empty();
        }
        return switch (channel) {
            case EMAIL -> customers.findByEmail(Customer.normalizeEmail(handle));
            case SMS, PHONE -> customers.findByPhone(Customer.normalizePhone(handle));
            case X, MASTODON -> customers.findBySocialHandle(networkKey(channel), handle.strip());
            case PORTAL -> Optional.empty();
        };
    }

    /**
     * Registers someone who wrote for the first time on a channel as a new owner, flagged unverified
     * until staff confirm who they are. Their preferred channel is the one they used.
     */
    @Transactional
    public Customer registerUnverified(Channel channel, String handle, String name) {
        var displayName = name == null || name.isBlank() ? handle.strip() : name.strip();
        var details = new CustomerDetails(
                displayName.length() > 200 ? displayName.substring(0, 200) : displayName,
                channel == Channel.EMAIL ? handle : null,
                channel == Channel.SMS || channel == Channel.PHONE ? handle : null,
                channel,
                null,
                null,
                null,
                null,
                channel == Channel.X || channel == Channel.MASTODON
                        ? Map.of(networkKey(channel), handle.strip())
                        : null);
        var customer = new Customer(details, clock.instant());
        customer.markUnverified();
        return customers.save(customer);
    }

    /**
     * Who wrote from a network account.
     *
     * @param customer never null
     * @param firstSeen this account id was not known before: a new owner, or one known only by the handle
     *     until now (recorded before ids were, or entered by staff), who proves nothing yet
     */
    public record AccountOwner(Customer customer, boolean firstSeen) {}

    /**
     * The owner behind a network account, found by its stable id (an X user id), never by the handle alone:
     * handles are renamed and taken by others. An owner known only by this handle is bound to the id on first
     * contact; anyone else becomes a new, unverified owner. The handle is kept as the display, and taken from
     * whichever other owner showed it before (the network gives a handle to one account at a time).
     */
    @Transactional
    public AccountOwner ownerOfAccount(Channel channel, String accountId, String handle, String name) {
        var network = networkKey(channel);
        var id = accountId.strip();
        var shown = handle == null || handle.isBlank() ? id : handle.strip();
        var now = clock.instant();
        var known = customers.findBySocialAccount(network, id);
        if (known.isPresent()) {
            var owner = known.get();
            if (!shown.equals(owner.getSocialHandles().get(network))) {
                releaseHandle(network, shown, owner.getId());
                owner.showSocialHandle(network, shown, now);
            }
            return new AccountOwner(owner, false);
        }
        var byHandleOnly = customers
                .findBySocialHandle(network, shown)
                .filter(c -> !c.getSocialAccounts().containsKey(network));
        if (byHandleOnly.isPresent()) {
            byHandleOnly.get().linkSocialAccount(network, id, shown, now);
            return new AccountOwner(byHandleOnly.get(), true);
        }
        releaseHandle(network, shown, null);
        var created = registerUnverified(channel, shown, name);
        created.linkSocialAccount(network, id, shown, now);
        return new AccountOwner(created, true);
    }

    private void releaseHandle(String network, String handle, Long keeper) {
        customers
                .findBySocialHandle(network, handle)
                .filter(previous -> !previous.getId().equals(keeper))
                .ifPresent(previous -> {
                    previous.forgetSocialHandle(network, clock.instant());
                    customers.flush();
                });
    }

    /** The key under which a channel's handles are kept in an owner's social handles. */
    public static String networkKey(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
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
                    .findByPhone(Customer.normalizePhone(details.phone()))
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> {
                        throw new DuplicateHandleException(
                                "phone number", details.phone().strip(), other.getId());
                    });
        }
    }
}
