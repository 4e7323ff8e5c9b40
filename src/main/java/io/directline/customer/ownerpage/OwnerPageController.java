package io.directline.customer.ownerpage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff's owner page, and the find box's matches as a list of links (the whole page without htmx). */
@Controller
class OwnerPageController {

    private final OwnerPage ownerPage;

    OwnerPageController(OwnerPage ownerPage) {
        this.ownerPage = ownerPage;
    }

    @GetMapping("/customers/{id}")
    String owner(@PathVariable long id, Model model) {
        model.addAttribute("page", ownerPage.of(id));
        return "customer/owner";
    }

    @GetMapping("/find")
    String find(
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("found", ownerPage.find(q));
        // the navigation's find box holds #find-results; the whole page's list needs an id of its own
        model.addAttribute("resultsId", htmx != null ? "find-results" : "find-page-results");
        return htmx != null ? "customer/find :: results" : "customer/find";
    }
}
