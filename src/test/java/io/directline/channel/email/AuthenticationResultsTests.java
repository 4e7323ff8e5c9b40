package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which Authentication-Results make an e-mail sender authenticated (RFC 8601 headers as mail servers write them). */
class AuthenticationResultsTests {

    private final MimeMessages parser =
            new MimeMessages(64 * 1024, 1024, "support@directline.example", "mx.directline.example");

    private boolean authenticated(String authenticationResults) {
        var raw = (authenticationResults + "From: Ada <ada@owners.example>\r\nSubject: Hi\r\n"
                        + "Message-ID: <a1@owners.example>\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return ((MimeMessages.Accepted) parser.parse(raw)).message().senderAuthenticated();
    }

    @Test
    void aPassForTheFromDomainFromOurOwnServerAuthenticates() {
        assertThat(authenticated("Authentication-Results: mx.directline.example;\r\n"
                        + "  dmarc=pass (p=reject dis=none) header.from=owners.example\r\n"))
                .isTrue();
        assertThat(authenticated("Authentication-Results: mx.directline.example 1; dkim=pass (2048-bit key)"
                        + " header.d=owners.example header.s=s1; spf=fail smtp.mailfrom=owners.example\r\n"))
                .isTrue();
        assertThat(authenticated("Authentication-Results: mx.directline.example;"
                        + " spf=pass smtp.mailfrom=bounces@mail.owners.example\r\n"))
                .isTrue();
    }

    @Test
    void nothingElseDoes() {
        assertThat(authenticated("")).isFalse();
        assertThat(authenticated("Authentication-Results: mx.directline.example; dmarc=fail header.from=owners.example;"
                        + " dkim=none; spf=softfail smtp.mailfrom=owners.example\r\n"))
                .isFalse();
        // a pass for another domain says nothing about the From
        assertThat(authenticated("Authentication-Results: mx.directline.example; dkim=pass header.d=attacker.example;"
                        + " spf=pass smtp.mailfrom=attacker.example\r\n"))
                .isFalse();
        // another server's verdict, written by anyone
        assertThat(authenticated(
                        "Authentication-Results: mx.attacker.example; dmarc=pass header.from=owners.example\r\n"))
                .isFalse();
        // our server's own verdict is on top; one the sender put further down does not count
        assertThat(
                        authenticated(
                                "Authentication-Results: mx.directline.example; dmarc=fail header.from=owners.example\r\n"
                                        + "Authentication-Results: mx.directline.example; dmarc=pass header.from=owners.example\r\n"))
                .isFalse();
    }

    @Test
    void withoutAConfiguredServerNoMailIsAuthenticated() {
        var unconfigured = new MimeMessages(64 * 1024, 1024, "support@directline.example");
        var raw = ("Authentication-Results: mx.directline.example; dmarc=pass header.from=owners.example\r\n"
                        + "From: <ada@owners.example>\r\nMessage-ID: <a2@owners.example>\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(((MimeMessages.Accepted) unconfigured.parse(raw)).message().senderAuthenticated())
                .isFalse();
    }
}
