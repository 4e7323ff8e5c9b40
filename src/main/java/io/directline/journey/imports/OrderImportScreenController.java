package io.directline.journey.imports;

import io.directline.identity.DirectLineUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The admin's order import: upload a CSV file, then watch its progress (htmx polls the progress part every second
 * while it runs off the request thread) and read the report at the end.
 */
@Controller
@RequestMapping("/admin/orders/import")
class OrderImportScreenController {

    private final OrderImporter importer;

    OrderImportScreenController(OrderImporter importer) {
        this.importer = importer;
    }

    @GetMapping
    String form(Model model) {
        return page(model);
    }

    @PostMapping
    String upload(
            @AuthenticationPrincipal DirectLineUser user,
            HttpServletRequest request,
            @RequestParam(name = "csv", required = false) String csv,
            Model model,
            HttpServletResponse response)
            throws IOException {
        // the file from a multipart form; a form without one (or sent URL-encoded) may carry pasted rows
        MultipartFile file =
                request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        boolean pasted = file == null || file.isEmpty();
        if (pasted && (csv == null || csv.isBlank())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "Choose a CSV file of orders to import, or paste its rows.");
            return page(model);
        }
        var stored = Files.createTempFile("order-upload-", ".csv");
        if (pasted) {
            Files.writeString(stored, csv, StandardCharsets.UTF_8);
        } else {
            try (var in = file.getInputStream()) {
                Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        var run = importer.start(
                stored, pasted ? "pasted rows" : fileName(file.getOriginalFilename()), user.getUsername());
        return "redirect:/admin/orders/import/" + run.id;
    }

    @GetMapping("/{id}")
    String run(@PathVariable String id, Model model) {
        model.addAttribute(
                "run",
                importer.find(id)
                        .orElseThrow(() -> OrderImportApiController.notFound(id))
                        .summary());
        return "journey/import-run";
    }

    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute(
                "run",
                importer.find(id)
                        .orElseThrow(() -> OrderImportApiController.notFound(id))
                        .summary());
        return "journey/import-run :: progress";
    }

    @GetMapping("/{id}/report")
    ResponseEntity<Resource> report(@PathVariable String id) {
        var run = importer.find(id)
                .filter(OrderImport::finished)
                .orElseThrow(() -> OrderImportApiController.notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-rows.csv\"")
                .body(new FileSystemResource(run.report));
    }

    private String page(Model model) {
        model.addAttribute("columns", OrderCsv.COLUMNS);
        var runs = new ArrayList<OrderImport.Summary>();
        importer.recent().forEach(r -> runs.add(0, r.summary()));
        model.addAttribute("runs", runs);
        return "journey/import";
    }

    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "orders.csv";
        }
        var name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
