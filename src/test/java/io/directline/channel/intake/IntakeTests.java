package io.directline.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.cases.Actor;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseStatus;
import io.directline.cases.MessageReceived;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class IntakeTests {

    @Autowired
    Intake intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    private final Actor agent = new Actor("agent-test", "Alex Agent", Channel.PORTAL);

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static InboundMessage mail(
            String from, String messageId, String subject, String body, String... references) {
        return new InboundMessage(
                Channel.EMAIL, messageId, from, "Pat Sender", subject, body, List.of(references), messageId, false);
    }

    @Test
    void firstMessageFromAStrangerOpensACaseForANewUnverifiedOwner(Scenario scenario) {
        var from = unique("pat") + "@example.net";
        var id = "<" + unique("m") + "@mail.example.net>";
        scenario.stimulate(() -> intake.accept(mail(from, id, "Re: Wobbly steering wheel", "It wobbles at 50 mph.")))
                .andWaitForEventOfType(MessageReceived.class)
                .matching(e -> e.channel() == Channel.EMAIL)
                .toArriveAndVerify((event, result) -> {
                    assertThat(result.newCase()).isTrue();
                    assertThat(result.duplicate()).isFalse();
                    var owner = customers.get(result.customerId());
                    assertThat(owner.getEmail()).isEqualTo(from);
                    assertThat(owner.isVerified()).isFalse();
                    assertThat(owner.getPreferredChannel()).isEqualTo(Channel.EMAIL);
                    var opened = cases.get(result.caseId());
                    assertThat(opened.getSubject()).isEqualTo("Wobbly steering wheel");
                    assertThat(opened.getChannel()).isEqualTo(Channel.EMAIL);
                });
    }

    @Test
    void theSameChannelMessageTwiceIsStoredOnce() {
        var from = unique("dup") + "@example.net";
        var id = "<" + unique("m") + "@example.net>";
        var first = intake.accept(mail(from, id, "Noise", "Rattle"));
        var again = intake.accept(mail(from, id, "Noise", "Rattle"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.caseId()).isEqualTo(first.caseId());
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(cases.conversation(first.caseId(), true)).hasSize(1);
    }

    @Test
    void aReplyThreadsIntoTheCaseOfTheMessageItAnswers() {
        var from = unique("thread") + "@example.net";
        var first = intake.accept(mail(from, "<a-" + unique("x") + "@example.net>", "Charging port", "Cover broke"));
        var firstKey = cases.conversation(first.caseId(), true).get(0).getExternalId();

        var reply = intake.accept(
                mail(from, "<b-" + unique("x") + "@example.net>", "Re: Charging port", "Photo attached", firstKey));

        assertThat(reply.newCase()).isFalse();
        assertThat(reply.caseId()).isEqualTo(first.caseId());
        assertThat(cases.conversation(first.caseId(), true)).hasSize(2);
    }

    @Test
    void aCaseReferenceInTheSubjectThreadsOnlyIntoTheSendersOwnCase() {
        var from = unique("ref") + "@example.net";
        var mine = intake.accept(mail(from, "<" + unique("r") + "@x>", "Paint chip", "On the hood"));
        var reference = cases.get(mine.caseId()).reference();

        var followUp = intake.accept(mail(from, "<" + unique("r") + "@x>", "About " + reference, "Any update?"));
        assertThat(followUp.caseId()).isEqualTo(mine.caseId());

        var stranger = intake.accept(
                mail(unique("other") + "@example.net", "<" + unique("r") + "@x>", "About " + reference, "Me too"));
        assertThat(stranger.caseId()).isNotEqualTo(mine.caseId());
        assertThat(stranger.newCase()).isTrue();
    }

    @Test
    void aMessageToAClosedCaseOpensANewOne() {
        var from = unique("closed") + "@example.net";
        var first = intake.accept(mail(from, "<" + unique("c") + "@x>", "Wipers", "Streaks"));
        cases.change(first.caseId(), new CaseChanges(CaseStatus.CLOSED, null, null, null, null), agent);
        var key = cases.conversation(first.caseId(), true).get(0).getExternalId();

        var later = intake.accept(mail(from, "<" + unique("c") + "@x>", "Re: Wipers", "Streaks again", key));

        assertThat(later.newCase()).isTrue();
        assertThat(later.caseId()).isNotEqualTo(first.caseId());
    }

    @Test
    void aResolvedCaseReopensWhenTheOwnerWritesOnAnyChannel() {
        var from = unique("reopen") + "@example.net";
        var first = intake.accept(mail(from, "<" + unique("o") + "@x>", "Seat heater", "Cold"));
        cases.change(first.caseId(), new CaseChanges(CaseStatus.RESOLVED, null, null, null, null), agent);
        var key = cases.conversation(first.caseId(), true).get(0).getExternalId();

        intake.accept(mail(from, "<" + unique("o") + "@x>", "Re: Seat heater", "Still cold", key));

        assertThat(cases.get(first.caseId()).getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aPublicMentionOpensAPublicCaseForTheHandle() {
        var handle = "@" + unique("driver");
        var result = intake.accept(new InboundMessage(
                Channel.MASTODON,
                unique("status"),
                handle,
                "Driver",
                null,
                "@directline my range dropped <b>a lot</b>",
                List.of(),
                null,
                true));

        var opened = cases.get(result.caseId());
        assertThat(opened.isPublicThread()).isTrue();
        assertThat(opened.getSubject()).isEqualTo("@directline my range dropped a lot");
        assertThat(customers.findByHandle(Channel.MASTODON, handle)).isPresent();
        assertThat(cases.search(new CaseFilter(null, null, null, result.customerId(), null), 0, 5)
                        .items())
                .hasSize(1);
    }

    @Test
    void smsFromAKnownNumberFindsTheOwnerWhateverTheFormatting() {
        var number = "+1 (555) 01" + (int) (Math.random() * 90_000 + 10_000);
        var first = intake.accept(
                new InboundMessage(Channel.SMS, unique("SM"), number, null, null, "Hello", List.of(), null, false));
        var again = intake.accept(new InboundMessage(
                Channel.SMS,
                unique("SM"),
                number.replaceAll("[ ()]", ""),
                null,
                null,
                "Hi again",
                List.of(),
                null,
                false));

        assertThat(again.customerId()).isEqualTo(first.customerId());
    }

    @Test
    void refusesAMessageWithoutIdSenderOrText() {
        assertThatThrownBy(() -> intake.accept(mail("a@example.net", " ", "S", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> intake.accept(mail(null, "<x@y>", "S", "B")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> intake.accept(mail("a@example.net", "<x@y>", "S", "  ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
