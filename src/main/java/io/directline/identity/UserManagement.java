package io.directline.identity;

import io.directline.customer.CustomerManagement;
import io.directline.customer.CustomerNotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: creates logins and tells other modules who the staff are. */
@Service
@Transactional(readOnly = true)
public class UserManagement {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CustomerManagement customers;
    private final Clock clock;

    UserManagement(UserRepository users, PasswordEncoder passwordEncoder, CustomerManagement customers, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Creates a login. Throws a 409 problem when the username is taken, a 400 problem when the roles mix
     * OWNER with staff or an OWNER names no customer, and a 404 problem for an unknown customer.
     */
    @Transactional
    public long createUser(NewUser user) {
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

    private static StaffMember toStaff(UserAccount u) {
        return new StaffMember(u.getUsername(), u.getDisplayName(), u.getTeam(), u.getRoles());
    }
}
