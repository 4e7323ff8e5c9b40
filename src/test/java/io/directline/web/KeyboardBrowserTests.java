package io.directline.web;

import static io.directline.testsupport.Keyboard.active;
import static io.directline.testsupport.Keyboard.keys;
import static io.directline.testsupport.Keyboard.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** An owner with the keyboard alone: signs in, opens a case and writes a message, and always sees where focus is. */
class KeyboardBrowserTests extends ScreenTest {

    @Test
    void anOwnerSignsInOpensACaseAndWritesAMessageWithTheKeyboardAlone() {
        var owner = people.owner("Kira");
        var agent = people.agent("Karl");
        long caseId = people.caseWithConversation(owner, agent);
        var browser = browser().go("/login");

        tabTo(browser, e -> "username".equals(e.getAttribute("name")));
        keys(browser, owner.username(), Keys.TAB, People.PASSWORD, Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/portal"));

        var link = tabTo(browser, e -> ("/portal/cases/" + caseId).equals(e.getDomAttribute("href")));
        assertThat(link.getCssValue("outline-style"))
                .as("the focused link shows a focus ring")
                .isNotEqualTo("none");
        keys(browser, Keys.ENTER);
        browser.waitUntil(d -> browser.path().equals("/portal/cases/" + caseId));

        tabTo(browser, e -> "reply-body".equals(e.getAttribute("id")));
        keys(browser, "Typed without a mouse.", Keys.TAB);
        // the file picker comes between the text and the button: the next stop, then Send
        assertThat(active(browser).getAttribute("id")).isEqualTo("reply-files");
        keys(browser, Keys.TAB);
        assertThat(active(browser).getAttribute("id")).isEqualTo("send-reply");
        keys(browser, Keys.ENTER);
        browser.waitUntil(d -> browser.pageText().contains("Typed without a mouse."));
    }
}
