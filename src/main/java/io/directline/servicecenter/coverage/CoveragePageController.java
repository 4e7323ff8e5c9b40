package io.directline.servicecenter.coverage;

import io.directline.identity.DirectLineUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coverage screen for supervisors, executives and admins: K and a Run button, a progress bar while a run goes
 * (htmx asks for the progress part every second; once the run has finished it reloads the page), then the map, the
 * regions, the underserved clusters, the proposed sites, the downloads and the service-visit figures.
 */
@Controller
@RequestMapping("/supervisor/coverage")
class CoveragePageController {

    private final CoverageAnalysis analysis;
    private final StateOutlines outlines;
    private final VisitFigures visits;

    CoveragePageController(CoverageAnalysis analysis, StateOutlines outlines, VisitFigures visits) {
        this.analysis = analysis;
        this.outlines = outlines;
        this.visits = visits;
    }

    @GetMapping
    String page(Model model) {
        return page(model, null, null);
    }

    @PostMapping
    String run(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestParam(name = "k", required = false) String k,
            Model model,
            HttpServletResponse response) {
        int sites;
        try {
            sites = CoverageAnalysis.parseK(k);
        } catch (ErrorResponseException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, e.getBody().getDetail(), k);
        }
        analysis.start(sites, user.getUsername());
        return "redirect:/supervisor/coverage";
    }

    @GetMapping("/progress")
    String progress(Model model, HttpServletResponse response) {
        var status = analysis.status();
        if (status.running() == null) {
            // finished meanwhile: htmx reloads the whole page to show the result
            response.setHeader("HX-Redirect", "/supervisor/coverage");
        }
        model.addAttribute("running", status.running());
        return "servicecenter/coverage :: progress";
    }

    @GetMapping("/regions.csv")
    ResponseEntity<String> regions() {
        return ResponseEntity.ok()
                .contentType(CoverageApiController.CSV)
                .header("Content-Disposition", "attachment; filename=\"coverage-regions.csv\"")
                .body(CoverageExports.regionsCsv(analysis.status().last()));
    }

    @GetMapping("/sites.geojson")
    ResponseEntity<Map<String, Object>> sites() {
        return ResponseEntity.ok()
                .contentType(CoverageApiController.GEO_JSON)
                .header("Content-Disposition", "attachment; filename=\"coverage-sites.geojson\"")
                .body(CoverageExports.sitesGeoJson(analysis.status().last()));
    }

    private String page(Model model, String problem, String typed) {
        var status = analysis.status();
        var last = status.last();
        model.addAttribute("problem", problem);
        model.addAttribute(
                "k", typed != null ? typed : String.valueOf(last == null ? CoverageAnalysis.DEFAULT_K : last.k()));
        model.addAttribute("running", status.running());
        model.addAttribute("failure", status.failure());
        model.addAttribute("result", last);
        model.addAttribute("map", CoverageMap.of(outlines, last));
        model.addAttribute("visits", visits.figures());
        return "servicecenter/coverage";
    }
}
