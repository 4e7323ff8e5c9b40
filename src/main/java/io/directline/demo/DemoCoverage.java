package io.directline.demo;

import io.directline.servicecenter.CoverageReports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo on, every start runs the coverage analysis in the background once the demo's owners and centers are
 * there: the analysis's result lives in memory, and a newcomer opening the coverage screen should see the uneven
 * centers' story (the owners far from any center, the sites that would help) rather than an empty map.
 */
@Component
@Order(20)
class DemoCoverage implements ApplicationRunner {

    /** The sites the demo's analysis proposes; the screen can ask for 1 to 50. */
    static final int SITES = 5;

    private final DemoProperties properties;
    private final CoverageReports coverage;

    DemoCoverage(DemoProperties properties, CoverageReports coverage) {
        this.properties = properties;
        this.coverage = coverage;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            coverage.startCoverageRun(SITES, "the demo, at start-up");
        }
    }
}
