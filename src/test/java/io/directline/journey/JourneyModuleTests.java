package io.directline.journey;

import static io.directline.journey.JourneyFixtures.order;
import static io.directline.journey.JourneyFixtures.withDeliveryEstimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.testsupport.UniqueNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;

@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class JourneyModuleTests {

    private static final LocalDate JUNE = LocalDate.of(2027, 6, 1);

    @Autowired
    Orders orders;

    @Autowired
    OrderSegments segments;

    @Autowired
    CustomerManagement customers;

    private long owner(String name) {
        return customers.register(CustomerFixtures.owner(name)).getId();
    }

    private static String ref() {
        return "ORD-" + UniqueNames.suffix().toUpperCase();
    }

    @Test
    void theSameOrderTwiceChangesNothingTheSecondTime(AssertablePublishedEvents events) {
        long owner = owner("Ines Ortega");
        var ref = ref();
        var details = order(owner, "Aurora GT", JUNE);

        assertThat(orders.upsert(ref, details)).isEqualTo(Upserted.CREATED);
        assertThat(orders.upsert(ref, details)).isEqualTo(Upserted.UNCHANGED);

        var order = orders.find(ref).orElseThrow();
        assertThat(order.customerId()).isEqualTo(owner);
        assertThat(order.model()).isEqualTo("Aurora GT");
        assertThat(order.stage()).as("the reservation was made").isEqualTo(Milestone.RESERVATION);
        var delivery = order.milestone(Milestone.DELIVERED);
        assertThat(delivery.promised()).isEqualTo(JUNE);
        assertThat(delivery.estimate())
                .as("a new milestone is estimated at its promise")
                .isEqualTo(JUNE);
        assertThat(delivery.delayed()).isFalse();
        assertThat(order.history()).isEmpty();
        assertThat(events.ofType(OrderEstimateChanged.class)).isEmpty();
    }

    @Test
    void aDeliveryEstimateMovedPastTheThresholdIsADelayWithItsReason(AssertablePublishedEvents events) {
        long owner = owner("Jonas Berg");
        var ref = ref();
        orders.upsert(ref, order(owner, "Aurora GT", JUNE));

        assertThatThrownBy(() -> orders.upsert(
                        ref, withDeliveryEstimate(order(owner, "Aurora GT", JUNE), JUNE.plusDays(10), " ")))
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.reason()).contains("DELIVERED").contains(JUNE.toString());
                });
        assertThat(orders.find(ref).orElseThrow().milestone(Milestone.DELIVERED).estimate())
                .as("a refused change leaves the order as it was")
                .isEqualTo(JUNE);

        var moved = withDeliveryEstimate(order(owner, "Aurora GT", JUNE), JUNE.plusDays(10), "Battery supply");
        assertThat(orders.upsert(ref, moved)).isEqualTo(Upserted.CHANGED);
        assertThat(orders.upsert(ref, moved)).as("the same file again").isEqualTo(Upserted.UNCHANGED);

        var delivery = orders.find(ref).orElseThrow().milestone(Milestone.DELIVERED);
        assertThat(delivery.estimate()).isEqualTo(JUNE.plusDays(10));
        assertThat(delivery.previousEstimate()).isEqualTo(JUNE);
        assertThat(delivery.reason()).isEqualTo("Battery supply");
        assertThat(delivery.delayed()).isTrue();
        assertThat(events.ofType(OrderEstimateChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.orderRef()).isEqualTo(ref);
            assertThat(e.customerId()).isEqualTo(owner);
            assertThat(e.milestone()).isEqualTo(Milestone.DELIVERED);
            assertThat(e.promised()).isEqualTo(JUNE);
            assertThat(e.previous()).isEqualTo(JUNE);
            assertThat(e.current()).isEqualTo(JUNE.plusDays(10));
            assertThat(e.reason()).isEqualTo("Battery supply");
            assertThat(e.delayed()).isTrue();
        });
    }

    @Test
    void twoDaysLateIsNoDelayThreeDaysIs(AssertablePublishedEvents events) {
        long owner = owner("Kaito Mori");
        var ref = ref();
        orders.upsert(ref, order(owner, "Aurora GT", JUNE));

        assertThat(orders.moveEstimate(ref, Milestone.DELIVERED, JUNE.plusDays(2), "Ferry moved", "sam"))
                .isTrue();
        assertThat(orders.find(ref).orElseThrow().milestone(Milestone.DELIVERED).delayed())
                .isFalse();
        assertThat(orders.moveEstimate(ref, Milestone.DELIVERED, JUNE.plusDays(3), "Port strike", "sam"))
                .isTrue();
        assertThat(orders.moveEstimate(ref, Milestone.DELIVERED, JUNE.plusDays(3), "Port strike", "sam"))
                .as("already so")
                .isFalse();

        var order = orders.find(ref).orElseThrow();
        assertThat(order.milestone(Milestone.DELIVERED).delayed()).isTrue();
        assertThat(order.history())
                .extracting(
                        EstimateChange::previous, EstimateChange::current, EstimateChange::reason, EstimateChange::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JUNE, JUNE.plusDays(2), "Ferry moved", "sam"),
                        org.assertj.core.groups.Tuple.tuple(JUNE.plusDays(2), JUNE.plusDays(3), "Port strike", "sam"));
        assertThat(events.ofType(OrderEstimateChanged.class))
                .extracting(OrderEstimateChanged::delayed)
                .containsExactly(false, true);
    }

    @Test
    void anUnknownOwnerOrOrderIsRefusedWithASentence() {
        assertThatThrownBy(() -> orders.upsert(ref(), order(987_654_321L, "Aurora GT", JUNE)))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo("customerId 987654321 names no owner; register the owner first."));
        assertThatThrownBy(() -> orders.moveEstimate("NO-SUCH-ORDER", Milestone.DELIVERED, JUNE, "x", "sam"))
                .isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> orders.upsert("has space", order(owner("Lea Roth"), "Aurora GT", JUNE)))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class, e -> assertThat(e.field()).isEqualTo("ref"));
    }

    @Test
    void aSegmentReachesEachMatchingOwnerOnceInPagesByOwner() {
        var model = "Seg " + UniqueNames.suffix();
        var owners = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            owners.add(owner("Segment Owner " + i));
        }
        // owner 0 has two orders that match: still one member, with the first order by reference
        orders.upsert(
                "A-" + owners.get(0) + "-1",
                order(owners.get(0), model, "Bavaria", "80331", 48.137, 11.575, Set.of("vip"), JUNE));
        orders.upsert(
                "A-" + owners.get(0) + "-2",
                order(owners.get(0), model, "Bavaria", "80333", 48.14, 11.57, Set.of("vip"), JUNE));
        orders.upsert(
                "A-" + owners.get(1),
                order(
                        owners.get(1),
                        model,
                        "Bavaria",
                        "80469",
                        48.13,
                        11.57,
                        Set.of("vip", "fleet"),
                        JUNE.plusMonths(2)));
        orders.upsert(
                "A-" + owners.get(2), order(owners.get(2), model, "Berlin", "10115", 52.52, 13.405, Set.of(), JUNE));
        orders.upsert(
                "A-" + owners.get(3),
                order(owners.get(3), model, "Bavaria", "90402", 49.45, 11.08, Set.of("vip"), JUNE));
        orders.upsert(
                "A-" + owners.get(4),
                order(
                        owners.get(4),
                        "Other " + UniqueNames.suffix(),
                        "Bavaria",
                        "80331",
                        48.137,
                        11.575,
                        Set.of("vip"),
                        JUNE));
        orders.moveEstimate(
                "A-" + owners.get(0) + "-1", Milestone.DELIVERED, JUNE.plusDays(20), "Paint shop fire", "sam");

        var byModel = new Segment(model, null, null, null, null, null, null, null, null, null);
        assertThat(segments.count(byModel)).isEqualTo(4);
        var first = segments.page(byModel, 0, 2);
        var rest = segments.page(byModel, first.get(1).customerId(), 10);
        assertThat(first).extracting(SegmentMember::customerId).containsExactly(owners.get(0), owners.get(1));
        assertThat(rest).extracting(SegmentMember::customerId).containsExactly(owners.get(2), owners.get(3));
        assertThat(first.get(0)).satisfies(m -> {
            assertThat(m.orderRef()).isEqualTo("A-" + owners.get(0) + "-1");
            assertThat(m.milestone()).isEqualTo(Milestone.DELIVERED);
            assertThat(m.previousDate()).isEqualTo(JUNE);
            assertThat(m.newDate()).isEqualTo(JUNE.plusDays(20));
            assertThat(m.reason()).isEqualTo("Paint shop fire");
        });
        assertThat(first.get(1).previousDate()).as("never moved: the promise").isEqualTo(JUNE.plusMonths(2));

        assertThat(members(new Segment(model, "Bavaria", null, null, null, null, null, null, null, null)))
                .containsExactly(owners.get(0), owners.get(1), owners.get(3));
        assertThat(members(new Segment(model, null, "804", null, null, null, null, null, null, null)))
                .containsExactly(owners.get(1));
        // Munich centre: Nuremberg (150 km) and Berlin are outside 20 km
        assertThat(members(new Segment(model, null, null, 48.137, 11.575, 20.0, null, null, null, null)))
                .containsExactly(owners.get(0), owners.get(1));
        assertThat(members(new Segment(model, null, null, 48.137, 11.575, 200.0, null, null, null, null)))
                .containsExactly(owners.get(0), owners.get(1), owners.get(3));
        assertThat(members(new Segment(model, null, null, null, null, null, null, null, null, Set.of("vip", "fleet"))))
                .containsExactly(owners.get(1));
        assertThat(members(new Segment(model, null, null, null, null, null, null, JUNE.plusMonths(1), null, null)))
                .containsExactly(owners.get(1));
        assertThat(members(new Segment(model, null, null, null, null, null, null, null, JUNE, Set.of())))
                .containsExactly(owners.get(0), owners.get(2), owners.get(3));
        assertThat(members(new Segment(model, null, null, null, null, null, Milestone.RESERVATION, null, null, null)))
                .hasSize(4);
        assertThat(members(new Segment(model, null, null, null, null, null, Milestone.DELIVERED, null, null, null)))
                .isEmpty();
    }

    @Test
    void aBroadcastMarksItsOwnersToldOfTheCurrentEstimate() {
        long owner = owner("Mara Lind");
        var ref = ref();
        orders.upsert(ref, order(owner, "Aurora GT", JUNE));
        orders.moveEstimate(ref, Milestone.DELIVERED, JUNE.plusDays(14), "Chip shortage", "sam");
        var at = Instant.parse("2027-05-01T09:00:00Z");

        segments.markTold(List.of(ref, "NO-SUCH-ORDER"), Milestone.DELIVERED, "broadcast 7", at);

        var delivery = orders.find(ref).orElseThrow().milestone(Milestone.DELIVERED);
        assertThat(delivery.toldEstimate()).isEqualTo(JUNE.plusDays(14));
        assertThat(delivery.toldAt()).isEqualTo(at);
        assertThat(delivery.toldSource()).isEqualTo("broadcast 7");
        assertThat(orders.find(ref)
                        .orElseThrow()
                        .milestone(Milestone.RESERVATION)
                        .toldAt())
                .isNull();
    }

    private List<Long> members(Segment segment) {
        var members = segments.page(segment, 0, 100).stream()
                .map(SegmentMember::customerId)
                .toList();
        assertThat(segments.count(segment)).isEqualTo(members.size());
        return members;
    }
}
