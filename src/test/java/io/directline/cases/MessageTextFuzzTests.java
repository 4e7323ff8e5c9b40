package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.directline.channel.PlainText;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.springframework.web.ErrorResponseException;

/**
 * Whatever an owner sends, storing it either succeeds with harmless HTML or is refused with a problem;
 * it never fails otherwise, and its plain-text form never throws either.
 */
@Tag("fuzz")
class MessageTextFuzzTests {

    @FuzzTest(maxDuration = "10s")
    void sanitizedMessagesCarryNoScript(String raw) {
        String safe;
        try {
            safe = MessageText.of(raw);
        } catch (ErrorResponseException refused) {
            assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
            return;
        }
        var lower = safe.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContain("<script")
                .doesNotContain("javascript:")
                .doesNotContain(" onerror=");
        assertThat(lower).doesNotContain("<iframe").doesNotContain("<style");
        assertThat(PlainText.of(safe)).isNotNull();
    }
}
