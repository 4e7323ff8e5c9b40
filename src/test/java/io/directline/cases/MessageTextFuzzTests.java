package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.directline.channel.intake.PlainText;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.springframework.web.ErrorResponseException;

/**
 * Whatever an owner sends, storing it either succeeds with harmless HTML or is refused with a problem;
 * it never fails otherwise. Its plain-text form, sent on channels without markup, carries none of the
 * stored markup, is no longer than the stored text, and keeps the owner's words.
 *
 * <p>A saved input for a {@code String} parameter is in Jazzer's own format, not the bare text: the byte
 * 1 (not null), the length as a four-byte big-endian number, then the UTF-8 bytes.
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
            wordsInMarkupSurviveAsPlainText(raw);
            return;
        }
        var lower = safe.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContain("<script")
                .doesNotContain("javascript:")
                .doesNotContain(" onerror=");
        assertThat(lower).doesNotContain("<iframe").doesNotContain("<style");

        var plain = PlainText.of(safe);
        assertThat(plain.length()).as("plain text of %s", safe).isLessThanOrEqualTo(safe.length());
        if (!safe.contains("&")) {
            // nothing the owner typed was an escaped '<' or '>', so any left would be stored markup
            assertThat(plain).as("plain text of %s", safe).doesNotContain("<", ">");
        }
        wordsInMarkupSurviveAsPlainText(raw);
    }

    /**
     * The words of the input (its letters and digits), sent in paragraphs with formatting, come out as
     * plain text with exactly those words, one paragraph a line.
     */
    private static void wordsInMarkupSurviveAsPlainText(String raw) {
        var words = raw == null ? "" : raw.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (words.isEmpty() || words.length() > MessageText.MAX_BYTES / 16) {
            return;
        }
        var html = "<p>" + words + "</p><p><b>" + words + "</b><br>" + words + "</p>";

        var plain = PlainText.of(MessageText.of(html));

        assertThat(plain).as("plain text of %s", html).isEqualTo(words + "\n" + words + "\n" + words);
    }
}
