package io.directline.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final OwnerHandles handles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerManagement(
            CustomerRepository customers, OwnerHandles handles, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.handles = handles;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a new owner; throws {@link DuplicateHandleException} when the email or phone is taken. */
    @Transactional
    public Customer register(CustomerDetails details) {
        rejectTakenHandles(details, null);
        var customer = customers.save(new Customer(details, clock.instant()));
        customers.flush();
        handles.syncPreferred(customer, null);
        return customer;
    }

    /** Registers many owners in one transaction, with batched inserts (demo data, imports). */
    @Transactional
    public List<Customer> registerAll(List<CustomerDetails> details) {
        var now = clock.instant();
        var saved = customers.saveAll(
                details.stream().map(d -> new Customer(d, now)).toList());
        handles.recordPreferred(saved);
        return saved;
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
        handles.syncPreferred(customer, current);
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
        var kind = HandleKind.of(channel);
        boolean reachable = kind.isEmpty() || handles.handlesOf(id).stream().anyMatch(h -> h.kind() == kind.get());
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
     * The owner for whom {@code handle} is a proven way in: a verified e-mail address or phone number among their
     * handles. Empty for anything else (an unverified handle, a social account); never throws on odd input. This is
     * the one place that decides which handles may receive a sign-in code.
     */
    public Optional<Customer> ownerOfVerifiedHandle(Channel channel, String handle) {
        if (channel != Channel.EMAIL && channel != Channel.SMS) {
            return Optional.empty();
        }
        var kind = HandleKind.of(channel).orElseThrow();
        return handles.findByHandle(kind, handle)
                .filter(Handle::verified)
                .flatMap(h -> customers.findById(h.customerId()))
                .filter(owner -> owner.getMergedInto() == null);
    }

    /** The key a handle is looked up by ({@link HandleKind#lookupKey(String)}); null for no handle of the kind. */
    public static String handleKey(Channel channel, String handle) {
        return HandleKind.of(channel).map(kind -> kind.lookupKey(handle)).orElse(null);
    }

    /** Never null; throws {@link CustomerNotFoundException} for an unknown id. */
    public Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }

    /**
     * The owners with these ids, by id, in one query with their handles on every network (for sending to many
     * owners at once); ids of no owner are missing from the map. The owners are read-only.
     */
    public Map<Long, Customer> getAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new java.util.HashMap<Long, Customer>();
        inLists(ids, chunk -> customers.findAllWithAddresses(chunk).forEach(c -> found.putIfAbsent(c.getId(), c)));
        return found;
    }

    /**
     * Ids per {@code in (…)} list. H2 tests each row an index finds against the whole list of parameters, one by one,
     * so a list of n ids costs n² comparisons: a fan-out's page of 1,000 owners spent more time there than in the
     * lookups. Lists of 100 cost a tenth, on PostgreSQL too little to matter either way.
     */
    static final int IN_LIST = 100;

    private static void inLists(Collection<Long> ids, java.util.function.Consumer<List<Long>> query) {
        var list = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < list.size(); from += IN_LIST) {
            query.accept(list.subList(from, Math.min(list.size(), from + IN_LIST)));
        }
    }

    public Optional<Customer> find(long id) {
        return customers.findById(id);
    }

    public boolean exists(long id) {
        return customers.existsById(id);
    }

    /** The owner with this e-mail address among their handles (preferred or not). */
    public Optional<Customer> findByEmail(String email) {
        return byHandle(HandleKind.EMAIL, email);
    }

    /**
     * The owner behind a handle on a channel: an e-mail address, a phone number (SMS, phone) or a
     * social-network handle (X, Mastodon).
     */
    public Optional<Customer> findByHandle(Channel channel, String handle) {
        if (handle == null || handle.isBlank()) {
            return Optional.empty();
        }
        return HandleKind.of(channel).flatMap(kind -> byHandle(kind, handle));
    }

    private Optional<Customer> byHandle(HandleKind kind, String value) {
        return handles.ownerIdOf(kind, value).flatMap(customers::findById);
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
        customers.save(customer);
        customers.flush();
        handles.syncPreferred(customer, null);
        return customer;
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
            // a merged owner keeps its account ids; whoever writes from them now is the owner it was merged into
            var owner = survivorOf(known.get());
            var before = owner.details();
            if (!shown.equals(owner.getSocialHandles().get(network))) {
                releaseHandle(network, shown, owner.getId());
                owner.showSocialHandle(network, shown, now);
                handles.syncPreferred(owner, before);
            }
            return new AccountOwner(owner, false);
        }
        var kind = HandleKind.valueOf(network.toUpperCase(Locale.ROOT));
        var byHandleOnly =
                byHandle(kind, shown).filter(c -> !c.getSocialAccounts().containsKey(network));
        if (byHandleOnly.isPresent()) {
            var before = byHandleOnly.get().details();
            byHandleOnly.get().linkSocialAccount(network, id, shown, now);
            handles.syncPreferred(byHandleOnly.get(), before);
            return new AccountOwner(byHandleOnly.get(), true);
        }
        releaseHandle(network, shown, null);
        var created = registerUnverified(channel, shown, name);
        var before = created.details();
        created.linkSocialAccount(network, id, shown, now);
        handles.syncPreferred(created, before);
        return new AccountOwner(created, true);
    }

    /** The owner that stands for {@code owner}: itself, or the owner it was (perhaps in turn) merged into. */
    Customer survivorOf(Customer owner) {
        var current = owner;
        for (int hops = 0; current.getMergedInto() != null && hops < 100; hops++) {
            current = get(current.getMergedInto());
        }
        return current;
    }

    private void releaseHandle(String network, String handle, Long keeper) {
        var kind = HandleKind.valueOf(network.toUpperCase(Locale.ROOT));
        byHandle(kind, handle)
                .filter(previous -> !previous.getId().equals(keeper))
                .ifPresent(previous -> {
                    var key = kind.lookupKey(handle);
                    if (key.equals(kind.lookupKey(previous.getSocialHandles().get(network)))) {
                        previous.forgetSocialHandle(network, clock.instant());
                        customers.flush();
                    }
                    handles.release(previous.getId(), kind, handle);
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
        var names = new java.util.HashMap<Long, String>();
        inLists(ids, chunk -> customers.findNames(chunk).forEach(n -> names.put(n.getId(), n.getName())));
        return names;
    }

    /**
     * For each id that names an owner, the owner who stands for it now: itself, or the owner it was merged into.
     * Unknown ids are left out. One query per hundred ids (imports resolve their owners with it).
     */
    public Map<Long, Long> standingOwners(Collection<Long> ids) {
        var standing = new java.util.HashMap<Long, Long>();
        inLists(ids, chunk -> {
            for (var row : customers.findStanding(chunk)) {
                standing.put(
                        row.getId(),
                        row.getMergedInto() == null
                                ? row.getId()
                                : survivorOf(get(row.getId())).getId());
            }
        });
        return standing;
    }

    private void rejectTakenHandles(CustomerDetails details, Long self) {
        rejectTaken(HandleKind.EMAIL, "email address", details.email(), self);
        rejectTaken(HandleKind.PHONE, "phone number", details.phone(), self);
    }

    private void rejectTaken(HandleKind kind, String what, String value, Long self) {
        handles.ownerIdOf(kind, value).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new DuplicateHandleException(
                    what, kind == HandleKind.EMAIL ? kind.lookupKey(value) : value.strip(), other);
        });
    }
}
