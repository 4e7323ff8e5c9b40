package io.directline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.identity.token.ApiTokens;
import io.directline.identity.user.UserRepository;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class IdentityModuleTests {

    @Autowired
    UserManagement users;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ApiTokens tokens;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void storesPasswordsOnlyAsSlowHashes() {
        var name = unique("agent");
        users.createUser(new NewUser(name, "correct horse battery", "Alex", null, "service", Set.of(Role.AGENT), null));
        var stored = repository.findByUsername(name).orElseThrow().getPasswordHash();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(passwordEncoder.matches("correct horse battery", stored)).isTrue();
    }

    @Test
    void createsTheFirstAdminAtStart() {
        var admin = repository.findByUsername("admin").orElseThrow();
        assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
        assertThat(passwordEncoder.matches("admin-test-password", admin.getPasswordHash()))
                .isTrue();
    }

    @Test
    void ownerLoginBelongsToACustomerAndTakesTheirName() {
        var owner = customers.register(CustomerFixtures.owner("Ada Owner"));
        var name = unique("ada");
        users.createUser(new NewUser(name, "ada-secret-1", null, null, null, Set.of(Role.OWNER), owner.getId()));
        var principal = repository.findByUsername(name).orElseThrow().toPrincipal();
        assertThat(principal.customerId()).isEqualTo(owner.getId());
        assertThat(principal.displayName()).isEqualTo("Ada Owner");
        assertThat(principal.isStaff()).isFalse();
    }

    @Test
    void refusesOwnerWithoutCustomerAndStaffWithCustomer() {
        assertThatThrownBy(() -> users.createUser(
                        new NewUser(unique("o"), "password-1", null, null, null, Set.of(Role.OWNER), null)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        var owner = customers.register(CustomerFixtures.owner("Not Staff"));
        assertThatThrownBy(() -> users.createUser(
                        new NewUser(unique("s"), "password-1", null, null, null, Set.of(Role.AGENT), owner.getId())))
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> users.createUser(new NewUser(
                        unique("m"), "password-1", null, null, null, Set.of(Role.OWNER, Role.AGENT), owner.getId())))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void refusesATakenUsername() {
        var name = unique("dup");
        users.createUser(new NewUser(name, "password-1", null, null, null, Set.of(Role.AGENT), null));
        assertThatThrownBy(() ->
                        users.createUser(new NewUser(name, "password-2", null, null, null, Set.of(Role.AGENT), null)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void apiTokenAuthenticatesUntilRevokedAndIsStoredOnlyAsDigest() {
        var name = unique("integration");
        long id = users.createUser(new NewUser(name, "password-1", null, null, null, Set.of(Role.AGENT), null));
        var issued = tokens.issue(id, "crm sync", null);

        assertThat(issued.secret()).startsWith("dl_").hasSizeGreaterThan(40);
        assertThat(tokens.authenticate(issued.secret()))
                .hasValueSatisfying(b -> assertThat(b.user().getUsername()).isEqualTo(name));
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();

        tokens.revoke(id, issued.token().getId());
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void listsOnlyEnabledStaffAsAssignees() {
        var name = unique("staff");
        users.createUser(new NewUser(name, "password-1", "Zed Staff", null, "delivery", Set.of(Role.SUPERVISOR), null));
        assertThat(users.staff()).anySatisfy(m -> {
            assertThat(m.username()).isEqualTo(name);
            assertThat(m.team()).isEqualTo("delivery");
        });
        assertThat(users.staff()).noneMatch(m -> m.roles().contains(Role.OWNER));
    }
}
