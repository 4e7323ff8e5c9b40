package io.directline.channel.email;

import io.directline.cases.CaseManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The download link of the internal note on a shortened e-mail's case, signed in with the staff session. A screen
 * path, so a refusal is the error page rather than a problem document.
 */
@Controller
class EmailOriginalPageController {

    private final EmailOriginals originals;
    private final CaseManagement cases;

    EmailOriginalPageController(EmailOriginals originals, CaseManagement cases) {
        this.originals = originals;
        this.cases = cases;
    }

    @GetMapping("/cases/{id}/messages/{messageId}/original")
    ResponseEntity<byte[]> original(@PathVariable long id, @PathVariable long messageId) {
        return EmailOriginalController.download(originals, cases, id, messageId);
    }
}
