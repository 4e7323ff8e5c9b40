package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class MessageTextTests {

    @Test
    void removesScriptsAndEventHandlersButKeepsTheText() {
        var safe = MessageText.of("Hello <script>alert(1)</script><img src=x onerror=alert(2)><b>bold</b>");
        assertThat(safe).doesNotContain("<script").doesNotContain("onerror").doesNotContain("<img");
        assertThat(safe).contains("Hello").contains("<b>bold</b>");
    }

    @Test
    void keepsLinksButMarksThemNofollow() {
        var safe = MessageText.of("See <a href=\"https://example.com/manual\">the manual</a>");
        assertThat(safe).contains("href=\"https://example.com/manual\"").contains("nofollow");
    }

    @Test
    void dropsJavascriptLinks() {
        assertThat(MessageText.of("<a href=\"javascript:alert(1)\">click</a>")).doesNotContain("javascript");
    }

    @Test
    void acceptsExactly64KibAndRefusesOneByteMore() {
        assertThat(MessageText.of("a".repeat(65_536))).hasSize(65_536);
        assertThatThrownBy(() -> MessageText.of("a".repeat(65_537)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getBody().getDetail()).contains("65537 bytes").contains("64 KiB");
                });
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() {
        // "é" is two bytes in UTF-8: 32,769 of them are 65,538 bytes
        assertThatThrownBy(() -> MessageText.of("é".repeat(32_769))).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void refusesAMessageThatIsEmptyOnceSanitized() {
        assertThatThrownBy(() -> MessageText.of("<script>only a script</script>"))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> MessageText.of("   ")).isInstanceOf(ErrorResponseException.class);
    }
}
