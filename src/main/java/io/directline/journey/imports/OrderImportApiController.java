package io.directline.journey.imports;

import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Orders")
@RestController
@RequestMapping("/api/v1/orders")
class OrderImportApiController {

    private final OrderImporter importer;

    OrderImportApiController(OrderImporter importer) {
        this.importer = importer;
    }

    @Operation(
            summary = "Import orders from CSV",
            description = "The body is the CSV file (text/csv, UTF-8), read as it arrives. The first line names the"
                    + " columns: ref, owner (an owner id or e-mail address) and model are required; configuration,"
                    + " region, postal_code, latitude, longitude, tags (separated by ;), milestone (DELIVERED when"
                    + " empty), promised, estimate, actual (YYYY-MM-DD) and reason (required when an estimate moves)"
                    + " are optional; several rows of one ref set several milestones. Rows are applied in batches;"
                    + " a row that cannot be kept is listed with its line and why (the first 100 in the answer, all"
                    + " in the report), the rest are imported. The same file twice changes nothing.")
    @PostMapping(
            path = "/import",
            consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<OrderImport.Summary> importCsv(
            @AuthenticationPrincipal DirectLineUser user, HttpServletRequest request) throws IOException {
        var run = importer.run(
                request.getInputStream(), "orders.csv", request.getContentLengthLong(), user.getUsername());
        var summary = run.summary();
        if (summary.failure() != null && summary.rows() == 0) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary.failure());
            problem.setTitle("Not an order file");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return ResponseEntity.ok(summary);
    }

    @Operation(
            summary = "The rejected rows of an import, as CSV",
            description = "line, ref, reason for every row that was not imported. Kept for the node's last 20 imports.")
    @GetMapping("/imports/{id}/report")
    ResponseEntity<Resource> report(@PathVariable String id) {
        var run = importer.find(id).filter(OrderImport::finished).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-rows.csv\"")
                .body(new FileSystemResource(run.report));
    }

    static ErrorResponseException notFound(String id) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "There is no finished import " + OrderCsv.clip(id)
                        + " on this node; reports are kept for the last 20 imports.");
        problem.setTitle("Import not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
