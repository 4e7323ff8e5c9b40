package io.directline.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as controllers receive it with {@code @AuthenticationPrincipal}. An OWNER always
 * carries the id of the customer record they are.
 */
public final class DirectLineUser implements UserDetails {

    private final long id;
    private final String username;
    private final transient String passwordHash;
    private final String displayName;
    private final String team;
    private final Long customerId;
    private final boolean enabled;
    private final Set<Role> roles;

    public DirectLineUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            String team,
            Long customerId,
            boolean enabled,
            Set<Role> roles) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.team = team;
        this.customerId = customerId;
        this.enabled = enabled;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The team a staff member works in; null for owners and for staff without a team. */
    public String team() {
        return team;
    }

    /** The customer record of an OWNER; null for staff. */
    public Long customerId() {
        return customerId;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
