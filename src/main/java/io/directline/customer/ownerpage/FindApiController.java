package io.directline.customer.ownerpage;

import io.directline.customer.Found;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Find", description = "The staff find box")
@RestController
class FindApiController {

    private final OwnerPage ownerPage;

    FindApiController(OwnerPage ownerPage) {
        this.ownerPage = ownerPage;
    }

    @Operation(
            summary = "Find owners and cases",
            description = "By the start of a name, an e-mail address, a phone number in any format, a social handle,"
                    + " a case reference (DL-000123) or an order number (or its start). Owners first, at most 10;"
                    + " fewer than 2 characters find nothing.")
    @GetMapping("/api/v1/find")
    FoundList find(@RequestParam(defaultValue = "") String q) {
        return new FoundList(q.strip(), ownerPage.find(q));
    }

    record FoundList(String query, List<Found> items) {}
}
