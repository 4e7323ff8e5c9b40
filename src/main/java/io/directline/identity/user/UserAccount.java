package io.directline.identity.user;

import io.directline.identity.DirectLineUser;
import io.directline.identity.Role;
import io.directline.identity.workinghours.WorkingHours;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    private String username;
    private String passwordHash;
    private String displayName;
    private String email;
    private String team;
    private Long customerId;
    private boolean enabled = true;
    private Instant createdAt;
    private String workHours;
    private String workTimeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(
            String username,
            String passwordHash,
            String displayName,
            String email,
            String team,
            Set<Role> roles,
            Long customerId,
            Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.team = team;
        this.roles = EnumSet.copyOf(roles);
        this.customerId = customerId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    public String getTeam() {
        return team;
    }

    Long getCustomerId() {
        return customerId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** The weekly working hours as written (see {@link WorkingHours}); null for the default. */
    public String getWorkHours() {
        return workHours;
    }

    /** The time zone of the working hours; null for the default. */
    public String getWorkTimeZone() {
        return workTimeZone;
    }

    /** Sets the working hours (already read as a schedule) and their time zone; null for the default. */
    public void workAt(WorkingHours hours, ZoneId zone) {
        this.workHours = hours == null ? null : hours.text();
        this.workTimeZone = zone == null ? null : zone.getId();
    }

    public DirectLineUser toPrincipal() {
        return new DirectLineUser(id, username, passwordHash, displayName, team, customerId, enabled, roles);
    }
}
