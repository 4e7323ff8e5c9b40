package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.cases.CaseManagement;
import io.directline.customer.Channel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MimeMessagesTests {

    private final MimeMessages parser = new MimeMessages(64 * 1024, 1024, "support@directline.example");

    private static byte[] mail(String headers, String body) {
        return (headers.strip().replace("\n", "\r\n") + "\r\n\r\n" + body.replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private MimeMessages.Accepted accepted(byte[] raw) {
        return (MimeMessages.Accepted) parser.parse(raw);
    }

    @Test
    void readsSenderSubjectBodyAndThreadKeys() {
        var raw = mail("""
                From: "Ada Lindqvist" <Ada@Example.com>
                To: support@directline.example
                Subject: Re: Dryer rattles
                Message-ID: <reply-2@example.com>
                In-Reply-To: <dl-1@directline.example>
                References: <root@example.com>
                 <dl-1@directline.example>
                Content-Type: text/plain; charset=UTF-8
                """, "Still rattling <3 & louder.\n");
        var message = accepted(raw).message();
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.externalId()).isEqualTo("<reply-2@example.com>");
        assertThat(message.ownThreadKey()).isEqualTo("<reply-2@example.com>");
        assertThat(message.senderHandle()).isEqualTo("Ada@Example.com");
        assertThat(message.senderName()).isEqualTo("Ada Lindqvist");
        assertThat(message.subject()).isEqualTo("Re: Dryer rattles");
        assertThat(message.body()).isEqualTo("Still rattling &lt;3 &amp; louder.");
        assertThat(message.threadKeys()).containsExactly("<root@example.com>", "<dl-1@directline.example>");
    }

    @Test
    void threadKeysAreDeduplicatedOldestFirstWithoutTheOwnId() {
        var raw = mail("""
                From: a@example.com
                Message-ID: <c@x>
                In-Reply-To: <b@x>
                References: <a@x> <b@x> <c@x>
                """, "Hello");
        assertThat(accepted(raw).message().threadKeys()).containsExactly("<a@x>", "<b@x>");
    }

    @Test
    void aMessageWithoutIdIsKnownByTheHashOfItsBytes() {
        var raw = mail("From: a@example.com\nSubject: Hi", "Hello");
        var message = accepted(raw).message();
        assertThat(message.externalId()).isEqualTo("sha256:" + MimeMessages.sha256(raw));
        assertThat(message.ownThreadKey()).isNull();
        assertThat(accepted(raw).message().externalId()).isEqualTo(message.externalId());
    }

    @Test
    void stripsQuotedHistory() {
        assertThat(QuotedHistory.stripQuoted("""
                        Yes, that fixed it.
                        Thanks!

                        On Mon, 3 Mar 2026 at 10:01, Direct Line <support@directline.example> wrote:
                        > Please try the reset.
                        > Kind regards
                        """)).isEqualTo("Yes, that fixed it.\nThanks!");
        assertThat(QuotedHistory.stripQuoted("""
                        New text
                        On Mon, 3 Mar 2026 at 10:01, Direct Line
                        <support@directline.example> wrote:
                        old text
                        """)).isEqualTo("New text");
        assertThat(QuotedHistory.stripQuoted("""
                        Top posted answer.

                        -----Original Message-----
                        From: Support
                        Old text
                        """)).isEqualTo("Top posted answer.");
        assertThat(QuotedHistory.stripQuoted("> quoted\nmine\n> more quoted\nalso mine"))
                .isEqualTo("mine\nalso mine");
        // nothing but quotes: the text is kept rather than lost
        assertThat(QuotedHistory.stripQuoted("> only a quote")).isEqualTo("> only a quote");
        assertThat(QuotedHistory.stripQuotedHtml("<p>New</p><blockquote>old</blockquote>"))
                .isEqualTo("<p>New</p>");
    }

    @Test
    void usesTheHtmlPartWhenThereIsNoPlainOneAndListsAttachments() {
        var raw = mail("""
                From: a@example.com
                Message-ID: <att@x>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"
                """, """
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>See the <b>photo</b>.</p><div class="gmail_quote">On ... wrote: old</div>
                --b1
                Content-Type: image/jpeg
                Content-Disposition: attachment; filename="rattle.jpg"
                Content-Transfer-Encoding: base64

                AAECAwQFBgcICQ==
                --b1
                Content-Type: application/pdf; name="manual.pdf"
                Content-Disposition: attachment; filename="manual.pdf"

                %s
                --b1--
                """.formatted("x".repeat(2000)));
        var parsed = accepted(raw);
        assertThat(parsed.message().body())
                .startsWith("<p>See the <b>photo</b>.</p>")
                .doesNotContain("old")
                .contains("Attachments: rattle.jpg (10 B), manual.pdf (2 KB, over the size limit)");
        assertThat(parsed.attachments())
                .containsExactly(
                        new MimeMessages.Attachment("rattle.jpg", "image/jpeg", 10, false),
                        new MimeMessages.Attachment("manual.pdf", "application/pdf", 2000, true));
    }

    @Test
    void recognisesMailNoPersonWrote() {
        assertIgnored("From: a@example.com\nAuto-Submitted: auto-replied", "auto-submitted");
        assertIgnored("From: a@example.com\nPrecedence: bulk", "precedence");
        assertIgnored("From: a@example.com\nPrecedence: list", "precedence");
        assertIgnored("From: a@example.com\nList-Id: <owners.example.com>", "mailing-list");
        assertIgnored("From: a@example.com\nList-Unsubscribe: <mailto:u@example.com>", "mailing-list");
        assertIgnored("From: a@example.com\nX-Autoreply: yes", "auto-reply");
        assertIgnored("From: a@example.com\nX-Autorespond: yes", "auto-reply");
        assertIgnored("From: MAILER-DAEMON@mx.example.com", "bounce");
        assertIgnored("From: postmaster@example.com", "bounce");
        assertIgnored("From: Support <support@directline.example>", "own-address");
        assertIgnored(
                "From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;"
                        + " boundary=\"r\"",
                "report");
        // Auto-Submitted: no is a person
        assertThat(parser.parse(mail("From: a@example.com\nAuto-Submitted: no", "Hi")))
                .isInstanceOf(MimeMessages.Accepted.class);
    }

    private void assertIgnored(String headers, String category) {
        var parsed = parser.parse(mail(headers + "\nMessage-ID: <x@y>", "--r\n\nI am away.\n--r--"));
        assertThat(parsed).isInstanceOf(MimeMessages.Ignored.class);
        assertThat(((MimeMessages.Ignored) parsed).category()).isEqualTo(category);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MimeMessages.Rejected.class);
        assertThatThrownBy(() -> parser.parse("just some garbage\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MimeMessages.Rejected.class)
                .hasMessageContaining("From");
        assertThatThrownBy(() -> parser.parse(mail("From: a@example.com", "x".repeat(70 * 1024))))
                .isInstanceOfSatisfying(
                        MimeMessages.Rejected.class,
                        r -> assertThat(r.tooLarge()).isTrue());
    }

    @Test
    void limitsNestingAndParts() {
        var nested = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            nested.append("--b")
                    .append(i)
                    .append("\r\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(i + 1)
                    .append("\"\r\n\r\n");
        }
        nested.append("--b12\r\nContent-Type: text/plain\r\n\r\ndeep\r\n");
        var deep = mail(
                "From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"",
                nested.toString());
        assertThatThrownBy(() -> parser.parse(deep))
                .isInstanceOfSatisfying(
                        MimeMessages.Rejected.class,
                        r -> assertThat(r.tooLarge()).isFalse())
                .hasMessageContaining("nested");

        var many = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            many.append("--m\r\nContent-Type: text/plain\r\n\r\npart ")
                    .append(i)
                    .append("\r\n");
        }
        many.append("--m--\r\n");
        var wide = mail(
                "From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"m\"",
                many.toString());
        assertThatThrownBy(() -> parser.parse(wide)).hasMessageContaining("parts");
    }

    @Test
    void keepsTheWholeTextWhenAReplyOnlyQuotesAndNeverLeavesABodyEmpty() {
        var onlyQuoted = accepted(mail(
                        "From: Ada <ada@example.org>\r\nMessage-ID: <q1@example.org>\r\nSubject: Fwd: Invoice\r\n",
                        "> Your invoice is attached.\r\n> Regards\r\n"))
                .message();
        assertThat(onlyQuoted.body()).contains("Your invoice is attached.");

        var empty = accepted(mail("From: Ada <ada@example.org>\r\nMessage-ID: <q2@example.org>\r\nSubject: Hi\r\n", ""))
                .message();
        assertThat(empty.body()).isEqualTo("(The message has no text.)");
    }

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    /** A parser that takes mail of up to 16 MB, as a generous mailbox would. */
    private final MimeMessages roomy =
            new MimeMessages(16L * 1024 * 1024, 16L * 1024 * 1024, "support@directline.example");

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<a", "<div ", "<div class=", "<blockquote", "-", "-- ", "&", "<p>x</p>", "a<br>"})
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTenMegabyteHostileHtmlMailBecomesAShortenedTextThatFitsACase(String unit) {
        var html = unit.repeat(TEN_MEGABYTES / unit.length());
        var raw = mail("""
                From: Mallory <mallory@example.com>
                Message-ID: <hostile@example.com>
                Subject: Look at this
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8
                """, html);

        var parsed = (MimeMessages.Accepted) roomy.parse(raw);

        var body = parsed.message().body();
        assertThat(parsed.shortened()).isTrue();
        assertThat(bytes(body))
                .isBetween(CaseManagement.MAX_MESSAGE_BYTES - 8 * 1024, CaseManagement.MAX_MESSAGE_BYTES);
        assertThat(body).endsWith("The full original is attached for staff.]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "On ", "> ", "-----Original Message-----", "\n", "On x\n"})
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTenMegabyteHostilePlainTextMailBecomesAShortenedText(String unit) {
        // each line break is two bytes in the mail
        var text = unit.repeat(TEN_MEGABYTES / unit.replace("\n", "\r\n").length()) + "\nthe end";
        var raw = mail("From: mallory@example.com\nMessage-ID: <hostile-text@example.com>", text);

        var parsed = roomy.parse(raw);

        assertThat(parsed).isInstanceOfSatisfying(MimeMessages.Accepted.class, accepted -> {
            assertThat(bytes(accepted.message().body())).isLessThanOrEqualTo(CaseManagement.MAX_MESSAGE_BYTES);
            assertThat(accepted.message().body()).isNotBlank();
        });
    }

    @Test
    void aLongMailKeepsItsFirstPartCutAtAParagraphWithANote() {
        var text = new StringBuilder();
        for (int i = 1; text.length() < 200 * 1024; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(": the dryer rattles <loudly> & the drum squeaks.\n")
                    .append("It started after the last service visit.\n\n");
        }
        var raw = mail("From: Ada <ada@example.org>\nMessage-ID: <long@example.org>\nSubject: Long", text.toString());

        var parsed = (MimeMessages.Accepted) parser(300 * 1024).parse(raw);

        var body = parsed.message().body();
        assertThat(parsed.shortened()).isTrue();
        assertThat(bytes(body)).isLessThanOrEqualTo(CaseManagement.MAX_MESSAGE_BYTES);
        assertThat(body)
                .startsWith("Paragraph 1: the dryer rattles &lt;loudly&gt; &amp; the drum squeaks.\n")
                .contains("It started after the last service visit.\n\n[This e-mail was longer than a message holds (")
                .endsWith("the limit is 64 KiB), so only its first part is shown here. The full original is attached"
                        + " for staff.]");
        var kept = body.substring(0, body.indexOf("\n\n[This e-mail"));
        assertThat(kept.split("\n\n"))
                .as("only whole paragraphs")
                .allSatisfy(p -> assertThat(p).endsWith("It started after the last service visit."));
        assertThat(bytes(kept)).as("most of the room is used").isGreaterThan(CaseManagement.MAX_MESSAGE_BYTES - 4096);
    }

    @Test
    void aLongHtmlMailKeepsItsFirstPartAsPlainText() {
        var html = "<p>Dear support,</p>" + "<p>The <b>dryer</b> rattles &amp; squeaks.</p>".repeat(5000);
        var raw = mail("""
                From: ada@example.org
                Message-ID: <long-html@example.org>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8
                """, html);

        var parsed = (MimeMessages.Accepted) parser(300 * 1024).parse(raw);

        assertThat(parsed.shortened()).isTrue();
        assertThat(parsed.message().body())
                .startsWith("Dear support,\nThe dryer rattles &amp; squeaks.\n")
                .doesNotContain("<b>")
                .endsWith("The full original is attached for staff.]");
    }

    @Test
    void aMailThatFitsIsKeptWholeWithoutANote() {
        var text = "x".repeat(CaseManagement.MAX_MESSAGE_BYTES);
        var parsed = (MimeMessages.Accepted) parser(300 * 1024).parse(mail("From: a@example.org", text));

        assertThat(parsed.shortened()).isFalse();
        assertThat(parsed.message().body()).isEqualTo(text);
    }

    @Test
    void aLongListOfAttachmentsIsCutSoTheMailStillFits() {
        var parts = new StringBuilder("--b\nContent-Type: text/plain\n\nSee the attached files.\n");
        for (int i = 0; i < 90; i++) {
            parts.append("--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"")
                    .append(i)
                    .append("&".repeat(250))
                    .append(".pdf\"\n\nx\n");
        }
        parts.append("--b--\n");
        var raw = mail(
                "From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"",
                parts.toString());

        var parsed = (MimeMessages.Accepted) parser(300 * 1024).parse(raw);

        assertThat(parsed.attachments()).hasSize(90);
        assertThat(bytes(parsed.message().body())).isLessThanOrEqualTo(CaseManagement.MAX_MESSAGE_BYTES);
        assertThat(parsed.message().body())
                .startsWith("See the attached files.")
                .endsWith("more");
    }

    private static MimeMessages parser(int maxSize) {
        return new MimeMessages(maxSize, maxSize, "support@directline.example");
    }
}
