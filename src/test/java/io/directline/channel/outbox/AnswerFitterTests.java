package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerFitterTests {

    static final String LINK = "https://support.example.test/portal/cases/42";

    @Test
    void aShortAnswerIsPostedAsItIs() {
        assertThat(AnswerFitter.fit("@sam ", "Descale it.", LINK, 500)).isEqualTo("@sam Descale it.");
    }

    @Test
    void aLongAnswerIsCutAtAWordAndLinksToTheCase() {
        var text = "word ".repeat(200).strip();
        var fitted = AnswerFitter.fit("", text, LINK, 280);
        assertThat(fitted.codePointCount(0, fitted.length())).isLessThanOrEqualTo(280);
        assertThat(fitted).endsWith("… Full answer: " + LINK).startsWith("word word");
        assertThat(fitted).doesNotContain("wor…").doesNotContain(" …");
    }

    @Test
    void personalDataIsRemovedFromPublicText() {
        assertThat(AnswerFitter.redact("Mail jane.doe@example.com or call +1 (555) 010-0200 about DL-000123."))
                .isEqualTo("Mail [address removed] or call [number removed] about DL-000123.");
    }

    @Test
    void plainTextBecomesSafeHtml() {
        assertThat(AnswerFitter.html("a < b\nc & d")).isEqualTo("a &lt; b<br>c &amp; d");
    }
}
