package io.directline.identity;

import io.directline.customer.CustomerManagement;
import io.directline.customer.CustomerNotFoundException;
import io.directline.identity.user.UserAccount;
import io.directline.identity.user.UserProblems;
import io.directline.identity.user.UserRepository;
import io.directline.identity.workinghours.WorkingHours;
import io.directline.identity.workinghours.WorkingHoursProperties;
import io.directline.identity.workinghours.WorkingHoursStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: creates logins and tells other modules who the staff are. */
@Service
@Transactional(readOnly = true)
public class UserManagement {

    /** The most a password may hold, in UTF-8 bytes: bcrypt reads no further, and Spring Security refuses more. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CustomerManagement customers;
    private final WorkingHoursProperties defaultHours;
    private final Clock clock;

    UserManagement(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            CustomerManagement customers,
            WorkingHoursProperties defaultHours,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.customers = customers;
        this.defaultHours = defaultHours;
        this.clock = clock;
    }

    /**
     * Creates a login. Throws a 409 problem when the username is taken, a 400 problem when the roles mix
     * OWNER with staff or an OWNER names no customer or the password is longer than {@link #MAX_PASSWORD_BYTES},
     * and a 404 problem for an unknown customer.
     */
    @Transactional
    public long createUser(NewUser user) {
        if (!passwordFits(user.password())) {
            throw UserProblems.passwordTooLong(user.password().getBytes(StandardCharsets.UTF_8).length);
        }
        if (users.existsByUsername(user.username())) {
            throw UserProblems.usernameTaken(user.username());
        }
        boolean owner = user.roles().contains(Role.OWNER);
        if (owner && user.roles().size() > 1) {
            throw UserProblems.invalidRoles("An OWNER login cannot also hold a staff role.");
        }
        if (owner && user.customerId() == null) {
            throw UserProblems.invalidRoles("An OWNER login needs the customerId of the owner it belongs to.");
        }
        if (!owner && user.customerId() != null) {
            throw UserProblems.invalidRoles("Only an OWNER login can be linked to a customer.");
        }
        if (owner && !customers.exists(user.customerId())) {
            throw new CustomerNotFoundException(user.customerId());
        }
        var displayName = user.displayName() == null || user.displayName().isBlank()
                ? owner ? customers.get(user.customerId()).getName() : user.username()
                : user.displayName().strip();
        var account = new UserAccount(
                user.username(),
                passwordEncoder.encode(user.password()),
                displayName,
                user.email(),
                user.team(),
                user.roles(),
                user.customerId(),
                clock.instant());
        return users.save(account).getId();
    }

    /**
     * The owner's login, created on their first sign-in by a code or link when they have none ("claim your
     * account": owners created by intake or import have no login). Owners have no password they know: the
     * stored one is random and never shown. Never null; throws {@link CustomerNotFoundException}.
     */
    @Transactional
    public DirectLineUser ownerLogin(long customerId) {
        var existing = users.findFirstByCustomerIdOrderById(customerId);
        if (existing.isPresent()) {
            return existing.get().toPrincipal();
        }
        var customer = customers.get(customerId);
        var username = users.existsByUsername("owner-" + customerId)
                ? "owner-" + customerId + "-" + generatePassword().substring(0, 6)
                : "owner-" + customerId;
        var account = new UserAccount(
                username,
                passwordEncoder.encode(generatePassword()),
                customer.getName(),
                customer.getEmail(),
                null,
                Set.of(Role.OWNER),
                customerId,
                clock.instant());
        return users.save(account).toPrincipal();
    }

    /** Whether the owner has a login already (signed in before, or was given one); false for owners intake made. */
    public boolean hasOwnerLogin(long customerId) {
        return users.findFirstByCustomerIdOrderById(customerId).isPresent();
    }

    /** A new random password: 20 characters of an alphabet without look-alikes (about 117 bits); never null. */
    public static String generatePassword() {
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether the password is short enough to be stored: at most {@link #MAX_PASSWORD_BYTES} in UTF-8. */
    public static boolean passwordFits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    /** The staff member with this username, if there is one and they are enabled. */
    public Optional<StaffMember> staffMember(String username) {
        return users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .filter(u -> u.getRoles().stream().anyMatch(Role::isStaff))
                .map(UserManagement::toStaff);
    }

    /** Every enabled staff member, by display name (for assignee pickers). */
    public List<StaffMember> staff() {
        var staffRoles = EnumSet.complementOf(EnumSet.of(Role.OWNER));
        return users.findEnabledWithAnyRole(staffRoles).stream()
                .map(UserManagement::toStaff)
                .sorted(Comparator.comparing(StaffMember::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The enabled staff members holding {@code role}, by username (a stable order for picking one). */
    public List<StaffMember> withRole(Role role) {
        return users.findEnabledWithAnyRole(EnumSet.of(role)).stream()
                .map(UserManagement::toStaff)
                .sorted(Comparator.comparing(StaffMember::username))
                .toList();
    }

    /**
     * Sets a staff member's weekly working hours, such as {@code MON-FRI 08:00-17:00} (several separated by
     * {@code ;}, or {@code none}), and the time zone they are in; null or blank for the default of each. Throws a
     * 404 problem when there is no enabled staff member with this username and a 400 problem, saying how to write
     * them, for hours or a time zone that cannot be read.
     */
    @Transactional
    public void changeWorkingHours(String username, String hours, String timeZone) {
        var account = users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .filter(u -> u.getRoles().stream().anyMatch(Role::isStaff))
                .orElseThrow(() -> UserProblems.staffNotFound(username));
        WorkingHours schedule;
        try {
            schedule = hours == null || hours.isBlank() ? null : WorkingHours.parse(hours);
        } catch (IllegalArgumentException e) {
            throw UserProblems.invalidWorkingHours(e.getMessage());
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw UserProblems.invalidWorkingHours(
                    "'" + timeZone.strip() + "' is not a time zone; use a region such as America/New_York.");
        }
        account.workAt(schedule, zone);
    }

    /** A staff member's working hours in force at {@code at}; a 404 problem for no enabled staff member. */
    public WorkingHoursStatus workingHours(String username, Instant at) {
        var account = users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .filter(u -> u.getRoles().stream().anyMatch(Role::isStaff))
                .orElseThrow(() -> UserProblems.staffNotFound(username));
        var availability = availability(account.getUsername(), at).orElseThrow();
        var hours = account.getWorkHours() == null ? defaultHours.hours().toString() : account.getWorkHours();
        return new WorkingHoursStatus(
                account.getUsername(),
                hours,
                availability.zone().getId(),
                account.getWorkHours() == null,
                account.getWorkTimeZone() == null,
                availability.atWork(),
                availability.nextStart());
    }

    /**
     * Whether each of these staff members is at work at {@code at}, by their working hours (or the default), and
     * if not when they next start; in one query, whatever their number. Usernames that name no enabled staff
     * member are left out of the answer; never null.
     */
    public Map<String, StaffAvailability> availability(Collection<String> usernames, Instant at) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        var answer = new LinkedHashMap<String, StaffAvailability>();
        for (var account : users.findByUsernameIn(Set.copyOf(usernames))) {
            if (!account.isEnabled() || account.getRoles().stream().noneMatch(Role::isStaff)) {
                continue;
            }
            var hours =
                    account.getWorkHours() == null ? defaultHours.hours() : WorkingHours.parse(account.getWorkHours());
            var zone = account.getWorkTimeZone() == null ? defaultHours.zone() : ZoneId.of(account.getWorkTimeZone());
            boolean atWork = hours.atWork(at, zone);
            answer.put(
                    account.getUsername(),
                    new StaffAvailability(
                            account.getUsername(), atWork, atWork ? null : hours.nextStart(at, zone), zone));
        }
        return answer;
    }

    /** Whether this staff member is at work at {@code at}; empty when they are not an enabled staff member. */
    public Optional<StaffAvailability> availability(String username, Instant at) {
        return Optional.ofNullable(availability(Set.of(username), at).get(username));
    }

    private static StaffMember toStaff(UserAccount u) {
        return new StaffMember(u.getUsername(), u.getDisplayName(), u.getTeam(), u.getRoles());
    }
}
