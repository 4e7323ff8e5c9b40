package io.directline.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test that drives the screens in a real browser against the application on a random port. All
 * browser test classes share this one configuration, so they share one application context; the inbox
 * refreshes every second so a test sees new cases arrive without reloading.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"directline.cases.inbox-refresh=1s"})
public @interface BrowserTest {}
