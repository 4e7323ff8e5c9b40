package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.audit.CaseAudit;
import io.directline.customer.Channel;
import io.directline.customer.CustomerFixtures;
import io.directline.customer.CustomerManagement;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.web.ErrorResponseException;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CasesModuleTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @Autowired
    UserManagement users;

    private final Actor agent = new Actor("agent-test", "Alex Agent", Channel.PORTAL);

    private long owner() {
        return customers.register(CustomerFixtures.owner("Case Owner")).getId();
    }

    private Actor ownerActor(long customerId) {
        return new Actor("owner-" + customerId, "Case Owner", Channel.PORTAL);
    }

    @Test
    void openingACasePublishesCaseOpenedAndTheFirstMessage(Scenario scenario) {
        long customerId = owner();
        scenario.stimulate(() -> cases.open(
                        new OpenCase(
                                customerId,
                                "Brake noise",
                                "Squeaks when cold",
                                null,
                                null,
                                "service",
                                "ORD-1",
                                "ext-1"),
                        ownerActor(customerId)))
                .andWaitForEventOfType(CaseOpened.class)
                .matching(e -> e.customerId() == customerId)
                .toArriveAndVerify(e -> {
                    // the owner's preferred channel is used when the request names none
                    assertThat(e.channel()).isEqualTo(Channel.EMAIL);
                    var opened = cases.get(e.caseId());
                    assertThat(opened.getStatus()).isEqualTo(CaseStatus.NEW);
                    assertThat(opened.getOrderId()).isEqualTo("ORD-1");
                    assertThat(cases.conversation(e.caseId(), false))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.getDirection()).isEqualTo(Direction.INBOUND);
                                assertThat(m.getAuthor()).isEqualTo("Case Owner");
                            });
                    assertThat(cases.auditTrail(e.caseId()))
                            .extracting(CaseAudit::getAction)
                            .containsExactly("OPENED");
                });
    }

    @Test
    void ownerReplyToAResolvedCaseReopensItAndIsPublished(Scenario scenario) {
        long customerId = owner();
        var opened = cases.open(
                new OpenCase(customerId, "Range", "Low range", Channel.PORTAL, null, null, null, null),
                ownerActor(customerId));
        cases.reply(opened.getId(), "Pre-condition while plugged in.", null, agent);
        cases.change(opened.getId(), new CaseChanges(CaseStatus.RESOLVED, null, null, null, null), agent);

        scenario.stimulate(() -> cases.receiveFromOwner(
                        opened.getId(), customerId, "Still low", Channel.PORTAL, null, ownerActor(customerId)))
                .andWaitForEventOfType(CaseStatusChanged.class)
                .matching(e -> e.caseId() == opened.getId() && e.from() == CaseStatus.RESOLVED)
                .toArriveAndVerify(e -> {
                    assertThat(e.to()).isEqualTo(CaseStatus.OPEN);
                    assertThat(cases.get(opened.getId()).getStatus()).isEqualTo(CaseStatus.OPEN);
                    assertThat(cases.auditTrail(opened.getId()))
                            .extracting(CaseAudit::getAction)
                            .containsSubsequence("OPENED", "REPLIED", "STATUS_CHANGED", "MESSAGE_RECEIVED");
                });
    }

    @Test
    void internalNotesStayOutOfTheOwnersConversation() {
        long customerId = owner();
        var opened = cases.open(
                new OpenCase(customerId, "Billing", "Charged twice", Channel.EMAIL, null, null, null, null),
                ownerActor(customerId));
        cases.addNote(opened.getId(), "Refund requested from finance", agent);
        cases.reply(opened.getId(), "Refund on its way", null, agent);

        assertThat(cases.conversation(opened.getId(), true)).hasSize(3);
        assertThat(cases.conversation(opened.getId(), false))
                .extracting(CaseMessage::getDirection)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void anotherOwnersCaseIsNotFoundRatherThanForbidden() {
        long ada = owner();
        long bob = owner();
        var adasCase = cases.open(
                new OpenCase(ada, "Mine", "Private", Channel.PORTAL, null, null, null, null), ownerActor(ada));

        assertThatThrownBy(() -> cases.getForOwner(adasCase.getId(), bob))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() ->
                        cases.receiveFromOwner(adasCase.getId(), bob, "hi", Channel.PORTAL, null, ownerActor(bob)))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(cases.conversation(adasCase.getId(), true)).hasSize(1);
    }

    @Test
    void assignsOnlyToActiveStaffAndRecordsIt() {
        long customerId = owner();
        var opened = cases.open(
                new OpenCase(customerId, "Assign me", "Please", Channel.PORTAL, null, null, null, null),
                ownerActor(customerId));
        var staff = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(staff, "password-1", "Sam", null, "delivery", Set.of(Role.AGENT), null));

        assertThatThrownBy(() ->
                        cases.change(opened.getId(), new CaseChanges(null, "nobody-here", null, null, null), agent))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));

        cases.change(opened.getId(), new CaseChanges(null, staff, Priority.HIGH, Set.of("Brakes"), "delivery"), agent);
        var changed = cases.get(opened.getId());
        assertThat(changed.getAssignee()).isEqualTo(staff);
        assertThat(changed.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(changed.getTags()).containsExactly("brakes");
        assertThat(cases.search(new CaseFilter(null, staff, "delivery", null, null), 0, 10)
                        .items())
                .extracting(SupportCase::getId)
                .containsExactly(opened.getId());
        assertThat(cases.auditTrail(opened.getId()))
                .extracting(CaseAudit::getAction)
                .contains("ASSIGNED", "PRIORITY_CHANGED", "TAGS_CHANGED", "TEAM_CHANGED");

        cases.change(opened.getId(), new CaseChanges(null, "", null, null, null), agent);
        assertThat(cases.get(opened.getId()).getAssignee()).isNull();
    }

    @Test
    void sameExternalMessageIdOnAChannelOpensOneCaseOnly() {
        long customerId = owner();
        var external = "msg-" + UUID.randomUUID();
        var first = cases.open(
                new OpenCase(customerId, "First", "One", Channel.EMAIL, null, null, null, external),
                ownerActor(customerId));
        var again = cases.open(
                new OpenCase(customerId, "Again", "Same id", Channel.EMAIL, null, null, null, external),
                ownerActor(customerId));

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(cases.search(new CaseFilter(null, null, null, customerId, null), 0, 10)
                        .items())
                .hasSize(1);
        assertThat(cases.conversation(first.getId(), true)).hasSize(1);
    }

    @Test
    void sameExternalMessageIdOnAnOwnerReplyStoresItOnce() {
        long customerId = owner();
        var opened = cases.open(
                new OpenCase(customerId, "Reply twice", "Hi", Channel.SMS, null, null, null, null),
                ownerActor(customerId));
        var external = "sms-" + UUID.randomUUID();
        var first = cases.receiveFromOwner(
                opened.getId(), customerId, "Any news?", Channel.SMS, external, ownerActor(customerId));
        var again = cases.receiveFromOwner(
                opened.getId(), customerId, "Any news?", Channel.SMS, external, ownerActor(customerId));

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(cases.conversation(opened.getId(), true)).hasSize(2);
    }
}
