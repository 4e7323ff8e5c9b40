package io.directline.servicecenter.coverage;

import io.directline.identity.DirectLineUser;
import io.directline.web.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ReportPeriod.API_TAG, description = ReportPeriod.API_TAG_DESCRIPTION)
@RestController
class CoverageApiController {

    static final String PATH = "/api/v1/reports/coverage";
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CoverageAnalysis analysis;
    private final VisitFigures visits;

    CoverageApiController(CoverageAnalysis analysis, VisitFigures visits) {
        this.analysis = analysis;
        this.visits = visits;
    }

    @Operation(
            summary = "Start a coverage analysis",
            description = "Starts the analysis of every owner's distance to the nearest service center, with k new"
                    + " sites proposed (1 to 50, default 5), on a background thread: 202 with the run and its progress"
                    + " (Location: the report). One runs at a time: a start while one runs answers 202 with the running"
                    + " one (alreadyRunning: true, its own k). 400 for a k out of range.")
    @PostMapping(PATH)
    ResponseEntity<CoverageAnalysis.Started> start(
            @AuthenticationPrincipal DirectLineUser user,
            @Parameter(description = "How many new sites to propose, 1 to 50 (default 5)")
                    @RequestParam(required = false)
                    String k) {
        var started = analysis.start(CoverageAnalysis.parseK(k), user.getUsername());
        return ResponseEntity.accepted().location(URI.create(PATH)).body(started);
    }

    @Operation(
            summary = "The last coverage analysis, and the running one",
            description = "The last finished analysis (null before the first; kept in memory on this node) with its"
                    + " time: per region p50/p90/max distance, underserved clusters, the demand grid, the proposed"
                    + " sites with what each brings; and the running analysis's progress (null when none runs).")
    @GetMapping(PATH)
    CoverageAnalysis.Status status() {
        return analysis.status();
    }

    @Operation(
            summary = "The proposed sites and the existing centers as GeoJSON",
            description = "A FeatureCollection of Points ([longitude, latitude]); the property kind tells a"
                    + " proposed-site from a service-center. Empty before the first analysis finishes.")
    @GetMapping(PATH + "/sites.geojson")
    ResponseEntity<Map<String, Object>> sites() {
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .body(CoverageExports.sitesGeoJson(analysis.status().last()));
    }

    @Operation(
            summary = "The regions of the last coverage analysis as CSV",
            description = "A header, then one row per region: owners, p50, p90 and max miles, owners within 50 miles.")
    @GetMapping(PATH + "/regions.csv")
    ResponseEntity<String> regions() {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"coverage-regions.csv\"")
                .body(CoverageExports.regionsCsv(analysis.status().last()));
    }

    @Operation(
            summary = "Service-visit figures",
            description = "Per center: visits booked in the last 30 and the next 30 days, the seats they take of the"
                    + " capacity of the next 30 days (utilisation); per region: the days to the first free seat.")
    @GetMapping("/api/v1/reports/service-visits")
    VisitFigures.Figures serviceVisits() {
        return visits.figures();
    }
}
