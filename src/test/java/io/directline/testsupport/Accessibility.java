package io.directline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (the accessibility engine, from the {@code org.webjars.npm:axe-core} test dependency, never fetched at
 * run time) in the page a {@link Browser} shows, and reports the violations a person with a screen reader, a keyboard
 * or weak eyes would hit: those axe rates {@code serious} or {@code critical}.
 */
public final class Accessibility {

    /** The axe version the pom pins; the script is read from the webjar on the test classpath. */
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final String SOURCE = load();

    private Accessibility() {}

    /** One failed rule on one page: the rule, what it asks for, and the elements (CSS selectors) that break it. */
    public record Violation(String page, String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + " at " + targets;
        }
    }

    /** The serious and critical violations on the page the browser shows now, after it has settled. */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(Browser browser) {
        var js = (JavascriptExecutor) browser.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(SOURCE);
        }
        var result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations
                    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return {rule: v.id, impact: v.impact, help: v.help,
                              targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                    }));
                }, function (e) { done({error: String(e)}); });
                """);
        if (result instanceof Map<?, ?> failure) {
            throw new AssertionError("axe-core could not check " + browser.path() + ": " + failure.get("error"));
        }
        var page = browser.path();
        return ((List<Map<String, Object>>) result)
                .stream()
                        .map(v -> new Violation(
                                page, (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (List<
                                                String>)
                                        v.get("targets")))
                        .toList();
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath (" + AXE
                        + "): the pom's org.webjars.npm:axe-core test dependency must match this version.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
