package io.directline.servicecenter.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.servicecenter.CenterDetails;
import io.directline.servicecenter.ServiceCenterRegistry;
import io.directline.testsupport.Accessibility;
import io.directline.testsupport.IsolatedDatabase;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The coverage screen in a browser, on the known layout of {@link CoverageApiTests} (centers in Boston and Chicago,
 * owners around them and around Denver): a K out of range comes back with its sentence and what was typed; a run
 * ends in the map with the state outlines, the owner density, both centers and the proposed sites (the first by
 * Denver), the tables, and no serious accessibility violation. A database of its own, for the figures count every
 * owner.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CoverageBrowserTests extends ScreenTest {

    private static final String OWN_SCHEMA =
            "coveragescreen_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IsolatedDatabase.properties(OWN_SCHEMA).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    ServiceCenterRegistry registry;

    @Test
    void aSupervisorRunsTheAnalysisAndSeesTheMapWithCentersAndProposedSites() {
        registry.register(center("Boston", CoverageApiTests.BOSTON), "test");
        registry.register(center("Chicago", CoverageApiTests.CHICAGO), "test");
        CoverageApiTests.ownersAround(customers, CoverageApiTests.BOSTON, "MA", 100, 1);
        CoverageApiTests.ownersAround(customers, CoverageApiTests.CHICAGO, "IL", 20, 2);
        CoverageApiTests.ownersAround(customers, CoverageApiTests.DENVER, "CO", 60, 3);
        var supervisor = people.supervisor("Sam", "support");

        var browser = browser().signIn(supervisor.username(), People.PASSWORD);
        browser.go("/supervisor/coverage");
        assertThat(browser.find(By.id("coverage-none")).getText()).contains("No coverage analysis has finished yet");
        assertThat(browser.all(By.cssSelector("#coverage-map path.state")))
                .as("the state outlines, before any run")
                .hasSizeGreaterThanOrEqualTo(50);

        browser.type(By.id("coverage-k"), "51");
        browser.clickToPage(By.id("coverage-run"));
        assertThat(browser.pageText()).contains("a whole number from 1 to 50, not 51");
        assertThat(browser.find(By.id("coverage-k")).getAttribute("value")).isEqualTo("51");

        browser.type(By.id("coverage-k"), "3");
        browser.clickToPage(By.id("coverage-run"));
        // the progress bar while it runs; htmx reloads the page once it has finished
        browser.waitUntil(d -> !browser.all(By.id("coverage-sites")).isEmpty());

        assertThat(browser.text(By.id("coverage-time"))).contains("K = 3", "180 owners", "2 service centers");
        var map = browser.find(By.id("coverage-map"));
        assertThat(map.getAttribute("role")).isEqualTo("img");
        assertThat(map.getAttribute("aria-label")).contains("2 service centers", "3 proposed new sites", "Denver");
        assertThat(browser.all(By.cssSelector("#coverage-map path.state"))).hasSizeGreaterThanOrEqualTo(50);
        assertThat(browser.all(By.cssSelector("#coverage-map rect.owners-cell")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.all(By.cssSelector("#coverage-map g.centers circle.center-marker")))
                .hasSize(2);
        assertThat(browser.all(By.cssSelector("#coverage-map g.sites g.site-marker")))
                .hasSize(3);
        assertThat(browser.all(By.cssSelector("#coverage-map g.sites g.site-marker text"))
                        .get(0)
                        .getText())
                .isEqualTo("1");

        assertThat(browser.text(By.id("coverage-sites"))).contains("Denver, CO", "60");
        assertThat(browser.text(By.id("coverage-regions"))).contains("CO", "MA", "IL");
        assertThat(browser.text(By.id("coverage-clusters"))).contains("Denver, CO");
        assertThat(browser.text(By.id("visit-centers"))).contains("Boston", "Chicago");
        assertThat(browser.find(By.id("coverage-csv")).getAttribute("href"))
                .endsWith("/supervisor/coverage/regions.csv");

        browser.fullPageScreenshot("desktop-coverage-full"); // for a person to look at, under target/screenshots
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    private static CenterDetails center(String name, double[] at) {
        return new CenterDetails(
                name + " " + UUID.randomUUID().toString().substring(0, 6),
                "1 Main Street",
                name,
                "MA",
                null,
                "US",
                at[0],
                at[1],
                "America/New_York",
                Map.of("MONDAY", "08:00-18:00", "TUESDAY", "08:00-18:00", "WEDNESDAY", "08:00-18:00"),
                List.of(),
                Map.of("TYRES", 4),
                20,
                1,
                null);
    }
}
