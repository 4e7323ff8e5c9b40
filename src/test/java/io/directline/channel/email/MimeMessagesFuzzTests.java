package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.directline.cases.CaseManagement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Whatever bytes arrive as an e-mail, the parser either accepts them with an id, a sender and a text
 * (what the intake needs, and short enough for a case), ignores them as machine mail, or rejects them
 * with a reason; it never fails in any other way, and never hangs on nesting, part bombs or hostile HTML.
 */
@Tag("fuzz")
class MimeMessagesFuzzTests {

    private final MimeMessages parser = new MimeMessages(64 * 1024, 1024, "support@directline.example");

    @FuzzTest(maxDuration = "30s")
    void everyInputIsAcceptedIgnoredOrRejected(byte[] raw) {
        try {
            var parsed = parser.parse(raw);
            if (parsed instanceof MimeMessages.Accepted accepted) {
                var message = accepted.message();
                assertThat(message.externalId()).isNotBlank();
                assertThat(message.senderHandle()).isNotBlank();
                assertThat(message.body()).isNotBlank();
                assertThat(message.body().getBytes(StandardCharsets.UTF_8).length)
                        .as("the text fits a case message")
                        .isLessThanOrEqualTo(CaseManagement.MAX_MESSAGE_BYTES);
                assertThat(accepted.attachments()).hasSizeLessThanOrEqualTo(MimeMessages.MAX_PARTS);
            } else {
                assertThat(parsed).isInstanceOf(MimeMessages.Ignored.class);
            }
        } catch (MimeMessages.Rejected rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }
}
