package io.directline.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTests {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Test
    void dropsTagsKeepsLineBreaksAndDecodesEntities() {
        assertThat(PlainText.of("<p>Hello <b>Ada</b>,</p><div>the dryer<br/>rattles &amp; squeaks</div>"))
                .isEqualTo("Hello Ada,\nthe dryer\nrattles & squeaks");
        assertThat(PlainText.of("<ul><li>one</li><li>two</li></ul><!-- a comment -->"))
                .isEqualTo("one\ntwo");
        assertThat(PlainText.of("a<br><br><br><br>b")).isEqualTo("a\n\nb");
    }

    @Test
    void keepsALessThanSignThatOpensNoTag() {
        assertThat(PlainText.of("3 &lt; 4 and a < b > c")).isEqualTo("3 < 4 and a < b > c");
        assertThat(PlainText.of("I <3 my car")).isEqualTo("I <3 my car");
        assertThat(PlainText.of("unfinished <b tag")).isEqualTo("unfinished <b tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<a", "<a ", "</", "<!", "<br", "&", "&#", "&lt", "<\n", "<p>&"})
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readsTenMegabytesOfHostileHtmlInOnePass(String unit) {
        var html = unit.repeat(TEN_MEGABYTES / unit.length());

        var text = PlainText.of(html);

        assertThat(text.length()).isLessThanOrEqualTo(html.length());
        assertThat(PlainText.of(html + "<p>end</p>")).endsWith("end");
    }
}
