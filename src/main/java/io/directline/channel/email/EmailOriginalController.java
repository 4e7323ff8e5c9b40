package io.directline.channel.email;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The full original of an e-mail whose text was shortened to fit its case, as the raw {@code .eml}: for
 * staff, who may see every case, over the API; the case page's link is {@link EmailOriginalPageController}'s.
 * Owners and everybody else are refused by the security rules of those paths.
 */
@Tag(name = "Cases", description = "Support cases, for staff")
@RestController
class EmailOriginalController {

    static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final EmailOriginals originals;
    private final CaseManagement cases;

    EmailOriginalController(EmailOriginals originals, CaseManagement cases) {
        this.originals = originals;
        this.cases = cases;
    }

    static String apiPath(long caseId, long messageId) {
        return "/api/v1/cases/" + caseId + "/messages/" + messageId + "/original";
    }

    static String screenPath(long caseId, long messageId) {
        return "/cases/" + caseId + "/messages/" + messageId + "/original";
    }

    @Operation(
            summary = "The full original (message/rfc822) of an e-mail whose text was too long for the case and was"
                    + " shortened")
    @GetMapping("/api/v1/cases/{id}/messages/{messageId}/original")
    ResponseEntity<byte[]> original(@PathVariable long id, @PathVariable long messageId) {
        return download(originals, cases, id, messageId);
    }

    /** The original as a download, or a 404 problem when the case has no such message or none was kept. */
    static ResponseEntity<byte[]> download(EmailOriginals originals, CaseManagement cases, long id, long messageId) {
        var message = cases.message(messageId);
        if (message.getCaseId() != id) {
            throw CaseProblems.problem(
                    HttpStatus.NOT_FOUND,
                    "Message not found",
                    "Case " + id + " has no message with id " + messageId + ".");
        }
        var original = originals
                .of(messageId)
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.NOT_FOUND,
                        "No original kept",
                        "Message " + messageId + " was taken in whole, so no separate original is kept."));
        return ResponseEntity.ok()
                .contentType(RFC822)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("email-" + messageId + ".eml")
                                .build()
                                .toString())
                .body(original.content());
    }
}
