package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

class MailboxPollerTests {

    @Test
    void healthIsDownWithTheErrorWhenTheMailboxCannotBeReached() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var properties = new EmailProperties(
                "support@directline.example",
                null,
                DataSize.ofMegabytes(10),
                DataSize.ofMegabytes(10),
                new EmailProperties.Imap(
                        "127.0.0.1",
                        closed,
                        "support",
                        "pw",
                        false,
                        "INBOX",
                        Duration.ofSeconds(30),
                        "Quarantine",
                        "Ignored",
                        3),
                null);
        // the intake is never reached: the connection fails first
        var poller = new MailboxPoller(null, properties, Clock.systemUTC());
        assertThat(poller.health().getStatus()).isEqualTo(Status.UNKNOWN);

        assertThat(poller.poll()).isZero();

        var health = poller.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("lastError")).contains("Cannot connect to 127.0.0.1:" + closed);
    }
}
