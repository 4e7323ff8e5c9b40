package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.directline.channel.outbox.DeliveryFailure;
import io.directline.channel.outbox.OutboundDelivery;
import io.directline.customer.Channel;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.unit.DataSize;

/**
 * A broadcast's notices go to the mail server several at a time over one connection: each owner gets their own
 * message, one bad address fails only its own message, and a server that cannot be reached fails them all for a retry.
 */
class SmtpBatchTests {

    private GreenMail server;
    private SmtpSender sender;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(server.getSmtp().getPort());
        sender = new SmtpSender(
                mail,
                new EmailProperties(
                        "support@directline.example",
                        null,
                        DataSize.ofMegabytes(10),
                        DataSize.ofMegabytes(10),
                        null,
                        null),
                null);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static OutboundDelivery notice(long id, String to, String text) {
        return new OutboundDelivery(
                id,
                0,
                null,
                "Your delivery date moved",
                Channel.EMAIL,
                to,
                "Owner " + id,
                "Direct Line",
                "<p>" + text + "</p>",
                text,
                List.of(),
                false,
                "broadcast:7:" + id,
                null,
                List.of());
    }

    @Test
    void eachOwnerGetsTheirOwnMessageAndABadAddressFailsOnlyItsOwn() throws Exception {
        var outcomes = sender.sendAll(List.of(
                notice(1, "ada@owners.example", "Dear Ada, your Aurora now arrives on 3 May."),
                notice(2, "not an address", "Dear nobody."),
                notice(3, "bea@owners.example", "Dear Bea, your Aurora now arrives on 4 May.")));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).failure()).isNull();
        assertThat(outcomes.get(2).failure()).isNull();
        assertThat(outcomes.get(1).failure())
                .isInstanceOfSatisfying(
                        DeliveryFailure.class, f -> assertThat(f.isPermanent()).isTrue());

        var received = server.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(SmtpBatchTests::to))
                .containsExactlyInAnyOrder("ada@owners.example", "bea@owners.example");
        var ada = Arrays.stream(received)
                .filter(m -> to(m).equals("ada@owners.example"))
                .findFirst()
                .orElseThrow();
        assertThat(ada.getMessageID()).isEqualTo(outcomes.get(0).result().providerId());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(ada)).contains("3 May");
    }

    @Test
    void aMailServerThatCannotBeReachedFailsEveryMessageForALaterAttempt() {
        server.stop();

        var outcomes = sender.sendAll(
                List.of(notice(1, "ada@owners.example", "Dear Ada."), notice(2, "bea@owners.example", "Dear Bea.")));

        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
            assertThat(outcome.result()).isNull();
            assertThat(outcome.failure())
                    .isInstanceOfSatisfying(
                            DeliveryFailure.class,
                            f -> assertThat(f.isPermanent()).isFalse());
        });
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
