package io.directline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest
class CustomerModuleTests {

    @Autowired
    CustomerManagement customers;

    @Test
    void registersAnOwnerWithNormalizedEmailAndHandles() {
        var details = CustomerFixtures.owner("Ada Lovelace");
        var withUpperCase = new CustomerDetails(
                details.name(),
                details.email().toUpperCase(),
                null,
                Channel.X,
                null,
                "America/Chicago",
                details.address(),
                null,
                Map.of("X", "@ada"));
        var ada = customers.register(withUpperCase);

        var found = customers.findByEmail(details.email()).orElseThrow();
        assertThat(found.getId()).isEqualTo(ada.getId());
        assertThat(found.getEmail()).isEqualTo(details.email().toLowerCase());
        assertThat(found.getSocialHandles()).containsEntry("x", "@ada");
        assertThat(found.getTimeZone()).isEqualTo("America/Chicago");
        assertThat(found.getAddress().city()).isEqualTo("Berlin");
    }

    @Test
    void refusesASecondOwnerWithTheSameEmailAndKeepsTheFirst() {
        var first = customers.register(CustomerFixtures.owner("Grace Hopper"));
        var copy = new CustomerDetails("Someone Else", first.getEmail(), null, null, null, null, null, null, null);

        assertThatThrownBy(() -> customers.register(copy)).isInstanceOfSatisfying(DuplicateHandleException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getBody().getDetail()).contains(first.getEmail());
        });
        assertThat(customers.get(first.getId()).getName()).isEqualTo("Grace Hopper");
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() {
        var owner = customers.register(CustomerFixtures.owner("Alan Turing"));
        customers.update(
                owner.getId(),
                new CustomerDetails(null, null, "+44 20 7946 0000", Channel.SMS, null, null, null, null, null));

        var updated = customers.get(owner.getId());
        assertThat(updated.getName()).isEqualTo("Alan Turing");
        assertThat(updated.getEmail()).isEqualTo(owner.getEmail());
        // stored as + and digits, so the owner is found by the number however it is written
        assertThat(updated.getPhone()).isEqualTo("+442079460000");
        assertThat(customers.findByHandle(Channel.SMS, "+44 (20) 7946-0000"))
                .hasValueSatisfying(found -> assertThat(found.getId()).isEqualTo(owner.getId()));
        assertThat(updated.getPreferredChannel()).isEqualTo(Channel.SMS);
    }

    @Test
    void unknownOwnerIsANotFoundProblem() {
        assertThatThrownBy(() -> customers.get(987_654_321L))
                .isInstanceOfSatisfying(
                        CustomerNotFoundException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void namesManyOwnersInOneCall() {
        var a = customers.register(CustomerFixtures.owner("Edsger Dijkstra"));
        var b = customers.register(CustomerFixtures.owner("Barbara Liskov"));
        assertThat(customers.namesOf(List.of(a.getId(), b.getId())))
                .containsEntry(a.getId(), "Edsger Dijkstra")
                .containsEntry(b.getId(), "Barbara Liskov");
    }
}
