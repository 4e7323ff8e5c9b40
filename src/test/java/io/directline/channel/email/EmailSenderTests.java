package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseMessage;
import io.directline.cases.Direction;
import io.directline.channel.ChannelIntegrationTest;
import io.directline.testsupport.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may continue an e-mail conversation, through the signed webhook: a stranger who quotes the owner's
 * Message-ID does not take her thread, and a From that our mail server did not authenticate does not get
 * into a case by quoting its DL- reference.
 */
class EmailSenderTests extends ChannelIntegrationTest {

    private final String run = unique("");

    private ApiClient.Response mail(String raw) {
        var response = anonymous()
                .send(
                        "POST",
                        "/webhooks/email",
                        raw,
                        "message/rfc822",
                        Map.of(
                                EmailWebhookController.SIGNATURE,
                                "sha256="
                                        + EmailWebhookController.sign(
                                                EMAIL_SECRET, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    private static String raw(String from, String messageId, String subject, String extraHeaders, String text) {
        return ("From: " + from + "\r\nTo: support@directline.example\r\nSubject: " + subject + "\r\nMessage-ID: "
                + messageId + "\r\n" + extraHeaders + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text
                + "\r\n");
    }

    private static String passed(String domain) {
        return "Authentication-Results: " + AUTHSERV_ID + ";\r\n dkim=pass header.d=" + domain
                + " header.s=sel;\r\n spf=pass smtp.mailfrom=" + domain + ";\r\n dmarc=pass header.from=" + domain
                + "\r\n";
    }

    private long caseOf(ApiClient.Response response) {
        return response.json().path("caseId").asLong();
    }

    @Test
    void aStrangerQuotingTheOwnersMessageIdLeavesHerThreadWithHer() {
        var owner = "ada-" + run + "@owners.example";
        var first = "<first-" + run + "@owners.example>";
        long adasCase = caseOf(mail(raw(owner, first, "Sunroof leaks", "", "Water drips on the seat.")));

        var stranger = mail(raw(
                "mallory-" + run + "@elsewhere.example",
                "<m-" + run + "@elsewhere.example>",
                "Re: Sunroof leaks",
                "In-Reply-To: " + first + "\r\nReferences: " + first + "\r\n",
                "Mine leaks too."));
        assertThat(caseOf(stranger)).isNotEqualTo(adasCase);

        var reply = mail(raw(
                owner,
                "<second-" + run + "@owners.example>",
                "Re: Sunroof leaks",
                "In-Reply-To: " + first + "\r\nReferences: " + first + "\r\n",
                "It got worse after the rain."));
        assertThat(reply.json().path("newCase").asBoolean()).isFalse();
        assertThat(caseOf(reply)).isEqualTo(adasCase);
        assertThat(cases.conversation(adasCase, false))
                .extracting(CaseMessage::getBody)
                .containsExactly("Water drips on the seat.", "It got worse after the rain.");
    }

    @Test
    void anUnauthenticatedMailQuotingAReferenceOpensALinkedCaseForAnAgent() {
        var owner = "bea-" + run + "@owners.example";
        long beasCase = caseOf(mail(raw(
                owner,
                "<b1-" + run + "@owners.example>",
                "Key fob dead",
                passed("owners.example"),
                "It does not open.")));
        var reference = cases.get(beasCase).reference();

        // the same From, but nothing from our mail server vouches for it; a header another server wrote counts for
        // nothing
        var forged = mail(raw(
                owner,
                "<b2-" + run + "@owners.example>",
                "About " + reference,
                "Authentication-Results: attacker.example; dmarc=pass header.from=owners.example\r\n",
                "Please send the replacement fob to my new address."));
        long linked = caseOf(forged);
        assertThat(forged.json().path("newCase").asBoolean()).isTrue();
        assertThat(linked).isNotEqualTo(beasCase);
        assertThat(cases.get(linked).getTags()).containsExactly("check-sender");
        assertThat(cases.conversation(linked, true))
                .filteredOn(CaseMessage::isInternal)
                .singleElement()
                .extracting(CaseMessage::getBody)
                .asString()
                .contains(reference, "not authenticated");
        assertThat(cases.conversation(beasCase, true))
                .filteredOn(CaseMessage::isInternal)
                .singleElement()
                .extracting(CaseMessage::getBody)
                .asString()
                .contains(cases.get(linked).reference());
        assertThat(cases.conversation(beasCase, false))
                .filteredOn(m -> m.getDirection() == Direction.INBOUND)
                .hasSize(1);

        // authenticated by our mail server, the owner's reference still threads
        var genuine = mail(raw(
                owner,
                "<b3-" + run + "@owners.example>",
                "About " + reference,
                passed("mail.owners.example"),
                "Any news on the fob?"));
        assertThat(caseOf(genuine)).isEqualTo(beasCase);
        assertThat(genuine.json().path("newCase").asBoolean()).isFalse();
    }
}
