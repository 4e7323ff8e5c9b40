package io.directline.testsupport;

import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A person with the keyboard alone: keys pressed in the browser, and Tab until focus reaches what they want. */
public final class Keyboard {

    private Keyboard() {}

    /** The element that has the focus. */
    public static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    public static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the focused element is the one looked for; fails if it is not reachable. */
    public static WebElement tabTo(Browser browser, Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            keys(browser, Keys.TAB);
            var focused = active(browser);
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the element on " + browser.path());
    }
}
